//! DSL params (SPEC §1.16): keys `[!]name[<type>][(mode)]`, literal type inference,
//! nested `pmap`s, and foreach `ranges`.

use crate::diagnostics::{Code, Diagnostics};
use crate::escapes::SourceMap;
use crate::model::{Name, Param, ParamMap, ParamMode, ParamSyntax, ParamType, SourceText};
use crate::spanned::{Member, Node, NodeKind, Span, Spanned};

/// Reads DSL param entries (workflow keys, job keys, loop params) in order.
pub(crate) fn read_dsl_params<'a>(
    members: impl IntoIterator<Item = &'a Member>,
    d: &mut Diagnostics,
) -> ParamMap {
    let mut map = ParamMap::default();
    for m in members {
        let Some(p) = read_dsl_param(m, d) else {
            continue;
        };
        if map.get(&p.name.text).is_some() {
            d.error(
                Code::DuplicateKey,
                p.name.span,
                format!("param \"{}\" is defined twice", p.name.text),
            );
            continue;
        }
        map.params.push(p);
    }
    map
}

/// The parts of a param key, as decoded offsets into the key text.
struct KeyParts {
    expression: bool,
    name: (usize, usize),
    ty: Option<(ParamType, usize, usize)>,
    mode: Option<(ParamMode, usize, usize)>,
}

fn trim_range(text: &str, mut a: usize, mut b: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    while a < b && bytes[a].is_ascii_whitespace() {
        a += 1;
    }
    while b > a && bytes[b - 1].is_ascii_whitespace() {
        b -= 1;
    }
    (a, b)
}

fn parse_key(key: &str, key_span: Span, map: &SourceMap, d: &mut Diagnostics) -> Option<KeyParts> {
    let (mut a, mut b) = trim_range(key, 0, key.len());
    let mut parts = KeyParts {
        expression: false,
        name: (a, b),
        ty: None,
        mode: None,
    };
    if key[a..b].starts_with('!') {
        parts.expression = true;
        a += 1;
    }
    // `(mode)`: the last parentheses, not at the very start.
    if let (Some(open), Some(close)) = (key[a..b].rfind('('), key[a..b].rfind(')')) {
        let (open, close) = (a + open, a + close);
        if open > a && close > open {
            let (ma, mb) = trim_range(key, open + 1, close);
            match ParamMode::parse(&key[ma..mb]) {
                Some(mode) => parts.mode = Some((mode, open, close + 1)),
                None => d.error(
                    Code::Dsl,
                    map.doc_span(open, close + 1),
                    format!("unknown param mode \"{}\"", &key[ma..mb]),
                ),
            }
            (a, b) = trim_range(key, a, open);
        }
    }
    // `<type>`: from the first '<' to the last '>'.
    if let (Some(open), Some(close)) = (key[a..b].find('<'), key[a..b].rfind('>')) {
        let (open, close) = (a + open, a + close);
        if open > a && close > open {
            let (ta, tb) = trim_range(key, open + 1, close);
            match dsl_type(&key[ta..tb]) {
                Some(ty) => parts.ty = Some((ty, open, close + 1)),
                None => d.error(
                    Code::Dsl,
                    map.doc_span(open, close + 1),
                    format!("unknown param type \"{}\"", &key[ta..tb]),
                ),
            }
            (a, b) = trim_range(key, a, open);
        }
    }
    let (a, b) = trim_range(key, a, b);
    if a == b {
        d.error(
            Code::Dsl,
            key_span,
            format!("param key \"{key}\" has no name"),
        );
        return None;
    }
    parts.name = (a, b);
    Some(parts)
}

/// A DSL type name: `string long double boolean`, `array<...>`, `map`, `pmap`.
fn dsl_type(s: &str) -> Option<ParamType> {
    let upper = s.to_ascii_uppercase();
    if let Some(inner) = upper
        .strip_prefix("ARRAY<")
        .and_then(|r| r.strip_suffix('>'))
    {
        return match inner.trim() {
            "STRING" => Some(ParamType::StringArray),
            "LONG" => Some(ParamType::LongArray),
            "DOUBLE" => Some(ParamType::DoubleArray),
            "BOOLEAN" => Some(ParamType::BooleanArray),
            _ => None,
        };
    }
    match upper.as_str() {
        "PMAP" => Some(ParamType::Map),
        "MAP" => Some(ParamType::StringMap),
        _ => ParamType::parse(&upper),
    }
}

/// The type a literal implies; `Ok(None)` for an empty list (no element to go by).
fn implied_type(v: &Node) -> Result<Option<ParamType>, String> {
    let scalar = |n: &Node, arr: bool| -> Option<ParamType> {
        Some(match &n.kind {
            NodeKind::String(_) if arr => ParamType::StringArray,
            NodeKind::String(_) => ParamType::String,
            NodeKind::Number(x) if x.is_integer() => {
                if arr {
                    ParamType::LongArray
                } else {
                    ParamType::Long
                }
            }
            NodeKind::Number(_) if arr => ParamType::DoubleArray,
            NodeKind::Number(_) => ParamType::Double,
            NodeKind::Bool(_) if arr => ParamType::BooleanArray,
            NodeKind::Bool(_) => ParamType::Boolean,
            _ => return None,
        })
    };
    match &v.kind {
        NodeKind::Object(members) => {
            let all_strings = !members.is_empty()
                && members
                    .iter()
                    .all(|m| matches!(m.value.kind, NodeKind::String(_)));
            Ok(Some(if all_strings {
                ParamType::StringMap
            } else {
                ParamType::Map
            }))
        }
        NodeKind::Array(items) => match items.first() {
            None => Ok(None),
            Some(first) => scalar(first, true)
                .map(Some)
                .ok_or_else(|| format!("an array param cannot hold {}", first.kind_name())),
        },
        NodeKind::Null => Err("a param value cannot be null".to_string()),
        _ => Ok(scalar(v, false)),
    }
}

/// Reads one `key: value` DSL entry as a param.
pub(crate) fn read_dsl_param(m: &Member, d: &mut Diagnostics) -> Option<Param> {
    let key = &m.key.value;
    let parts = parse_key(key, m.key_span, &m.key.map, d)?;
    let name = Name::new(
        &key[parts.name.0..parts.name.1],
        m.key.map.doc_span(parts.name.0, parts.name.1),
    );
    let declared = parts
        .ty
        .map(|(t, a, b)| Spanned::new(t, m.key.map.doc_span(a, b)));
    let mut p = Param {
        name,
        key_span: m.key_span,
        span: m.key_span.cover(m.value.span),
        param_type: declared.clone(),
        value: None,
        expression: None,
        mode: parts
            .mode
            .map(|(md, a, b)| Spanned::new(md, m.key.map.doc_span(a, b))),
        validator: None,
        tags: None,
        meta: Vec::new(),
        nested: ParamMap::default(),
        syntax: ParamSyntax::DslLiteral,
    };
    let v = &m.value;
    if parts.expression {
        p.syntax = ParamSyntax::DslExpression;
        match v.scalar_text() {
            Some(s) => p.expression = Some(SourceText::from_str(&s, v.span)),
            None => d.error(
                Code::Dsl,
                v.span,
                format!(
                    "the expression of param \"{}\" must be a scalar, found {}",
                    p.name.text,
                    v.kind_name()
                ),
            ),
        }
        if p.param_type.is_none() {
            p.param_type = Some(Spanned::new(ParamType::String, m.key_span));
        }
        return Some(p);
    }
    let implied = match implied_type(v) {
        Ok(t) => t,
        Err(msg) => {
            d.error(
                Code::Dsl,
                v.span,
                format!("param \"{}\": {msg}", p.name.text),
            );
            None
        }
    };
    match (&declared, implied) {
        (None, Some(t)) => p.param_type = Some(Spanned::new(t, v.span)),
        (None, None) => p.param_type = Some(Spanned::new(ParamType::StringArray, v.span)),
        (Some(dt), Some(t))
            if dt.value != t && !(dt.value == ParamType::Map && t == ParamType::StringMap) =>
        {
            d.error(
                Code::Dsl,
                dt.span,
                format!(
                    "param \"{}\" is declared {} but its value is a {}",
                    p.name.text,
                    dt.value.as_str(),
                    t.as_str()
                ),
            );
        }
        _ => {}
    }
    if p.ty() == Some(ParamType::Map) {
        if let Some(members) = v.as_object() {
            p.nested = read_dsl_params(members, d);
            p.nested.span = Some(v.span);
        }
    }
    p.value = Some(v.clone());
    Some(p)
}

/// Turns a foreach `ranges` entry `name: {from, to, increment}` into a LONG_ARRAY loop
/// param with expression `Util.intsBetween(from, to, increment);`. The numbers in the
/// expression map to where they are written; the rest to the range's key.
pub(crate) fn range_param(m: &Member, d: &mut Diagnostics) -> Option<Param> {
    let key = crate::model::read::key_name(m);
    let Some(obj) = m.value.as_object() else {
        d.error(
            Code::Dsl,
            m.value.span,
            "a range must be an object {from, to, increment}",
        );
        return None;
    };
    let get = |k: &str| obj.iter().find(|x| x.key.value == k).map(|x| &x.value);
    let glue = |t: &str| SourceMap::synthetic(t.len(), key.span);
    let part = |n: Option<&Node>,
                default: Option<&str>,
                what: &str,
                d: &mut Diagnostics|
     -> Option<(String, SourceMap)> {
        match n {
            Some(n) if n.as_i64().is_some() => n.scalar_text().map(|s| (s.value, s.map)),
            Some(n) => {
                d.error(
                    Code::Dsl,
                    n.span,
                    format!("range \"{what}\" must be an integer"),
                );
                None
            }
            None => match default {
                Some(t) => Some((t.to_string(), glue(t))),
                None => {
                    d.error(
                        Code::Dsl,
                        m.key_span,
                        format!("the range has no \"{what}\""),
                    );
                    None
                }
            },
        }
    };
    let from = part(get("from"), Some("0"), "from", d);
    let to = part(get("to"), None, "to", d);
    let inc = part(get("increment"), Some("1"), "increment", d);
    let (from, to, inc) = (from?, to?, inc?);
    let pieces = [
        ("Util.intsBetween(".to_string(), glue("Util.intsBetween(")),
        from,
        (", ".to_string(), glue(", ")),
        to,
        (", ".to_string(), glue(", ")),
        inc,
        (");".to_string(), glue(");")),
    ];
    let text: String = pieces.iter().map(|(t, _)| t.as_str()).collect();
    let maps: Vec<&SourceMap> = pieces.iter().map(|(_, m)| m).collect();
    let span = m.key_span.cover(m.value.span);
    Some(Param {
        name: key,
        key_span: m.key_span,
        span,
        param_type: Some(Spanned::new(ParamType::LongArray, m.key_span)),
        value: None,
        expression: Some(SourceText {
            text,
            map: SourceMap::concat(&maps),
            span,
        }),
        mode: None,
        validator: None,
        tags: None,
        meta: Vec::new(),
        nested: ParamMap::default(),
        syntax: ParamSyntax::DslRange,
    })
}
