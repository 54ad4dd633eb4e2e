//! The reference's reflective "JM" calling convention (§7.0), shared by the STRING and
//! DATETIME methods: methods are Java method handles looked up as `name + argc`, whose
//! types are the Java signatures with primitives boxed (`(String,Integer)String`);
//! arguments are unboxed (§5.4) and cast to the parameter classes; a null receiver
//! payload invokes the handle without a receiver (so instance methods fail and static
//! ones work); and every failure is wrapped in `Failed calling method <key>` except
//! `IllegalStateException` (the resource limits).

use crate::error::{ErrorKind, SelError};
use crate::rt::convert::joda_class;
use crate::rt::display::no_internal_val;
use crate::rt::{ArrayData, Entry, Str, Val};

/// A method handle's type: parameter classes (receiver first for instance methods)
/// and return class, by simple name as `MethodType.toString` prints them.
pub(crate) struct Sig {
    pub params: &'static [&'static str],
    pub ret: &'static str,
}

impl Sig {
    /// `WrongMethodTypeException` for invoking the handle with `invoked` arguments.
    pub fn wrong_type(&self, invoked: usize) -> SelError {
        let target = vec!["Object"; invoked].join(",");
        SelError::new(
            ErrorKind::WrongMethodTypeException,
            format!(
                "cannot convert MethodHandle({}){} to ({target})Object",
                self.params.join(","),
                self.ret
            ),
        )
    }

    /// Checks that every argument unboxes, then that the handle takes as many
    /// arguments as it is invoked with (`has_receiver`: the receiver payload is set).
    pub fn check_invocation(&self, args: &[Entry], has_receiver: bool) -> Result<(), SelError> {
        for a in args {
            a.with(unboxed_class)?;
        }
        let invoked = args.len() + has_receiver as usize;
        if invoked != self.params.len() {
            return Err(self.wrong_type(invoked));
        }
        Ok(())
    }
}

/// The Java class of a value after unboxing (§5.4); `None` for Java null.
pub(crate) fn unboxed_class(v: &Val) -> Result<Option<&'static str>, SelError> {
    Ok(Some(match v {
        Val::Null | Val::Void | Val::Str(None) | Val::Map(None) | Val::Error(None) => {
            return Ok(None)
        }
        Val::Long(x) if *x > i32::MAX as i64 => "java.lang.Long",
        Val::Long(_) => "java.lang.Integer",
        Val::Double(_) => "java.lang.Double",
        Val::Bool(_) => "java.lang.Boolean",
        Val::Str(Some(_)) | Val::Error(Some(_)) => "java.lang.String",
        Val::Map(Some(_)) => "java.util.HashMap",
        Val::Array(a) => match &*a.borrow() {
            ArrayData::Str(_) => "[Ljava.lang.String;",
            ArrayData::Long(_) => "[J",
            ArrayData::Double(_) => "[D",
            ArrayData::Bool(_) => "[Z",
        },
        Val::DateTime(_) | Val::Zone(_) | Val::Formatter(_) | Val::Property(_) | Val::Days(_) => {
            return Ok(joda_class(v))
        }
        Val::Uuid(_) | Val::Params | Val::Util | Val::Misc | Val::Math => {
            return Err(no_internal_val(v.ty()))
        }
    }))
}

/// The `ClassCastException` of a method handle's argument conversion.
pub(crate) fn cannot_cast(from: &str, to: &str) -> SelError {
    SelError::new(
        ErrorKind::ClassCastException,
        format!("Cannot cast {from} to {to}"),
    )
}

/// Wraps a failure of method `key` (e.g. `plusDays1`) the way the reference does.
pub(crate) fn failed_calling(key: &str, e: SelError) -> SelError {
    if e.kind == ErrorKind::IllegalStateException {
        e
    } else {
        SelError::illegal_arg(format!("Failed calling method {key}")).with_cause(e)
    }
}

/// The fully qualified class of a parameter type's simple name.
fn param_class(param: &str) -> &'static str {
    match param {
        "String" => "java.lang.String",
        "Integer" => "java.lang.Integer",
        "DateTimeZone" => "org.joda.time.DateTimeZone",
        "ReadableInstant" => "org.joda.time.ReadableInstant",
        "DateTimeFormatter" => "org.joda.time.format.DateTimeFormatter",
        _ => "java.lang.Object",
    }
}

/// Casts an argument to parameter class `param` (a null passes any reference type).
pub(crate) fn check_param(v: &Val, param: &str) -> Result<(), SelError> {
    let Some(class) = unboxed_class(v)? else {
        return Ok(());
    };
    let ok = match param {
        "Object" => true,
        "String" => class == "java.lang.String",
        "Integer" => class == "java.lang.Integer",
        "DateTimeZone" => matches!(v, Val::Zone(_)),
        "ReadableInstant" => matches!(v, Val::DateTime(_)),
        "DateTimeFormatter" => matches!(v, Val::Formatter(_)),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(cannot_cast(class, param_class(param)))
    }
}

/// A `String` argument (after [`check_param`]): its text, or `None` for null.
pub(crate) fn str_param(v: &Val) -> Option<Str> {
    match v {
        Val::Str(s) | Val::Error(s) => s.clone(),
        _ => None,
    }
}

/// An `Integer` argument (after [`check_param`]) unboxed to `int`: null fails.
pub(crate) fn int_param(v: &Val) -> Result<i32, SelError> {
    match v {
        Val::Long(x) => Ok(*x as i32),
        _ => Err(SelError::npe(
            "Cannot invoke \"java.lang.Integer.intValue()\" because argument is null",
        )),
    }
}
