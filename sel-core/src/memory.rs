//! Memory accounting (§8.2): the reference charges 32 bytes per created value object
//! plus two bytes per UTF-16 unit of a created string, checking the running total
//! against the limit at every addition.

use crate::error::SelError;
use crate::java::text::utf16_len;
use crate::rt::Val;

/// Bytes charged per created object.
pub(crate) const OBJECT_BYTES: u64 = 32;

/// One evaluation's memory counter.
#[derive(Clone, Debug)]
pub(crate) struct Memory {
    pub used: u64,
    pub limit: u64,
}

impl Memory {
    pub fn new(limit: u64) -> Memory {
        Memory { used: 0, limit }
    }

    #[cold]
    #[inline(never)]
    fn over(&self) -> SelError {
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
    pub fn new_string(&mut self, s: String) -> Result<Val, SelError> {
        self.charge_string(&s)?;
        Ok(Val::string(s))
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
