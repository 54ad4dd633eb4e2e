//! Memory accounting (§8.2): the reference charges 32 bytes per created value object
//! plus two bytes per UTF-16 unit of a created string, checking the running total
//! against the limit at every addition.

use crate::error::SelError;
use crate::java::text::utf16_len;
use crate::rt::{JMap, Val};
use std::cell::RefCell;
use std::rc::{Rc, Weak};

/// Bytes charged per created object.
pub(crate) const OBJECT_BYTES: u64 = 32;

/// One evaluation's memory counter.
#[derive(Clone, Debug)]
pub(crate) struct Memory {
    pub used: u64,
    pub limit: u64,
    /// Bytes (two per UTF-16 unit) that `s += x` added to strings: not charged to
    /// `used` (the reference does not), but bounded by the same limit, see
    /// [`Memory::charge_growth`].
    pub grown: u64,
    /// Every map created by this evaluation, to break reference cycles at its end
    /// (see [`Memory::release_maps`]).
    maps: Vec<Weak<RefCell<JMap>>>,
    /// Reused to assemble concatenations (see [`Memory::concat`]).
    scratch: String,
}

impl Memory {
    pub fn new(limit: u64) -> Memory {
        Memory {
            used: 0,
            limit,
            grown: 0,
            maps: Vec::new(),
            scratch: String::new(),
        }
    }

    #[cold]
    #[inline(never)]
    pub fn over(&self) -> SelError {
        SelError::limit(
            crate::error::ErrorKind::IllegalStateException,
            format!(
                "SEL evaluation aborted as it takes too much memory (in byte) over the limit {}",
                self.limit
            ),
        )
    }

    /// Charges `extra` payload bytes plus one object.
    #[inline]
    pub fn charge(&mut self, extra: u64) -> Result<(), SelError> {
        self.used = self.used.saturating_add(extra + OBJECT_BYTES);
        if self.used >= self.limit {
            return Err(self.over());
        }
        Ok(())
    }

    /// A non-string value object.
    #[inline]
    pub fn charge_object(&mut self) -> Result<(), SelError> {
        self.charge(0)
    }

    /// `n` non-string objects at once (array elements).
    pub fn charge_objects(&mut self, n: usize) -> Result<(), SelError> {
        self.used = self
            .used
            .saturating_add(OBJECT_BYTES.saturating_mul(n as u64));
        if self.used >= self.limit {
            return Err(self.over());
        }
        Ok(())
    }

    /// A STRING (or ERROR) object holding `s`.
    #[inline]
    pub fn charge_string(&mut self, s: &str) -> Result<(), SelError> {
        self.charge(2 * utf16_len(s) as u64)
    }

    /// Charges and builds a STRING value.
    /// A STRING object holding `head` followed by `tail`, charged (one allocation:
    /// the text is assembled in a buffer the evaluation reuses).
    pub fn concat(&mut self, head: &str, tail: &str) -> Result<Val, SelError> {
        self.charge(2 * (utf16_len(head) + utf16_len(tail)) as u64)?;
        let mut buf = std::mem::take(&mut self.scratch);
        buf.clear();
        buf.push_str(head);
        buf.push_str(tail);
        let v = Val::Str(Some(Rc::from(buf.as_str())));
        self.scratch = buf;
        Ok(v)
    }

    /// A new charged STRING. Takes any text: an `Rc<str>` is a fresh allocation from an
    /// owned `String` too, so callers need not build one.
    pub fn new_string(&mut self, s: impl AsRef<str>) -> Result<Val, SelError> {
        let s = s.as_ref();
        self.charge_string(s)?;
        Ok(Val::str(s))
    }

    /// Would a STRING of `units` UTF-16 units, charged now, exceed the limit? Lets
    /// built-ins whose result size is known (or bounded) fail before they allocate it,
    /// with the same error the charge would raise afterwards.
    pub fn check_string_fits(&self, units: u64) -> Result<(), SelError> {
        let total = self
            .used
            .saturating_add(OBJECT_BYTES)
            .saturating_add(units.saturating_mul(2));
        if total >= self.limit {
            return Err(self.over());
        }
        Ok(())
    }

    /// The UTF-8 length past which a string certainly has more UTF-16 units than a
    /// charge could still afford (each unit takes at least one byte and at most three).
    pub fn max_string_bytes(&self) -> usize {
        let units = self.limit.saturating_sub(self.used) / 2;
        usize::try_from(units.saturating_mul(3)).unwrap_or(usize::MAX)
    }

    /// Records `added` being appended by `s += x` (not charged, §8.2 Q29). The total
    /// growth of one evaluation may not reach the limit: checking only each string's
    /// own length let a loop keep thousands of uncharged limit-sized strings (e.g.
    /// doubling a fresh string each iteration and storing it in an array), i.e. memory
    /// without bound under a small limit. Called before the new string is built.
    pub fn charge_growth(&mut self, added: &str) -> Result<(), SelError> {
        self.grown = self.grown.saturating_add(2 * (utf16_len(added) as u64));
        if self.grown >= self.limit {
            return Err(self.over());
        }
        Ok(())
    }

    /// Registers a map created by this evaluation (`new Map()`, a map from the host).
    pub fn track_map(&mut self, v: &Val) {
        if let Val::Map(Some(m)) = v {
            self.maps.push(Rc::downgrade(m));
        }
    }

    /// Empties every map of the evaluation that is still alive. A map can hold itself
    /// (`m.put('a', m)`), and reference counting never frees such a cycle: each such
    /// evaluation leaked all it had put in the map (32 KB per run in a scheduler that
    /// runs the same expression again and again). Called once the result has been
    /// converted to a host value, when nothing reads the maps any more.
    pub fn release_maps(&mut self) {
        for weak in self.maps.drain(..) {
            if let Some(m) = weak.upgrade() {
                let taken = match m.try_borrow_mut() {
                    Ok(mut map) => std::mem::take(&mut *map),
                    Err(_) => continue,
                };
                drop(taken);
            }
        }
    }

    /// Strings that are not charged (`s += x`) still may not outgrow the whole budget:
    /// the reference would run out of heap instead.
    pub fn check_string_len(&self, s: &str) -> Result<(), SelError> {
        if 2 * s.len() as u64 >= self.limit && 2 * utf16_len(s) as u64 >= self.limit {
            return Err(self.over());
        }
        Ok(())
    }
}
