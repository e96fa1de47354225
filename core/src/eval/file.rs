//! Checking a file a user chose against what a material requires, before
//! upload: its format (by extension and MIME type) and its size.

use std::fmt;

use crate::model::FileSpec;
use crate::support::Joined as _;

/// A file a user chose, described as a browser `File` is: name, MIME type
/// and size. Its content is not read.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct UploadedFile<'a> {
    /// The file name, such as `photo.jpg`.
    pub name: &'a str,
    /// The MIME type, such as `image/jpeg`; empty when unknown.
    pub mime_type: &'a str,
    /// The size in bytes.
    pub size: u64,
}

/// One problem with an uploaded file.
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub enum FileProblem {
    /// The extension or MIME type is not an accepted format.
    Format {
        /// The accepted formats, upper case, joined by `/`.
        expected: String,
    },
    /// The file is empty.
    Empty,
    /// The file is not smaller than the limit.
    TooLarge {
        /// The file's size in bytes.
        size: u64,
        /// The limit in bytes; files must be strictly smaller.
        max_bytes: u64,
    },
}

impl FileProblem {
    /// A stable code: `FILE_FORMAT`, `FILE_EMPTY` or `FILE_TOO_LARGE`.
    pub fn code(&self) -> &'static str {
        match self {
            FileProblem::Format { .. } => "FILE_FORMAT",
            FileProblem::Empty => "FILE_EMPTY",
            FileProblem::TooLarge { .. } => "FILE_TOO_LARGE",
        }
    }
}

/// A size in KB with one decimal, rounded up. `bytes * 10` would overflow
/// for sizes over 1.8 EB, which a request may claim: tenths of a KB are
/// ⌈5 × bytes / 512⌉, taken apart as 5 × (bytes / 512) + ⌈5 × (bytes % 512) / 512⌉.
fn kilobytes(bytes: u64) -> String {
    let tenths = bytes / 512 * 5 + (bytes % 512 * 5).div_ceil(512);
    if tenths % 10 == 0 { format!("{} KB", tenths / 10) } else { format!("{}.{} KB", tenths / 10, tenths % 10) }
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileProblem::Format { expected } => write!(f, "文件格式应为 {expected}"),
            FileProblem::Empty => f.write_str("文件为空"),
            FileProblem::TooLarge { size, max_bytes } => {
                write!(f, "文件大小为 {}，应小于 {}", kilobytes(*size), kilobytes(*max_bytes))
            }
        }
    }
}

/// The MIME types each format may come with. `jpg` and `jpeg` are one format.
fn mime_types(format: &str) -> &'static [&'static str] {
    match format {
        "jpg" | "jpeg" => &["image/jpeg", "image/pjpeg"],
        "png" => &["image/png"],
        "pdf" => &["application/pdf"],
        _ => &[],
    }
}

fn same_format(a: &str, b: &str) -> bool {
    let canon = |f: &str| if f == "jpeg" { "jpg".to_owned() } else { f.to_owned() };
    canon(a) == canon(b)
}

impl FileSpec {
    /// Checks a chosen file before upload: its format (by extension, and by
    /// MIME type when given) and its size. Returns every problem found; an
    /// empty list means the file is acceptable.
    ///
    /// # Example
    ///
    /// ```
    /// use banshi::{Catalog, UploadedFile};
    ///
    /// let (_, photo) = Catalog::embedded().service("8.1")?.material("electronic_photo").unwrap();
    /// let spec = photo.file().unwrap();
    /// let big = UploadedFile { name: "me.jpg", mime_type: "image/jpeg", size: 130 * 1024 };
    /// assert_eq!(spec.check(&big)[0].to_string(), "文件大小为 130 KB，应小于 120 KB");
    /// # Ok::<(), banshi::Error>(())
    /// ```
    pub fn check(&self, file: &UploadedFile<'_>) -> Vec<FileProblem> {
        let mut problems = Vec::new();
        // After the last `.`, found byte by byte (as the loader and the JSON
        // reader do): `rsplit_once` would bring a reverse searcher into the WASM.
        let extension = file
            .name
            .bytes()
            .rposition(|b| b == b'.')
            .map(|i| file.name[i + 1..].to_ascii_lowercase())
            .unwrap_or_default();
        let format_ok = self.formats().iter().any(|f| same_format(f, &extension))
            && (file.mime_type.is_empty()
                || self
                    .formats()
                    .iter()
                    .any(|f| mime_types(f).contains(&file.mime_type.to_ascii_lowercase().as_str())));
        if !format_ok {
            let expected = self.formats().iter().map(|f| f.to_ascii_uppercase()).collect::<Vec<_>>().joined("/");
            problems.push(FileProblem::Format { expected });
        }
        if file.size == 0 {
            problems.push(FileProblem::Empty);
        } else if file.size >= self.max_bytes() {
            problems.push(FileProblem::TooLarge { size: file.size, max_bytes: self.max_bytes() });
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_checks() {
        let spec = FileSpec { formats: vec!["jpg".into()], max_bytes: 120 * 1024 };
        let ok = |name, mime_type, size| spec.check(&UploadedFile { name, mime_type, size });
        assert!(ok("a.JPG", "image/jpeg", 1).is_empty());
        assert!(ok("a.jpeg", "", 120 * 1024 - 1).is_empty());
        assert_eq!(ok("a.jpg", "image/jpeg", 120 * 1024)[0].code(), "FILE_TOO_LARGE");
        assert_eq!(ok("a.png", "image/png", 10)[0].code(), "FILE_FORMAT");
        assert_eq!(ok("a.jpg", "image/png", 10)[0].code(), "FILE_FORMAT");
        assert_eq!(ok("jpg", "", 0).iter().map(FileProblem::code).collect::<Vec<_>>(), ["FILE_FORMAT", "FILE_EMPTY"]);
    }

    #[test]
    fn sizes_up_to_the_largest_are_reported_exactly() {
        assert_eq!(kilobytes(0), "0 KB");
        assert_eq!(kilobytes(1), "0.1 KB");
        assert_eq!(kilobytes(120 * 1024), "120 KB");
        // i64::MAX bytes (the largest a request can give) is 9007199254740992 KB minus 1/1024 KB.
        assert_eq!(kilobytes(i64::MAX as u64), "9007199254740992 KB");
        assert_eq!(kilobytes(u64::MAX), "18014398509481984 KB");
        assert_eq!(kilobytes(u64::MAX / 10 + 1), "1801439850948198.5 KB");
    }
}
