//! The traits through which a host plugs into evaluation: the clock, input variables,
//! the `params.<method>(...)` extension and `Util.<name>(...)` functions.

use crate::error::SelError;
use crate::value::Value;
use std::collections::{BTreeMap, HashMap};

/// The source of "now" (`System.currentTimeMillis()`, `new DateTime()`, deadlines).
pub trait Clock: Send + Sync {
    fn now_millis(&self) -> i64;
}

/// The system wall clock.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_millis(&self) -> i64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as i64)
            .unwrap_or(0)
    }
}

/// A clock frozen at the given epoch milliseconds (tests, reproducible runs).
#[derive(Clone, Copy, Debug)]
pub struct FixedClock(pub i64);

impl Clock for FixedClock {
    fn now_millis(&self) -> i64 {
        self.0
    }
}

/// Host logic behind `params.<method>(args)` (Maestro's `AbstractParamExtension`).
///
/// The core only forwards calls whose arguments are 0 to 3 STRING values (null strings
/// arrive as `"null"`, like Java's `toString()`); any other call fails in the core with
/// `ParamExtension DO NOT support calling method: ...` before reaching the host. The
/// returned value is converted like an input variable (§5.3).
pub trait Extension {
    fn call(&self, method: &str, args: &[&str]) -> Result<Value, SelError>;
}

/// A host-registered `Util.<name>(args)` function. Arguments arrive unboxed the way the
/// reference hands them to Java (§5.4); the result is converted like an input.
pub trait UtilFunction: Send + Sync {
    fn call(&self, args: &[Value]) -> Result<Value, SelError>;
}

/// Input variables of an evaluation, looked up lazily by name.
pub trait Vars {
    fn get(&self, name: &str) -> Option<&Value>;
    fn contains(&self, name: &str) -> bool;
}

impl Vars for HashMap<String, Value> {
    fn get(&self, name: &str) -> Option<&Value> {
        HashMap::get(self, name)
    }
    fn contains(&self, name: &str) -> bool {
        self.contains_key(name)
    }
}

impl Vars for BTreeMap<String, Value> {
    fn get(&self, name: &str) -> Option<&Value> {
        BTreeMap::get(self, name)
    }
    fn contains(&self, name: &str) -> bool {
        self.contains_key(name)
    }
}

impl Vars for () {
    fn get(&self, _: &str) -> Option<&Value> {
        None
    }
    fn contains(&self, _: &str) -> bool {
        false
    }
}
