//! Temporary stand-ins for `java::format` and `java::regex`, which another branch is
//! still writing. They fail cleanly; the real calls replace them once merged.

use crate::error::SelError;

pub(crate) fn format(_fmt: &str, _max_len: usize) -> Result<String, SelError> {
    Err(SelError::unsupported("String.format is not available yet"))
}

pub(crate) fn split(_s: &str, _re: &str, _limit: i32) -> Result<Vec<String>, SelError> {
    Err(SelError::unsupported("regex split is not available yet"))
}

pub(crate) fn replace_all(_s: &str, _re: &str, _rep: &str) -> Result<String, SelError> {
    Err(SelError::unsupported(
        "regex replaceAll is not available yet",
    ))
}
