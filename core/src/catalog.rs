//! The public constructors of a catalogue. Loading a catalogue is two
//! layers' work: the loading layer reads and compiles its files into the
//! model, then the rendering layer prepares the JSON text of the parts of
//! answers that never change. This module, at the top, joins the two.

use crate::error::LoadError;
use crate::load::{Provenance, embedded};
use crate::model::Catalog;

impl Catalog {
    /// The catalogue compiled into this build: the 18 services of the seed.
    ///
    /// It is parsed on first use and shared afterwards.
    pub fn embedded() -> &'static Catalog {
        static EMBEDDED: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
        EMBEDDED.get_or_init(|| {
            let files = embedded::FILES.iter().copied();
            let mut catalog =
                Catalog::load_files(embedded::VERSION.trim(), files, Provenance::Trusted, Some(embedded::HASH))
                    .expect("the embedded catalogue is valid; tests check it");
            crate::render::prepare(&mut catalog);
            catalog
        })
    }

    /// Loads a catalogue from its files, each a `(file name, JSON text)`
    /// pair: `facts.json` (the fact vocabulary and the owners of
    /// materials), `documents.json` (the
    /// document registry), and one file per service in the format of
    /// `core/catalog/services/*.json`. Files are told apart by name: a file
    /// named exactly `facts.json` or `documents.json` (after any `/`) is
    /// that file; every other file is a service.
    ///
    /// # Errors
    ///
    /// A [`LoadError`] listing every problem found, in every file. Besides
    /// the format, loading checks where each rule comes from: an
    /// eligibility rule needs a quote of its source text (`source`) or a
    /// recorded interpretation (`decision`); a material with a condition
    /// needs a quote for the condition (`when_source`) or a `decision`; and
    /// an unquoted interpretation may not cite a `basis`, so that it never
    /// borrows a law's authority.
    ///
    /// # Example
    ///
    /// ```
    /// let text = r#"{
    ///   "id": "99.1", "name": "示例事项",
    ///   "legal_basis": [{"id": "law", "title": "示例条例"}],
    ///   "implementing_body": "示例中心", "boundary": "示例中心",
    ///   "steps": [{"actor": "申请人", "action": "提出申请"}],
    ///   "responsibility": "负责办理",
    ///   "supervision": {"office": "纪检办公室", "phone": "12345678"},
    ///   "materials": [{"id": "id_card", "name": "身份证", "document": "id_card",
    ///                  "owner": "applicant", "form": "original", "basis": ["law"]}]
    /// }"#;
    /// let facts = r#"{"facts": [{"name": "proxy", "label": "是否由代办人办理", "type": "bool",
    ///                             "yes": "由代办人办理", "no": "由申请人本人办理"}],
    ///                  "owners": [{"name": "applicant", "label": "申请人"}]}"#;
    /// let documents = r#"{"documents": [{"id": "id_card", "name": "居民身份证"}]}"#;
    /// let catalog = banshi::Catalog::from_files(
    ///     "1",
    ///     [("facts.json", facts), ("documents.json", documents), ("99.1.json", text)],
    /// )?;
    /// assert_eq!(catalog.service("99.1")?.requirements().len(), 1);
    /// # Ok::<(), banshi::Error>(())
    /// ```
    pub fn from_files<'a>(
        version: &str,
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Catalog, LoadError> {
        let mut catalog = Catalog::load_files(version, files, Provenance::Checked, None)?;
        crate::render::prepare(&mut catalog);
        Ok(catalog)
    }

    /// Loads a catalogue from one bundle: `{"version": "…", "facts": [ … ],
    /// "derived": [ … ], "owners": [ … ], "documents": [ … ], "services":
    /// [ … ]}`, the members of `facts.json` and `documents.json` and each
    /// service in the file format (`banshi bundle <dir>` writes one).
    ///
    /// # Errors
    ///
    /// A [`LoadError`] listing every problem found, with the same checks as
    /// [`Catalog::from_files`].
    pub fn from_bundle(text: &str) -> Result<Catalog, LoadError> {
        let mut catalog = Catalog::load_bundle(text)?;
        crate::render::prepare(&mut catalog);
        Ok(catalog)
    }
}
