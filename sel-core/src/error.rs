//! Errors raised while validating or evaluating SEL.
//!
//! Every error has a kind named after the Java exception class the reference reports
//! (users see these names in Maestro's error details), the reference's message text,
//! an optional cause (the reference wraps some errors, e.g. `Failed calling method
//! substring1` around the real index error) and, where known, the source span.

use sel_grammar::{Span, SyntaxError, SyntaxErrorKind};
use std::fmt;

/// The Java exception class an error corresponds to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    // Front end.
    ParseException,
    TokenMgrError,
    /// `java.lang.Error` (malformed `\uXXXX` escape).
    Error,
    // java.lang
    ArithmeticException,
    ArrayIndexOutOfBoundsException,
    ClassCastException,
    IllegalArgumentException,
    IndexOutOfBoundsException,
    IllegalStateException,
    NegativeArraySizeException,
    NullPointerException,
    NumberFormatException,
    RuntimeException,
    StackOverflowError,
    StringIndexOutOfBoundsException,
    UnsupportedOperationException,
    /// `java.lang.invoke.WrongMethodTypeException` (reflective calls on null receivers).
    WrongMethodTypeException,
    // java.util
    DuplicateFormatFlagsException,
    FormatFlagsConversionMismatchException,
    IllegalFormatArgumentIndexException,
    IllegalFormatCodePointException,
    IllegalFormatConversionException,
    IllegalFormatFlagsException,
    IllegalFormatPrecisionException,
    IllegalFormatWidthException,
    MissingFormatArgumentException,
    MissingFormatWidthException,
    UnknownFormatConversionException,
    UnknownFormatFlagsException,
    /// `java.util.regex.PatternSyntaxException`
    PatternSyntaxException,
    /// `java.util.concurrent.TimeoutException`: the evaluation ran past its deadline.
    TimeoutException,
    /// The evaluation was cancelled by the host (no Java equivalent).
    Cancelled,
    // org.joda.time
    IllegalFieldValueException,
    IllegalInstantException,
}

impl ErrorKind {
    /// The fully qualified Java class name.
    pub fn java_class(self) -> &'static str {
        use ErrorKind::*;
        match self {
            ParseException => "com.netflix.sel.ast.ParseException",
            TokenMgrError => "com.netflix.sel.ast.TokenMgrError",
            Error => "java.lang.Error",
            ArithmeticException => "java.lang.ArithmeticException",
            ArrayIndexOutOfBoundsException => "java.lang.ArrayIndexOutOfBoundsException",
            ClassCastException => "java.lang.ClassCastException",
            IllegalArgumentException => "java.lang.IllegalArgumentException",
            IndexOutOfBoundsException => "java.lang.IndexOutOfBoundsException",
            IllegalStateException => "java.lang.IllegalStateException",
            NegativeArraySizeException => "java.lang.NegativeArraySizeException",
            NullPointerException => "java.lang.NullPointerException",
            NumberFormatException => "java.lang.NumberFormatException",
            RuntimeException => "java.lang.RuntimeException",
            StackOverflowError => "java.lang.StackOverflowError",
            StringIndexOutOfBoundsException => "java.lang.StringIndexOutOfBoundsException",
            UnsupportedOperationException => "java.lang.UnsupportedOperationException",
            WrongMethodTypeException => "java.lang.invoke.WrongMethodTypeException",
            DuplicateFormatFlagsException => "java.util.DuplicateFormatFlagsException",
            FormatFlagsConversionMismatchException => {
                "java.util.FormatFlagsConversionMismatchException"
            }
            IllegalFormatArgumentIndexException => "java.util.IllegalFormatArgumentIndexException",
            IllegalFormatCodePointException => "java.util.IllegalFormatCodePointException",
            IllegalFormatConversionException => "java.util.IllegalFormatConversionException",
            IllegalFormatFlagsException => "java.util.IllegalFormatFlagsException",
            IllegalFormatPrecisionException => "java.util.IllegalFormatPrecisionException",
            IllegalFormatWidthException => "java.util.IllegalFormatWidthException",
            MissingFormatArgumentException => "java.util.MissingFormatArgumentException",
            MissingFormatWidthException => "java.util.MissingFormatWidthException",
            UnknownFormatConversionException => "java.util.UnknownFormatConversionException",
            UnknownFormatFlagsException => "java.util.UnknownFormatFlagsException",
            PatternSyntaxException => "java.util.regex.PatternSyntaxException",
            TimeoutException => "java.util.concurrent.TimeoutException",
            Cancelled => "sel.Cancelled",
            IllegalFieldValueException => "org.joda.time.IllegalFieldValueException",
            IllegalInstantException => "org.joda.time.IllegalInstantException",
        }
    }

    /// Whether this error is one of the resource limits (loop, visits, memory, stack,
    /// array size, expression length, timeout, cancellation) rather than a fault of
    /// the expression's logic. Hosts use it to pick exit codes and log levels.
    pub fn is_limit(self) -> bool {
        matches!(self, ErrorKind::TimeoutException | ErrorKind::Cancelled)
    }
}

/// An error raised by validation or evaluation.
#[derive(Clone, Debug, PartialEq)]
pub struct SelError {
    pub kind: ErrorKind,
    /// The reference's message text (`"null"` where Java's message is null).
    pub message: String,
    /// The wrapped error, if the reference wraps one.
    pub cause: Option<Box<SelError>>,
    /// Where in the source the error arose, when known.
    pub span: Option<Span>,
    /// Set for errors raised by a resource limit (see [`ErrorKind::is_limit`], which
    /// covers the kinds that are always limits).
    pub limit: bool,
}

impl SelError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> SelError {
        SelError {
            kind,
            message: message.into(),
            cause: None,
            span: None,
            limit: kind.is_limit(),
        }
    }

    /// An error raised because a resource limit was reached.
    pub fn limit(kind: ErrorKind, message: impl Into<String>) -> SelError {
        SelError {
            limit: true,
            ..SelError::new(kind, message)
        }
    }

    pub fn with_cause(mut self, cause: SelError) -> SelError {
        self.cause = Some(Box::new(cause));
        self
    }

    /// Sets the span unless one is already known (the innermost span wins).
    pub fn at(mut self, span: Span) -> SelError {
        if self.span.is_none() {
            self.span = Some(span);
        }
        self
    }

    /// The innermost cause (the error itself if it wraps nothing).
    pub fn root_cause(&self) -> &SelError {
        let mut e = self;
        while let Some(c) = &e.cause {
            e = c;
        }
        e
    }

    pub fn is_limit(&self) -> bool {
        self.limit
    }
}

/// Constructors for the error texts the reference produces in many places.
impl SelError {
    pub fn unsupported(message: impl Into<String>) -> SelError {
        SelError::new(ErrorKind::UnsupportedOperationException, message)
    }

    pub fn illegal_arg(message: impl Into<String>) -> SelError {
        SelError::new(ErrorKind::IllegalArgumentException, message)
    }

    pub fn illegal_state(message: impl Into<String>) -> SelError {
        SelError::new(ErrorKind::IllegalStateException, message)
    }

    pub fn npe(message: impl Into<String>) -> SelError {
        SelError::new(ErrorKind::NullPointerException, message)
    }

    /// `Type mismatch, lhs type: A, rhs object type: B`.
    pub fn type_mismatch(lhs: &str, rhs: &str) -> SelError {
        SelError::illegal_arg(format!(
            "Type mismatch, lhs type: {lhs}, rhs object type: {rhs}"
        ))
    }

    /// A Java cast failure between two classes, in the JDK's wording.
    pub fn class_cast(from: &str, to: &str) -> SelError {
        let module = |c: &str| {
            if c.starts_with("java.") || c.starts_with('[') {
                "module java.base of loader 'bootstrap'"
            } else {
                "unnamed module of loader 'app'"
            }
        };
        let (mf, mt) = (module(from), module(to));
        let tail = if mf == mt {
            format!("{from} and {to} are in {mf}")
        } else {
            format!("{from} is in {mf}; {to} is in {mt}")
        };
        SelError::new(
            ErrorKind::ClassCastException,
            format!("class {from} cannot be cast to class {to} ({tail})"),
        )
    }
}

impl fmt::Display for SelError {
    /// `<java class>: <message>`, the way the reference's errors print.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.java_class(), self.message)
    }
}

impl std::error::Error for SelError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.cause.as_deref().map(|c| c as _)
    }
}

impl From<SyntaxError> for SelError {
    fn from(e: SyntaxError) -> SelError {
        let kind = match e.kind {
            SyntaxErrorKind::Parse => ErrorKind::ParseException,
            SyntaxErrorKind::Lexical => ErrorKind::TokenMgrError,
            SyntaxErrorKind::NumberFormat => ErrorKind::NumberFormatException,
            SyntaxErrorKind::InvalidEscape => ErrorKind::IllegalArgumentException,
            SyntaxErrorKind::InvalidUnicodeEscape => ErrorKind::Error,
            SyntaxErrorKind::TooDeep => ErrorKind::StackOverflowError,
        };
        SelError {
            limit: e.kind == SyntaxErrorKind::TooDeep,
            ..SelError::new(kind, e.message).at(e.span)
        }
    }
}
