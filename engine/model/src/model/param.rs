//! Param definitions (SPEC §2.1–2.3): types, modes, literal value XOR expression, and
//! the ordered name → definition maps they live in (MAP params nest such maps).

use crate::diagnostics::{Code, Diagnostics};
use crate::model::read::{key_name, text_value, Fields};
use crate::model::{Name, SourceText};
use crate::spanned::{Member, Node, NodeKind, Span, Spanned};

/// `ParamType` (SPEC §2.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ParamType {
    String,
    Long,
    Double,
    Boolean,
    StringMap,
    StringArray,
    LongArray,
    DoubleArray,
    BooleanArray,
    Map,
}

impl ParamType {
    pub const ALL: [ParamType; 10] = [
        ParamType::String,
        ParamType::Long,
        ParamType::Double,
        ParamType::Boolean,
        ParamType::StringMap,
        ParamType::StringArray,
        ParamType::LongArray,
        ParamType::DoubleArray,
        ParamType::BooleanArray,
        ParamType::Map,
    ];

    /// The canonical spelling (`STRING_ARRAY`).
    pub fn as_str(self) -> &'static str {
        match self {
            ParamType::String => "STRING",
            ParamType::Long => "LONG",
            ParamType::Double => "DOUBLE",
            ParamType::Boolean => "BOOLEAN",
            ParamType::StringMap => "STRING_MAP",
            ParamType::StringArray => "STRING_ARRAY",
            ParamType::LongArray => "LONG_ARRAY",
            ParamType::DoubleArray => "DOUBLE_ARRAY",
            ParamType::BooleanArray => "BOOLEAN_ARRAY",
            ParamType::Map => "MAP",
        }
    }

    /// Parses a type name case-insensitively, as Maestro does.
    pub fn parse(s: &str) -> Option<ParamType> {
        let upper = s.trim().to_ascii_uppercase();
        ParamType::ALL.into_iter().find(|t| t.as_str() == upper)
    }

    /// Whether literal values of this type are interpolated (SPEC §2.4).
    pub fn is_interpolated(self) -> bool {
        matches!(
            self,
            ParamType::String | ParamType::StringArray | ParamType::StringMap
        )
    }
}

/// `ParamMode` (SPEC §2.3), in ascending strictness.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ParamMode {
    Mutable,
    MutableOnStartRestart,
    MutableOnStart,
    Immutable,
    Constant,
}

impl ParamMode {
    pub const ALL: [ParamMode; 5] = [
        ParamMode::Mutable,
        ParamMode::MutableOnStartRestart,
        ParamMode::MutableOnStart,
        ParamMode::Immutable,
        ParamMode::Constant,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ParamMode::Mutable => "MUTABLE",
            ParamMode::MutableOnStartRestart => "MUTABLE_ON_START_RESTART",
            ParamMode::MutableOnStart => "MUTABLE_ON_START",
            ParamMode::Immutable => "IMMUTABLE",
            ParamMode::Constant => "CONSTANT",
        }
    }

    pub fn parse(s: &str) -> Option<ParamMode> {
        let upper = s.trim().to_ascii_uppercase();
        ParamMode::ALL.into_iter().find(|m| m.as_str() == upper)
    }
}

/// How a param was written, which decides what its spans point at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamSyntax {
    /// A JSON-shaped definition object `{type, value|expression, ...}`.
    Definition,
    /// A DSL `name: literal` entry (type inferred or from `<type>`).
    DslLiteral,
    /// A DSL `'!name': expression` entry.
    DslExpression,
    /// A foreach `ranges` entry, turned into a `Util.intsBetween` expression.
    DslRange,
    /// A param the DSL adds from a job field (`subworkflow_id`, `subworkflow_version`,
    /// `loop_params`).
    DslImplied,
}

/// One param definition.
#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    pub name: Name,
    /// The whole key (quotes, and in the DSL `!`, `<type>`, `(mode)`, included).
    pub key_span: Span,
    /// The whole definition: key and value.
    pub span: Span,
    pub param_type: Option<Spanned<ParamType>>,
    /// The literal `value`, as written.
    pub value: Option<Node>,
    /// The SEL `expression`.
    pub expression: Option<SourceText>,
    pub mode: Option<Spanned<ParamMode>>,
    pub validator: Option<Node>,
    pub tags: Option<Node>,
    /// Other keys of the definition (Maestro puts them into `meta`).
    pub meta: Vec<Member>,
    /// Entries of a MAP literal, themselves param definitions.
    pub nested: ParamMap,
    pub syntax: ParamSyntax,
}

impl Param {
    pub fn ty(&self) -> Option<ParamType> {
        self.param_type.as_ref().map(|t| t.value)
    }
}

/// An ordered map of param definitions.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ParamMap {
    pub params: Vec<Param>,
    /// The span of the map node, when there is one in the document.
    pub span: Option<Span>,
}

impl ParamMap {
    pub fn get(&self, name: &str) -> Option<&Param> {
        self.params.iter().find(|p| p.name.text == name)
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.params.iter().map(|p| p.name.text.as_str())
    }

    pub fn len(&self) -> usize {
        self.params.len()
    }

    pub fn is_empty(&self) -> bool {
        self.params.is_empty()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Param> {
        self.params.iter()
    }
}

/// Reads a JSON-shaped map name → definition. Duplicate names are reported.
pub(crate) fn read_param_map(node: &Node, what: &str, d: &mut Diagnostics) -> ParamMap {
    let mut map = ParamMap {
        params: Vec::new(),
        span: Some(node.span),
    };
    if matches!(node.kind, NodeKind::Null) {
        return map;
    }
    let Some(members) = node.as_object() else {
        d.error(
            Code::WrongKind,
            node.span,
            format!(
                "{what} must be an object of param definitions, found {}",
                node.kind_name()
            ),
        );
        return map;
    };
    for m in members {
        if map.get(&m.key.value).is_some() {
            d.error(
                Code::DuplicateKey,
                m.key_span,
                format!("param \"{}\" is defined twice", m.key.value),
            );
            continue;
        }
        map.params.push(read_param(m, d));
    }
    map
}

/// Reads one JSON-shaped definition `name: {type, value|expression, mode, ...}`.
pub(crate) fn read_param(m: &Member, d: &mut Diagnostics) -> Param {
    let mut p = Param {
        name: key_name(m),
        key_span: m.key_span,
        span: m.key_span.cover(m.value.span),
        param_type: None,
        value: None,
        expression: None,
        mode: None,
        validator: None,
        tags: None,
        meta: Vec::new(),
        nested: ParamMap::default(),
        syntax: ParamSyntax::Definition,
    };
    let what = format!("param \"{}\"", p.name.text);
    let Some(mut f) = Fields::of(&m.value, &what, d) else {
        return p;
    };
    match f.node("type", d) {
        Some(t) => match t.as_str().map(|s| (s, ParamType::parse(s))) {
            Some((_, Some(ty))) => p.param_type = Some(Spanned::new(ty, t.span)),
            Some((s, None)) => d.error(
                Code::UnknownValue,
                t.span,
                format!(
                    "unknown param type \"{s}\" (expected one of {})",
                    type_list()
                ),
            ),
            None => d.error(Code::WrongKind, t.span, "param \"type\" must be a string"),
        },
        None => d.error(Code::Missing, m.key_span, format!("{what} has no \"type\"")),
    }
    let value = f.take("value", d);
    let expression = f.take("expression", d);
    match (value, expression) {
        (Some(_), Some(e)) => d.error(
            Code::ValueAndExpression,
            e.key_span,
            format!("{what} has both \"value\" and \"expression\": only one is allowed"),
        ),
        (None, None) => d.error(
            Code::ValueAndExpression,
            m.key_span,
            format!("{what} has neither \"value\" nor \"expression\""),
        ),
        _ => {}
    }
    if let Some(e) = expression {
        p.expression = text_value(&e.value, "expression", d);
    }
    if let Some(v) = value {
        p.value = Some(v.value.clone());
        check_literal(&p, &v.value, d);
        if p.ty() == Some(ParamType::Map) && v.value.as_object().is_some() {
            p.nested = read_param_map(&v.value, &what, d);
        }
    }
    if let Some(mode) = f.node("mode", d) {
        match mode.as_str().map(|s| (s, ParamMode::parse(s))) {
            Some((_, Some(md))) => p.mode = Some(Spanned::new(md, mode.span)),
            Some((s, None)) => d.error(
                Code::UnknownValue,
                mode.span,
                format!("unknown param mode \"{s}\""),
            ),
            None => d.error(
                Code::WrongKind,
                mode.span,
                "param \"mode\" must be a string",
            ),
        }
    }
    p.validator = f.node("validator", d).cloned();
    p.tags = f.node("tags", d).cloned();
    p.meta = f.rest(&what, false, d);
    p
}

fn type_list() -> String {
    ParamType::ALL.map(ParamType::as_str).join(", ")
}

/// Reports a literal whose shape cannot be of the declared type.
pub(crate) fn check_literal(p: &Param, v: &Node, d: &mut Diagnostics) {
    let Some(ty) = p.ty() else { return };
    let ok = match (&v.kind, ty) {
        (NodeKind::Null, _) => true,
        (NodeKind::Object(_), ParamType::Map) => true,
        (NodeKind::Object(members), ParamType::StringMap) => {
            for m in members {
                if m.value.as_object().is_some() || m.value.as_array().is_some() {
                    d.error(
                        Code::WrongKind,
                        m.value.span,
                        "a STRING_MAP value must map names to strings",
                    );
                }
            }
            true
        }
        (NodeKind::Array(_), t) => matches!(
            t,
            ParamType::StringArray
                | ParamType::LongArray
                | ParamType::DoubleArray
                | ParamType::BooleanArray
        ),
        (NodeKind::Object(_), _) => false,
        (_, t) => matches!(
            t,
            ParamType::String | ParamType::Long | ParamType::Double | ParamType::Boolean
        ),
    };
    if !ok {
        d.error(
            Code::WrongKind,
            v.span,
            format!(
                "the value of param \"{}\" is {}, which cannot be a {}",
                p.name.text,
                v.kind_name(),
                ty.as_str()
            ),
        );
    }
}
