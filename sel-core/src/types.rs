//! The SEL runtime type tags (the reference's `SelTypes`): their user-visible names, the
//! Java class names that appear in `ClassCastException` texts, and the class-name table
//! used by declarations and `new`.

use crate::error::{ErrorKind, SelError};

/// A SEL runtime type. The names appear verbatim in error messages and results.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ty {
    String,
    Long,
    Double,
    Boolean,
    StringArray,
    LongArray,
    DoubleArray,
    BooleanArray,
    Map,
    /// Type descriptors (never user-visible; kept for completeness of the tag set).
    #[allow(dead_code)]
    SelTypes,
    Null,
    Void,
    Error,
    PresetParams,
    PresetUtilFunction,
    PresetMiscFuncFields,
    DateTime,
    DateTimeZone,
    DateTimeFormatter,
    DateTimeProperty,
    DateTimeDays,
    Uuid,
    Math,
}

impl Ty {
    /// The `SelTypes` constant name.
    pub fn name(self) -> &'static str {
        match self {
            Ty::String => "STRING",
            Ty::Long => "LONG",
            Ty::Double => "DOUBLE",
            Ty::Boolean => "BOOLEAN",
            Ty::StringArray => "STRING_ARRAY",
            Ty::LongArray => "LONG_ARRAY",
            Ty::DoubleArray => "DOUBLE_ARRAY",
            Ty::BooleanArray => "BOOLEAN_ARRAY",
            Ty::Map => "MAP",
            Ty::SelTypes => "SEL_TYPES",
            Ty::Null => "NULL",
            Ty::Void => "VOID",
            Ty::Error => "ERROR",
            Ty::PresetParams => "PRESET_PARAMS",
            Ty::PresetUtilFunction => "PRESET_UTIL_FUNCTION",
            Ty::PresetMiscFuncFields => "PRESET_MISC_FUNC_FIELDS",
            Ty::DateTime => "DATETIME",
            Ty::DateTimeZone => "DATETIME_ZONE",
            Ty::DateTimeFormatter => "DATETIME_FORMATTER",
            Ty::DateTimeProperty => "DATETIME_PROPERTY",
            Ty::DateTimeDays => "DATETIME_DAYS",
            Ty::Uuid => "UUID",
            Ty::Math => "MATH",
        }
    }

    /// The reference's Java class for values of this type (used in cast error texts).
    pub fn java_class(self) -> &'static str {
        match self {
            Ty::String => "com.netflix.sel.type.SelString",
            Ty::Long => "com.netflix.sel.type.SelLong",
            Ty::Double => "com.netflix.sel.type.SelDouble",
            Ty::Boolean => "com.netflix.sel.type.SelBoolean",
            Ty::StringArray | Ty::LongArray | Ty::DoubleArray | Ty::BooleanArray => {
                "com.netflix.sel.type.SelArray"
            }
            Ty::Map => "com.netflix.sel.type.SelMap",
            Ty::SelTypes => "com.netflix.sel.type.SelTypes",
            Ty::Null | Ty::Void => "com.netflix.sel.type.SelType$1",
            Ty::Error => "com.netflix.sel.type.SelError",
            Ty::PresetParams => "com.netflix.sel.type.SelParams",
            Ty::PresetUtilFunction => "com.netflix.sel.type.SelUtilFunc",
            Ty::PresetMiscFuncFields => "com.netflix.sel.type.SelMiscFunc",
            Ty::DateTime => "com.netflix.sel.type.SelJodaDateTime",
            Ty::DateTimeZone => "com.netflix.sel.type.SelJodaDateTimeZone",
            Ty::DateTimeFormatter => "com.netflix.sel.type.SelJodaDateTimeFormatter",
            Ty::DateTimeProperty => "com.netflix.sel.type.SelJodaDateTimeProperty",
            Ty::DateTimeDays => "com.netflix.sel.type.SelJodaDateTimeDays",
            Ty::Uuid => "com.netflix.sel.type.SelJavaUUID",
            Ty::Math => "com.netflix.sel.type.SelJavaMath",
        }
    }

    /// Resolves a class name of a declaration or allocation (`int`, `String`, `Map`, ...).
    pub fn from_class_name(name: &str) -> Result<Ty, SelError> {
        Ok(match name {
            "int" | "long" | "Integer" | "Long" => Ty::Long,
            "float" | "double" | "Float" | "Double" => Ty::Double,
            "boolean" | "Boolean" => Ty::Boolean,
            "String" => Ty::String,
            "Map" | "HashMap" | "LinkedHashMap" => Ty::Map,
            "DateTime" => Ty::DateTime,
            "DateTimeZone" => Ty::DateTimeZone,
            "DateTimeFormatter" | "DateTimeFormat" => Ty::DateTimeFormatter,
            "Property" => Ty::DateTimeProperty,
            "Days" => Ty::DateTimeDays,
            "UUID" => Ty::Uuid,
            _ => {
                return Err(SelError::new(
                    ErrorKind::UnsupportedOperationException,
                    format!(
                        "Please check the manual for supported classes, which does not include class:  {name}"
                    ),
                ))
            }
        })
    }

    /// The array type whose elements have this type (`Type` node with `[]`).
    pub fn array_of(self) -> Result<Ty, SelError> {
        Ok(match self {
            Ty::String => Ty::StringArray,
            Ty::Long => Ty::LongArray,
            Ty::Double => Ty::DoubleArray,
            Ty::Boolean => Ty::BooleanArray,
            other => {
                return Err(SelError::new(
                    ErrorKind::IllegalArgumentException,
                    format!("Cannot create an array of {}", other.name()),
                ))
            }
        })
    }
}

/// The 26 names bound in every evaluation (§7.1). `validate` hides them.
pub const STATIC_NAMES: [&str; 26] = [
    "int",
    "long",
    "Integer",
    "Long",
    "float",
    "double",
    "Float",
    "Double",
    "boolean",
    "Boolean",
    "String",
    "Map",
    "HashMap",
    "LinkedHashMap",
    "DateTime",
    "DateTimeZone",
    "DateTimeFormatter",
    "DateTimeFormat",
    "Property",
    "Days",
    "UUID",
    "DateTimeConstants",
    "System",
    "Arrays",
    "Math",
    "Util",
];
