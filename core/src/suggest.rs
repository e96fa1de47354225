//! "Did you mean …?": the nearest known name to a misspelt one.

/// Returns the candidate closest to `input` by edit distance, if it is close
/// enough to be a plausible typo (at most a third of the longer name, and at
/// most 3 edits).
pub(crate) fn nearest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    // ASCII case folding is enough for ids and keys, and keeps Unicode tables out of WASM.
    let input: Vec<char> = input.chars().map(|c| c.to_ascii_lowercase()).collect();
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        let c: Vec<char> = candidate.chars().map(|c| c.to_ascii_lowercase()).collect();
        let distance = distance(&input, &c);
        let limit = (input.len().max(c.len()) / 3).clamp(1, 3);
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Optimal string alignment distance: Levenshtein plus adjacent
/// transpositions, the commonest typo (`hukuo` for `hukou`).
fn distance(a: &[char], b: &[char]) -> usize {
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        d[i * width] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best =
                (d[(i - 1) * width + j] + 1).min(d[i * width + j - 1] + 1).min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
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
        assert_eq!(nearest("hukuo", names), Some("hukou"));
        assert_eq!(nearest("lwa", ["law", "rule"]), Some("law"));
    }
}
