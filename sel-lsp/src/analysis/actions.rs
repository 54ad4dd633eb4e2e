//! Code actions: quick fixes for the lints that have a rewrite keeping the program's
//! meaning as intended (`sel::map-index`, `sel::non-short-circuit`,
//! `sel::sanitize-comment`, `sel::alias-mutation`; `sel::mixed-type-operator` has none:
//! either order changes what the operator does), "declare missing param" for unknown
//! names in workflows, and converting a param between literal `value` and
//! `expression`.
//!
//! Fixes edit only the SEL glue around the user's own text (`[`→`.get(`, `&&`→` ? `),
//! never re-encoding it, so JSON escapes and YAML quoting inside it stay as written; a
//! fix whose glue would not be valid where it goes (`: ` in a plain YAML scalar) is not
//! offered.

use super::rename::Edit;
use super::{Diag, Unit, UnitMap};
use crate::document::{Analysis, Language};
use crate::workflow::sel_type;
use maestro_model::model::ParamSyntax;
use maestro_model::{Param, ParamType, Step};
use sel_core::catalog;
use sel_grammar::ast::{BinaryOp, ExprId, ExprKind, Literal, StmtKind, UnaryOp};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Action {
    pub title: String,
    /// A quick fix (for `diagnostic`) or a rewrite.
    pub quick_fix: bool,
    /// Index into `Analysis::diagnostics` of the diagnostic it fixes.
    pub diagnostic: Option<usize>,
    pub edits: Vec<Edit>,
}

/// The actions for the document range `start..end`.
pub fn actions(a: &Analysis, start: usize, end: usize) -> Vec<Action> {
    let mut out = Vec::new();
    for (i, d) in a.diagnostics.iter().enumerate() {
        if d.end < start || d.start > end {
            continue;
        }
        let Some((u, _)) = a.unit_at(d.start) else {
            continue;
        };
        let fix = match d.code {
            "sel::map-index" => map_index(u, d),
            "sel::non-short-circuit" => short_circuit(u, d),
            "sel::sanitize-comment" => semicolon(u),
            "sel::alias-mutation" => alias(u, d),
            "sel::unknown-name" => declare(a, u, d),
            _ => None,
        };
        if let Some((title, edits)) = fix {
            // The declaration goes outside any SEL site; the other fixes edit inside one.
            let inside = d.code != "sel::unknown-name";
            if !inside || edits.iter().all(|e| glue_fits(a, u, &e.text)) {
                out.push(Action {
                    title,
                    quick_fix: true,
                    diagnostic: Some(i),
                    edits,
                });
            }
        }
    }
    if a.language == Language::Json {
        if let Some(p) = param_at(a, start) {
            out.extend(convert(a, p));
        }
    }
    out
}

fn edit(start: usize, end: usize, text: impl Into<String>) -> Edit {
    Edit {
        start,
        end,
        text: text.into(),
    }
}

/// The expression whose unit span maps to the diagnostic's document span.
fn expr_for(u: &Unit, d: &Diag, pick: impl Fn(&ExprKind) -> bool) -> Option<ExprId> {
    let p = u.program();
    (0..p.exprs.len()).map(|i| ExprId(i as u32)).find(|&e| {
        let x = p.expr(e);
        pick(&x.kind) && u.doc_span_of(x.span) == (d.start, d.end)
    })
}

/// `m['k']` → `m.get('k')`.
fn map_index(u: &Unit, d: &Diag) -> Option<(String, Vec<Edit>)> {
    let p = u.program();
    let e = expr_for(u, d, |k| matches!(k, ExprKind::Index { .. }))?;
    let ExprKind::Index { recv, index } = p.expr(e).kind else {
        return None;
    };
    let (_, recv_end) = u.doc_span_of(p.expr(recv).span);
    let (index_start, index_end) = u.doc_span_of(p.expr(index).span);
    Some((
        "Use .get(key)".to_string(),
        vec![
            edit(recv_end, index_start, ".get("),
            edit(index_end, d.end, ")"),
        ],
    ))
}

/// `a && b` → `(a ? b : false)`, `a || b` → `(a ? true : b)`: what the author meant.
fn short_circuit(u: &Unit, d: &Diag) -> Option<(String, Vec<Edit>)> {
    let p = u.program();
    let (s, e) = (d.start, d.end);
    let bin = (0..p.exprs.len()).map(|i| ExprId(i as u32)).find(|&x| {
        matches!(p.expr(x).kind, ExprKind::Binary { op: BinaryOp::And | BinaryOp::Or, rhs, .. }
            if u.doc_span_of(p.expr(rhs).span) == (s, e))
    })?;
    let ExprKind::Binary { op, lhs, rhs } = p.expr(bin).kind else {
        return None;
    };
    let (l0, l1) = u.doc_span_of(p.expr(lhs).span);
    let (r0, r1) = u.doc_span_of(p.expr(rhs).span);
    let (mid, tail, title) = if op == BinaryOp::And {
        (
            " ? ",
            " : false)",
            "Rewrite as `a ? b : false` (evaluates b only when a holds)",
        )
    } else {
        (
            " ? true : ",
            ")",
            "Rewrite as `a ? true : b` (evaluates b only when a fails)",
        )
    };
    Some((
        title.to_string(),
        vec![edit(l0, l0, "("), edit(l1, r0, mid), edit(r1, r1, tail)],
    ))
}

/// A trailing `// comment` that swallows Maestro's `;`: end the code with `;` first.
fn semicolon(u: &Unit) -> Option<(String, Vec<Edit>)> {
    let p = u.program();
    let c = p.comments.last()?;
    let code = u.text()[..c.span.start as usize].trim_end();
    let at = u.doc_offset(code.len());
    Some((
        "End the code with `;` before the comment".to_string(),
        vec![edit(at, at, ";")],
    ))
}

/// `T b = a; ... b += 1;` → `T b; b = a; ...`: `b` gets its own value.
fn alias(u: &Unit, d: &Diag) -> Option<(String, Vec<Edit>)> {
    let p = u.program();
    let target = (u.text_offset(d.start)? as u32, u.text_offset(d.end)? as u32);
    let name = u.text().get(target.0 as usize..target.1 as usize)?;
    for s in &p.stmts {
        let StmtKind::Decl(decl) = &s.kind else {
            continue;
        };
        let [dc] = decl.declarators.as_slice() else {
            continue;
        };
        let Some(init) = dc.init else { continue };
        if p.name(dc.name.sym) != name || dc.span.end > target.0 {
            continue;
        }
        let (_, name_end) = u.doc_span_of(dc.name.span);
        let (init_start, _) = u.doc_span_of(p.expr(init).span);
        return Some((
            format!("Declare `{name}` without initialiser, then assign it"),
            vec![edit(name_end, init_start, format!("; {name} = "))],
        ));
    }
    None
}

/// The SEL type an unknown name is used as, from the expression around it.
fn inferred(u: &Unit, name_expr: ExprId, site_type: Option<ParamType>) -> &'static str {
    let p = u.program();
    let types = &u.types;
    for x in &p.exprs {
        match &x.kind {
            ExprKind::Binary { op, lhs, rhs } if *lhs == name_expr || *rhs == name_expr => {
                let other = if *lhs == name_expr { *rhs } else { *lhs };
                if matches!(op, BinaryOp::And | BinaryOp::Or) {
                    return "BOOLEAN";
                }
                let t = types.of(other);
                if matches!(t, "LONG" | "DOUBLE" | "STRING" | "BOOLEAN") {
                    return t;
                }
            }
            ExprKind::Unary {
                op: UnaryOp::Not,
                operand,
            } if *operand == name_expr => return "BOOLEAN",
            ExprKind::Ternary { cond, .. } if *cond == name_expr => return "BOOLEAN",
            ExprKind::Call { recv, name, args } if *recv == name_expr => {
                let m = p.name(name.sym);
                for t in [
                    "STRING",
                    "LONG",
                    "DOUBLE",
                    "BOOLEAN",
                    "STRING_ARRAY",
                    "LONG_ARRAY",
                ] {
                    if catalog::method(t, m, args.len()).is_some() {
                        return t;
                    }
                }
            }
            _ => {}
        }
    }
    // The whole expression is the name: the site's own param type.
    let whole = matches!(p.items.as_slice(), [s] if matches!(p.stmt(*s).kind, StmtKind::Expr(e) if e == name_expr));
    match site_type {
        Some(t) if whole => sel_type(t),
        _ => "STRING",
    }
}

/// The Maestro type and a default literal (JSON and YAML alike) for a SEL type.
fn maestro_default(sel: &str) -> (&'static str, &'static str) {
    match sel {
        "LONG" => ("LONG", "0"),
        "DOUBLE" => ("DOUBLE", "0.0"),
        "BOOLEAN" => ("BOOLEAN", "false"),
        "STRING_ARRAY" => ("STRING_ARRAY", "[]"),
        "LONG_ARRAY" => ("LONG_ARRAY", "[]"),
        _ => ("STRING", "\"\""),
    }
}

/// "Declare missing param": a workflow param of the inferred type with a default value.
fn declare(a: &Analysis, u: &Unit, d: &Diag) -> Option<(String, Vec<Edit>)> {
    let w = a.workflow.as_ref()?;
    let wf = w.doc.workflow.as_ref()?;
    let p = u.program();
    let name_expr = expr_for(u, d, |k| matches!(k, ExprKind::Name(_)))?;
    let ExprKind::Name(id) = p.expr(name_expr).kind else {
        return None;
    };
    let name = p.name(id.sym);
    if name.contains("__") {
        return None;
    }
    let site_type = u.site.and_then(|i| w.sites[i].param_type);
    let (ty, value) = maestro_default(inferred(u, name_expr, site_type));
    let title = format!("Declare missing param `{name}` ({ty})");
    let last = wf.params.params.iter().rev().find(|p| {
        matches!(
            p.syntax,
            ParamSyntax::Definition | ParamSyntax::DslLiteral | ParamSyntax::DslExpression
        )
    });
    match a.language {
        Language::Json => {
            let def = format!("\"{name}\": {{\"type\": \"{ty}\", \"value\": {value}}}");
            match last {
                Some(last) => {
                    let indent = indent_of(&a.text, last.key_span.start);
                    let at = last.span.end;
                    Some((title, vec![edit(at, at, format!(",\n{indent}{def}"))]))
                }
                None => {
                    // An empty `"params": {}`: put the definition inside the braces.
                    let span = wf.params.span?;
                    let body = a.text.get(span.start..span.end)?;
                    if body.trim() != "{}" {
                        return None;
                    }
                    Some((title, vec![edit(span.start + 1, span.end - 1, def)]))
                }
            }
        }
        Language::Yaml => {
            let last = last?;
            let indent = indent_of(&a.text, last.key_span.start);
            let line_end = a.text[last.span.end..]
                .find('\n')
                .map_or(a.text.len(), |i| last.span.end + i + 1);
            let yaml_value = if value == "\"\"" { "''" } else { value };
            let line = format!(
                "{indent}{name}<{}>: {yaml_value}\n",
                ty.to_ascii_lowercase()
            );
            let prefix = if line_end == a.text.len() && !a.text.ends_with('\n') {
                "\n"
            } else {
                ""
            };
            Some((
                title,
                vec![edit(line_end, line_end, format!("{prefix}{line}"))],
            ))
        }
        Language::Sel => None,
    }
}

/// The whitespace before the line's first character at `at`.
fn indent_of(text: &str, at: usize) -> String {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..at]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect()
}

/// Whether inserted glue is valid inside the site's string as the document writes it.
fn glue_fits(a: &Analysis, u: &Unit, glue: &str) -> bool {
    if glue.contains(['"', '\\', '\'', '\n']) && matches!(u.map, UnitMap::Site { .. }) {
        return false;
    }
    let (Some(w), Some(i)) = (&a.workflow, u.site) else {
        return true;
    };
    if a.language != Language::Yaml {
        return true;
    }
    let first = a.text[w.sites[i].span.start..].chars().next();
    let plain = !matches!(first, Some('\'' | '"' | '|' | '>'));
    !(plain && (glue.contains(": ") || glue.contains(" #")))
}

/// The JSON-shaped param definition at document offset `d`.
fn param_at(a: &Analysis, d: usize) -> Option<&Param> {
    fn in_steps(steps: &[Step], d: usize) -> Option<&Param> {
        steps.iter().find_map(|s| {
            s.params
                .params
                .iter()
                .find(|p| p.span.start <= d && d <= p.span.end)
                .or_else(|| in_steps(&s.steps, d))
        })
    }
    let wf = a.workflow.as_ref()?.doc.workflow.as_ref()?;
    wf.params
        .params
        .iter()
        .find(|p| p.span.start <= d && d <= p.span.end)
        .or_else(|| in_steps(&wf.steps, d))
        .filter(|p| p.syntax == ParamSyntax::Definition)
}

/// Start of the `"key"` member whose value starts at `value_start`, inside `p`.
fn key_before(a: &Analysis, p: &Param, key: &str, value_start: usize) -> Option<usize> {
    a.text
        .get(p.span.start..value_start)?
        .rfind(&format!("\"{key}\""))
        .map(|i| p.span.start + i)
}

/// Literal `value` ↔ `expression` for scalar params.
fn convert(a: &Analysis, p: &Param) -> Option<Action> {
    let name = &p.name.text;
    if let Some(v) = &p.value {
        let raw = a.text.get(v.span.start..v.span.end)?;
        let sel = match p.ty()? {
            ParamType::Long | ParamType::Double | ParamType::Boolean => raw.to_string(),
            ParamType::String => {
                let s = v.as_str()?;
                // A STRING literal is interpolated; an expression is not.
                if s.contains('$') {
                    return None;
                }
                serde_json::to_string(s).ok()?
            }
            _ => return None,
        };
        let key = key_before(a, p, "value", v.span.start)?;
        let json = serde_json::to_string(&sel).ok()?;
        return Some(Action {
            title: format!("Convert `{name}` to an expression"),
            quick_fix: false,
            diagnostic: None,
            edits: vec![edit(key, v.span.end, format!("\"expression\": {json}"))],
        });
    }
    let x = p.expression.as_ref()?;
    let value = literal_json(&sel_core::sanitize(&x.text), p.ty()?)?;
    let key = key_before(a, p, "expression", x.span.start)?;
    Some(Action {
        title: format!("Convert `{name}` to a literal value"),
        quick_fix: false,
        diagnostic: None,
        edits: vec![edit(key, x.span.end, format!("\"value\": {value}"))],
    })
}

/// The JSON of an expression that is one literal of the param's type.
fn literal_json(sanitized: &str, ty: ParamType) -> Option<String> {
    let parse = sel_grammar::parse(sanitized);
    if !parse.errors.is_empty() {
        return None;
    }
    let p = &parse.program;
    let [s] = p.items.as_slice() else { return None };
    let StmtKind::Expr(e) = p.stmt(*s).kind else {
        return None;
    };
    let (neg, e) = match p.expr(e).kind {
        ExprKind::Unary {
            op: UnaryOp::Neg,
            operand,
        } => (true, operand),
        _ => (false, e),
    };
    let sign = if neg { "-" } else { "" };
    match (&p.expr(e).kind, ty) {
        (ExprKind::Literal(Literal::Int(i)), ParamType::Long) => Some(format!("{sign}{i}")),
        (ExprKind::Literal(Literal::Float(f)), ParamType::Double) if f.is_finite() => {
            Some(format!("{sign}{f:?}"))
        }
        (ExprKind::Literal(Literal::Bool(b)), ParamType::Boolean) if !neg => Some(b.to_string()),
        (ExprKind::Literal(Literal::Str(r)), ParamType::String) if !neg => {
            let s = p.string(*r);
            (!s.contains('$')).then(|| serde_json::to_string(s).ok())?
        }
        _ => None,
    }
}
