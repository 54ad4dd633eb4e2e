//! The catalogue of SEL's built-in names: static classes, methods, fields and keywords,
//! with parameter types, result types and one-line documentation (SPEC §2.4, §7, §10.5).
//!
//! This is plain data for tools (the language server's completion, hover, signature help
//! and static type checks; the REPL's tab completion). It never evaluates anything: the
//! interpreter's built-ins remain the single implementation of behaviour.
//!
//! Types are written as the reference's `SelTypes` names (`"STRING"`, `"LONG"`,
//! `"DATETIME"`, ...), plus three pseudo types used only here:
//! * [`ANY`] — any value (parameters) or a value whose type is not known statically
//!   (results such as `Map.get`);
//! * [`INT`] — a LONG that must fit in 32 bits (Java `int` parameters, §7.0);
//! * alternatives joined with `|` (`"STRING|LONG"`).

mod datetime;
mod maestro;
mod names;
mod values;

pub use names::{class_type, keywords, static_name, static_names, Keyword, StaticName};

/// Any value, or a type not known statically.
pub const ANY: &str = "ANY";
/// A LONG that must fit in a Java `int` (§7.0 rule 1).
pub const INT: &str = "int";

/// How a method may be called with respect to its receiver (§7.0 rule 2, §7.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Call {
    /// Needs a real value as receiver; fails on the static name (`String.length()`).
    Instance,
    /// Only works on the static name (`String.valueOf(x)`, `DateTime.parse(t, f)`).
    Static,
    /// Works on the static name and on any value of the type (`Integer.valueOf(s)`).
    Any,
}

/// One parameter of a method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Param {
    pub name: &'static str,
    /// A `SelTypes` name, [`ANY`], [`INT`] or alternatives joined with `|`.
    pub ty: &'static str,
}

/// One built-in method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Method {
    /// The `SelTypes` names of the receivers that have this method.
    pub receivers: &'static [&'static str],
    pub name: &'static str,
    pub params: &'static [Param],
    /// The last parameter may repeat any number of times, including zero.
    pub variadic: bool,
    /// A `SelTypes` name or [`ANY`].
    pub returns: &'static str,
    pub call: Call,
    /// Provided by the host (Maestro's `params` extension or `Util.toJson`), not by SEL.
    pub host: bool,
    pub doc: &'static str,
}

impl Method {
    /// Whether a call with `arity` arguments matches this overload.
    pub fn accepts_arity(&self, arity: usize) -> bool {
        if self.variadic {
            arity + 1 >= self.params.len()
        } else {
            arity == self.params.len()
        }
    }

    /// The signature as shown to people: `substring(b: int, e: int) -> STRING`.
    pub fn signature(&self) -> String {
        let mut out = format!("{}(", self.name);
        for (i, p) in self.params.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(p.name);
            out.push_str(": ");
            out.push_str(p.ty);
            if self.variadic && i + 1 == self.params.len() {
                out.push_str("...");
            }
        }
        out.push_str(") -> ");
        out.push_str(self.returns);
        out
    }
}

/// One built-in field (`arr.length`, `DateTimeZone.UTC`, `System.SUNDAY`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    pub receivers: &'static [&'static str],
    pub name: &'static str,
    pub ty: &'static str,
    pub doc: &'static str,
}

const METHOD_TABLES: [&[Method]; 3] = [values::METHODS, datetime::METHODS, maestro::METHODS];

/// Every method of every type, in catalogue order.
pub fn all_methods() -> impl Iterator<Item = &'static Method> {
    METHOD_TABLES.into_iter().flatten()
}

/// The methods (all overloads) a value of type `type_name` has, in catalogue order.
pub fn methods_of(type_name: &str) -> impl Iterator<Item = &'static Method> + '_ {
    all_methods().filter(move |m| m.receivers.contains(&type_name))
}

/// The overloads of `name` on `type_name`, whatever their arity.
pub fn overloads<'a>(
    type_name: &'a str,
    name: &'a str,
) -> impl Iterator<Item = &'static Method> + 'a {
    methods_of(type_name).filter(move |m| m.name == name)
}

/// The overload of `name` on `type_name` that takes `arity` arguments.
pub fn method(type_name: &str, name: &str, arity: usize) -> Option<&'static Method> {
    overloads(type_name, name).find(|m| m.accepts_arity(arity))
}

/// The fields a value of type `type_name` has.
pub fn fields_of(type_name: &str) -> impl Iterator<Item = &'static Field> + '_ {
    values::FIELDS
        .iter()
        .filter(move |f| f.receivers.contains(&type_name))
}

/// The field `name` of `type_name`.
pub fn field(type_name: &str, name: &str) -> Option<&'static Field> {
    fields_of(type_name).find(|f| f.name == name)
}

/// Whether a value of type `actual` is accepted where `expected` is declared. Answers
/// `None` when either side is not known statically ([`ANY`]).
pub fn accepts(expected: &str, actual: &str) -> Option<bool> {
    // NULL is accepted by some parameters (`isAfter(null)` means now) and fails others
    // only at run time, so it is never statically certain either way.
    if expected == ANY || actual == ANY || actual == "NULL" {
        return None;
    }
    Some(
        expected
            .split('|')
            .any(|e| e == actual || (e == INT && actual == "LONG")),
    )
}

/// Table-building shorthand for a parameter.
const fn p(name: &'static str, ty: &'static str) -> Param {
    Param { name, ty }
}

/// Table-building shorthand for a method of SEL itself (not a host extension) with
/// fixed arity.
const fn m(
    receivers: &'static [&'static str],
    name: &'static str,
    params: &'static [Param],
    returns: &'static str,
    call: Call,
    doc: &'static str,
) -> Method {
    Method {
        receivers,
        name,
        params,
        variadic: false,
        returns,
        call,
        host: false,
        doc,
    }
}

#[cfg(test)]
mod tests;
