//! The four array types (§7.7): only the `length` field; no methods.

use super::{long_result, no_field};
use crate::error::SelError;
use crate::interp::Interp;
use crate::rt::{Arr, Entry};

pub(crate) fn field(it: &mut Interp<'_>, a: &Arr, name: &str) -> Result<Entry, SelError> {
    if name == "length" {
        let n = a.borrow().len();
        return long_result(it, n as i64);
    }
    let ty = a.borrow().ty();
    Err(no_field(ty, name))
}
