//! SEL's MAP storage: a `java.util.HashMap<SelString, SelType>` emulation.
//!
//! What must match the reference (§13.1): iteration order (bucket order of the
//! spread `String.hashCode`, insertion order inside a bucket, table doubling at 75%
//! load), replacement keeping the original key object and position, and lookups that
//! compare the hash recorded at insertion, so that mutating a STRING box used as a key
//! "corrupts" the map exactly like Java does (§11 Q26).
//!
//! Maps never shrink (SEL has no removal), so the table capacity is a function of the
//! entry count and the iteration order is a stable sort of the entries by bucket.

use crate::rt::val::{Ref, Str, Val};
use std::collections::HashMap;

/// One mapping. `key` is the key object itself (a STRING box or string-array element).
#[derive(Clone, Debug)]
pub(crate) struct MapEntry {
    pub hash: i32,
    pub key: Ref,
    pub val: Ref,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct JMap {
    entries: Vec<MapEntry>,
    /// hash → entry indices, kept once the map is big enough for scans to matter.
    index: Option<HashMap<i32, Vec<u32>>>,
}

const INDEX_THRESHOLD: usize = 16;

impl Drop for JMap {
    /// Maps nest without bound (`c.put('a', new Map()); c = c.get('a');` in a loop), and
    /// the default drop recurses once per level: 20,000 levels overflowed the native
    /// stack and aborted the process. Nested maps this map owns last are emptied into
    /// a heap work list instead, so they drop with nothing left inside them.
    fn drop(&mut self) {
        let mut pending = std::mem::take(&mut self.entries);
        while let Some(entry) = pending.pop() {
            let Ref::Box(slot) = entry.val else { continue };
            let Ok(cell) = std::rc::Rc::try_unwrap(slot) else {
                continue;
            };
            if let Val::Map(Some(map)) = cell.into_inner() {
                if let Ok(inner) = std::rc::Rc::try_unwrap(map) {
                    pending.append(&mut inner.into_inner().entries);
                }
            }
        }
    }
}

/// Java `HashMap.hash(key)`: the key's `hashCode` with its high half folded in.
pub(crate) fn spread_hash(key: Option<&str>) -> i32 {
    let h = key.map_or(0, crate::java::string_hash);
    h ^ ((h as u32) >> 16) as i32
}

/// The text of a key object (STRING payload).
fn key_text(key: &Ref) -> Option<Str> {
    match key.get() {
        Val::Str(s) => s,
        _ => None,
    }
}

impl JMap {
    pub fn new() -> JMap {
        JMap::default()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    fn find(&self, key: Option<&str>, hash: i32) -> Option<usize> {
        let matches = |e: &MapEntry| e.hash == hash && key_text(&e.key).as_deref() == key;
        match &self.index {
            Some(idx) => idx
                .get(&hash)?
                .iter()
                .map(|&i| i as usize)
                .find(|&i| matches(&self.entries[i])),
            None => self.entries.iter().position(matches),
        }
    }

    pub fn get(&self, key: Option<&str>) -> Option<&Ref> {
        let i = self.find(key, spread_hash(key))?;
        Some(&self.entries[i].val)
    }

    pub fn contains_key(&self, key: Option<&str>) -> bool {
        self.find(key, spread_hash(key)).is_some()
    }

    /// `put(key, val)`: returns the previous value object, if any. An existing mapping
    /// keeps its key object and position.
    pub fn put(&mut self, key: Ref, val: Ref) -> Option<Ref> {
        let text = key_text(&key);
        let hash = spread_hash(text.as_deref());
        if let Some(i) = self.find(text.as_deref(), hash) {
            return Some(std::mem::replace(&mut self.entries[i].val, val));
        }
        let i = self.entries.len() as u32;
        self.entries.push(MapEntry { hash, key, val });
        if let Some(idx) = &mut self.index {
            idx.entry(hash).or_default().push(i);
        } else if self.entries.len() > INDEX_THRESHOLD {
            let mut idx: HashMap<i32, Vec<u32>> = HashMap::new();
            for (j, e) in self.entries.iter().enumerate() {
                idx.entry(e.hash).or_default().push(j as u32);
            }
            self.index = Some(idx);
        }
        None
    }

    /// The table capacity Java would have after `len` insertions.
    fn capacity(len: usize) -> usize {
        let mut n = 16usize;
        while len > n / 4 * 3 {
            n *= 2;
        }
        n
    }

    /// Entries in Java iteration order.
    pub fn iter(&self) -> impl Iterator<Item = &MapEntry> {
        let mask = Self::capacity(self.entries.len()) - 1;
        let mut order: Vec<(usize, usize)> = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| ((e.hash as u32 as usize) & mask, i))
            .collect();
        order.sort_unstable();
        order.into_iter().map(move |(_, i)| &self.entries[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key_order(keys: &[&str]) -> Vec<String> {
        let mut m = JMap::new();
        for (i, k) in keys.iter().enumerate() {
            m.put(Ref::new(Val::str(k)), Ref::new(Val::Long(i as i64)));
        }
        m.iter()
            .map(|e| key_text(&e.key).unwrap().to_string())
            .collect()
    }

    #[test]
    fn hashmap_order_vectors() {
        assert_eq!(
            key_order(&["z", "a", "m", "AA", "BB"]),
            ["AA", "BB", "a", "z", "m"]
        );
        let keys: Vec<String> = (0..20).map(|i| format!("k{i}")).collect();
        let refs: Vec<&str> = keys.iter().map(|s| s.as_str()).collect();
        assert_eq!(
            key_order(&refs).join(" "),
            "k0 k1 k2 k3 k4 k5 k11 k6 k10 k7 k13 k8 k12 k9 k15 k14 k17 k16 k19 k18"
        );
        assert_eq!(key_order(&["foo", "bar"]), ["bar", "foo"]);
    }

    #[test]
    fn replace_keeps_key_and_position() {
        let mut m = JMap::new();
        let k1 = Ref::new(Val::str("a"));
        m.put(k1.clone(), Ref::new(Val::Long(1)));
        let old = m.put(Ref::new(Val::str("a")), Ref::new(Val::Long(2)));
        assert!(matches!(old.map(|r| r.get()), Some(Val::Long(1))));
        assert_eq!(m.len(), 1);
        assert!(m.iter().next().unwrap().key.same(&k1));
    }

    #[test]
    fn mutated_key_corrupts_lookups() {
        let mut m = JMap::new();
        let k = Ref::new(Val::str("a"));
        m.put(k.clone(), Ref::new(Val::Long(1)));
        k.set(Val::str("ab"));
        assert!(m.get(Some("ab")).is_none());
        assert!(m.get(Some("a")).is_none());
        assert_eq!(m.len(), 1);
    }

    #[test]
    fn big_map_uses_index() {
        let mut m = JMap::new();
        for i in 0..100 {
            m.put(
                Ref::new(Val::string(format!("k{i}"))),
                Ref::new(Val::Long(i)),
            );
        }
        assert!(matches!(
            m.get(Some("k57")).map(|r| r.get()),
            Some(Val::Long(57))
        ));
        assert!(m.get(Some("k100")).is_none());
        assert_eq!(m.iter().count(), 100);
        assert!(m.contains_key(Some("k0")));
    }
}
