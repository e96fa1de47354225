//! Look-ups by id in near-linear time, without hashing.
//!
//! A sorted list of `(id, position)` pairs: building it costs O(n log n),
//! each look-up O(log n). It replaces the linear scans inside loops that
//! made loading and `check` quadratic, and keeps a hash table (and its
//! hasher) out of the WASM build, which has a size budget: every look-up
//! uses this one sort, so the WASM holds one copy of it.

/// Ids and their positions in the original list, sorted by id, then position.
pub(crate) struct Index<'a>(Vec<(&'a str, usize)>);

impl<'a> Index<'a> {
    pub(crate) fn new(mut ids: impl Iterator<Item = &'a str>) -> Index<'a> {
        Index::from_fn(ids.size_hint().0, &mut || ids.next())
    }

    /// [`Index::new`], compiled once: each caller's iterator is a different
    /// type, and a copy of the collecting loop for each cost the WASM module
    /// about 2 KB. The ids come from a closure, not a `dyn Iterator`, whose
    /// vtable would bring in every `Iterator` method for every type.
    fn from_fn(capacity: usize, next: &mut dyn FnMut() -> Option<&'a str>) -> Index<'a> {
        let mut pairs: Vec<(&'a str, usize)> = Vec::with_capacity(capacity);
        while let Some(id) = next() {
            pairs.push((id, pairs.len()));
        }
        pairs.sort_unstable();
        Index(pairs)
    }

    /// The position of the first occurrence of `id`, as a scan would find it.
    pub(crate) fn first(&self, id: &str) -> Option<usize> {
        let i = self.0.partition_point(|&(k, _)| k < id);
        self.0.get(i).filter(|&&(k, _)| k == id).map(|&(_, p)| p)
    }

    /// The `(id, position)` pairs, sorted.
    pub(crate) fn pairs(&self) -> &[(&'a str, usize)] {
        &self.0
    }

    /// For each position, whether its id occurred at an earlier position.
    pub(crate) fn repeats(&self) -> Vec<bool> {
        let mut out = vec![false; self.0.len()];
        for pair in self.0.windows(2) {
            if pair[0].0 == pair[1].0 {
                out[pair[1].1] = true;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_and_flags_repeats() {
        let index = Index::new(["b", "a", "b", "c", "a", "b"].into_iter());
        assert_eq!(index.first("b"), Some(0));
        assert_eq!(index.first("a"), Some(1));
        assert_eq!(index.first("c"), Some(3));
        assert_eq!(index.first("d"), None);
        assert_eq!(index.first(""), None);
        assert_eq!(index.repeats(), [false, false, true, false, true, true]);
    }
}
