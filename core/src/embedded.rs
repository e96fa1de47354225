//! The embedded catalogue: every file under `core/catalog/services`,
//! included at compile time. A test checks this list against the directory.

/// The catalogue version, from `core/catalog/VERSION`.
pub(crate) const VERSION: &str = include_str!("../catalog/VERSION");

macro_rules! services {
    ($($file:literal),* $(,)?) => {
        /// `(file name, JSON text)` for each service file.
        pub(crate) const FILES: &[(&str, &str)] = &[
            $(($file, include_str!(concat!("../catalog/services/", $file)))),*
        ];
    };
}

services![
    "1.1.json",
    "1.2.json",
    "2.1.json",
    "3.1.json",
    "3.2.json",
    "3.3.json",
    "4.1.json",
    "4.2.json",
    "4.3.json",
    "5.1.json",
    "5.2.json",
    "5.3.json",
    "6.1.json",
    "7.1.json",
    "8.1.json",
    "9.1.json",
    "10.1.json",
    "11.1.json",
];
