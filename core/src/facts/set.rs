//! A set of fact slots, such as the facts a service reads or those an
//! assessment still lacks.

use super::vocabulary::{FactInfo, MAX_FACTS, Vocabulary};

const WORDS: usize = MAX_FACTS / 64;

/// A set of fact slots. Iterates in vocabulary order.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default, Debug)]
pub(crate) struct FactSet([u64; WORDS]);

impl FactSet {
    pub(crate) const EMPTY: FactSet = FactSet([0; WORDS]);

    pub(crate) fn contains(self, slot: u16) -> bool {
        let slot = usize::from(slot);
        slot < MAX_FACTS && self.0[slot / 64] & (1 << (slot % 64)) != 0
    }

    /// Adds a slot; the vocabulary has at most [`MAX_FACTS`] of them.
    pub(crate) fn insert(&mut self, slot: u16) {
        let slot = usize::from(slot);
        if slot < MAX_FACTS {
            self.0[slot / 64] |= 1 << (slot % 64);
        }
    }

    pub(crate) fn union(self, other: FactSet) -> FactSet {
        let mut out = self;
        for (a, b) in out.0.iter_mut().zip(other.0) {
            *a |= b;
        }
        out
    }

    /// The slots in the set, in order.
    pub(crate) fn slots(self) -> impl Iterator<Item = u16> {
        (0..WORDS).flat_map(move |w| {
            let mut word = self.0[w];
            std::iter::from_fn(move || {
                (word != 0).then(|| {
                    let bit = word.trailing_zeros() as usize;
                    word &= word - 1;
                    (w * 64 + bit) as u16
                })
            })
        })
    }

    /// The facts in the set, in vocabulary order.
    pub(crate) fn facts(self, vocabulary: &Vocabulary) -> impl Iterator<Item = &FactInfo> {
        self.slots().map(move |slot| vocabulary.info(slot))
    }
}

/// A fact set serialised as its fact names, in vocabulary order.
pub(crate) struct FactNames<'v>(pub(crate) FactSet, pub(crate) &'v Vocabulary);

impl serde::Serialize for FactNames<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.facts(self.1).map(FactInfo::name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_every_slot_and_iterates_in_order() {
        let mut set = FactSet::EMPTY;
        assert_eq!(set.slots().count(), 0);
        for slot in [255, 0, 64, 63, 130] {
            set.insert(slot);
        }
        set.insert(300); // out of range: ignored, never a panic
        assert_eq!(set.slots().collect::<Vec<_>>(), [0, 63, 64, 130, 255]);
        assert!(set.contains(130) && !set.contains(131) && !set.contains(300));
        let mut other = FactSet::EMPTY;
        other.insert(1);
        assert_eq!(set.union(other).slots().count(), 6);
    }
}
