//! "Did you mean …?": the nearest known name to a misspelt one.

/// The most edits a suggestion may be away from the input.
const MAX_EDITS: usize = 3;

/// The most candidates looked at: a catalogue may define thousands of ids,
/// and one suggestion must not cost more than a bounded amount of work.
const MAX_CANDIDATES: usize = 1000;

/// The longest name (in characters) worth a suggestion: every known name is
/// far shorter, so a longer input is no typo of one.
const MAX_NAME: usize = 256;

/// Returns the candidate closest to `input` by edit distance, if it is close
/// enough to be a plausible typo (at most a third of the longer name, and at
/// most 3 edits).
///
/// The cost is bounded whatever the input: a name longer than [`MAX_NAME`]
/// characters gets no suggestion, a candidate whose length differs by more
/// than the allowed edits is skipped without comparing, at most
/// [`MAX_CANDIDATES`] candidates are compared, and each comparison keeps two
/// rows of the distance table, not the whole table.
pub(crate) fn nearest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut candidates = candidates.into_iter();
    nearest_in(input, &mut || candidates.next())
}

/// [`nearest`], compiled once: each caller's iterator is a different type,
/// and a copy of this body for each cost the WASM module about 1 KB. The
/// candidates come from a closure, not a `dyn Iterator`, whose vtable would
/// bring in every `Iterator` method for every type.
fn nearest_in<'a>(input: &str, next: &mut dyn FnMut() -> Option<&'a str>) -> Option<&'a str> {
    if input.chars().nth(MAX_NAME).is_some() {
        return None;
    }
    // ASCII case folding is enough for ids and keys, and keeps Unicode tables out of WASM.
    let input: Vec<char> = input.chars().map(|c| c.to_ascii_lowercase()).collect();
    let mut best: Option<(usize, &'a str)> = None;
    let mut c = Vec::new();
    let mut rows = Rows::default();
    for candidate in std::iter::from_fn(next).take(MAX_CANDIDATES) {
        // The distance is at least the difference in length: skip cheaply.
        let len = candidate.chars().take(input.len() + MAX_EDITS + 1).count();
        if len.abs_diff(input.len()) > MAX_EDITS {
            continue;
        }
        c.clear();
        c.extend(candidate.chars().map(|c| c.to_ascii_lowercase()));
        let limit = (input.len().max(c.len()) / 3).clamp(1, MAX_EDITS);
        let distance = rows.distance(&input, &c);
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Three rows of the distance table, reused from one candidate to the next.
#[derive(Default)]
struct Rows {
    before: Vec<usize>,
    previous: Vec<usize>,
    current: Vec<usize>,
}

impl Rows {
    /// Optimal string alignment distance: Levenshtein plus adjacent
    /// transpositions, the commonest typo (`hukuo` for `hukou`). Keeps the
    /// last three rows only (a transposition looks two rows back).
    fn distance(&mut self, a: &[char], b: &[char]) -> usize {
        let width = b.len() + 1;
        for row in [&mut self.before, &mut self.previous, &mut self.current] {
            row.clear();
            row.resize(width, 0);
        }
        for (j, cell) in self.previous.iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            self.current[0] = i;
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut best = (self.previous[j] + 1).min(self.current[j - 1] + 1).min(self.previous[j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(self.before[j - 2] + 1);
                }
                self.current[j] = best;
            }
            // before <- previous <- current; the old `before` is overwritten next row.
            std::mem::swap(&mut self.before, &mut self.previous);
            std::mem::swap(&mut self.previous, &mut self.current);
        }
        self.previous[b.len()]
    }
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
        assert_eq!(nearest("ab", ["ba", "abc", "b"]), Some("ba"));
    }

    /// The two-row table gives the distances the full table gave.
    #[test]
    fn distances_match_the_full_table() {
        fn full(a: &[char], b: &[char]) -> usize {
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
                    let mut best = (d[(i - 1) * width + j] + 1)
                        .min(d[i * width + j - 1] + 1)
                        .min(d[(i - 1) * width + j - 1] + cost);
                    if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                        best = best.min(d[(i - 2) * width + j - 2] + 1);
                    }
                    d[i * width + j] = best;
                }
            }
            d[a.len() * width + b.len()]
        }
        let words = ["", "a", "ab", "ba", "abc", "acb", "hukou", "hukuo", "marital_status", "marital_staus", "xyzzy"];
        let mut rows = Rows::default();
        for a in words {
            for b in words {
                let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                assert_eq!(rows.distance(&a, &b), full(&a, &b), "{a:?} {b:?}");
            }
        }
    }

    /// A huge input costs no more than reading it: no table, no suggestion.
    #[test]
    fn long_inputs_are_cheap() {
        let long = "a".repeat(1 << 20);
        assert_eq!(nearest(&long, ["hukou", "proxy"]), None);
        let (target, typo) = ("a".repeat(200), format!("{}x", "a".repeat(200)));
        assert_eq!(nearest(&typo, [target.as_str()]), Some(target.as_str()));
    }
}
