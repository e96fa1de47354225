//! "Did you mean …?": the nearest known name to a misspelt one.

/// Returns the candidate closest to `input` by edit distance, if it is close
/// enough to be a plausible typo (at most a third of the longer name, and at
/// most 3 edits).
pub(crate) fn nearest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let input: Vec<char> = input.chars().flat_map(char::to_lowercase).collect();
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        let c: Vec<char> = candidate.chars().flat_map(char::to_lowercase).collect();
        let distance = levenshtein(&input, &c);
        let limit = (input.len().max(c.len()) / 3).clamp(1, 3);
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_typos_only() {
        let names = ["marital_status", "hukou", "proxy", "birth_date"];
        assert_eq!(nearest("marital_staus", names), Some("marital_status"));
        assert_eq!(nearest("Hukou", names), Some("hukou"));
        assert_eq!(nearest("birthdate", names), Some("birth_date"));
        assert_eq!(nearest("colour", names), None);
        assert_eq!(nearest("", names), None);
    }
}
