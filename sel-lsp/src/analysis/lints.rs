//! Lints for the SEL pitfalls the spec documents, each with a stable code:
//!
//! * `sel::alias-mutation` — a declaration initialised from a variable, an element or a
//!   map value shares that value's box, so mutating it changes the original (§4.7);
//! * `sel::non-short-circuit` — `&&`/`||` always evaluate their right side (§4.8, Q3);
//! * `sel::map-index` — `m['k']` on a Map fails; only `params` supports it (Q12);
//! * `sel::mixed-type-operator` — operators on mixed types that work only in this order
//!   (Q4);
//! * `sel::sanitize-comment` — a trailing `//` comment swallows the `;` Maestro appends
//!   (§10.2).

use super::types::Types;
use super::Severity;
use sel_grammar::ast::{BinaryOp, CommentKind, ExprId, ExprKind, Program, Span, StmtKind};

/// A lint finding in unit offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lint {
    pub span: Span,
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
}

/// Runs every lint except [`sanitize_comment`], which also applies to code that does
/// not parse.
pub fn lints(p: &Program, types: &Types) -> Vec<Lint> {
    let mut out = Vec::new();
    alias_mutation(p, &mut out);
    for e in &p.exprs {
        match &e.kind {
            ExprKind::Binary { op, lhs, rhs } => {
                if matches!(op, BinaryOp::And | BinaryOp::Or) {
                    non_short_circuit(p, *op, *lhs, *rhs, &mut out);
                }
                mixed_types(*op, types.of(*lhs), types.of(*rhs), e.span, &mut out);
            }
            ExprKind::Index { recv, .. } if types.of(*recv) == "MAP" => out.push(Lint {
                span: e.span,
                severity: Severity::Error,
                code: "sel::map-index",
                message: "Indexing a Map with [] fails (ClassCastException); only params \
                          supports it. Use .get(key)."
                    .to_string(),
            }),
            _ => {}
        }
    }
    out.sort_by_key(|l| (l.span.start, l.span.end));
    out
}

fn strip_parens(p: &Program, mut e: ExprId) -> ExprId {
    while let ExprKind::Paren(inner) = p.expr(e).kind {
        e = inner;
    }
    e
}

/// What a declaration initialiser shares its box with, if anything.
fn shared_source(p: &Program, init: ExprId) -> Option<String> {
    let e = strip_parens(p, init);
    match &p.expr(e).kind {
        ExprKind::Name(id) => Some(format!("`{}`", p.name(id.sym))),
        ExprKind::Index { .. } => Some("an array element".to_string()),
        ExprKind::Call { name, .. }
            if matches!(p.name(name.sym), "get" | "getOrDefault" | "asList") =>
        {
            Some("a stored value".to_string())
        }
        _ => None,
    }
}

fn alias_mutation(p: &Program, out: &mut Vec<Lint>) {
    for s in &p.stmts {
        let decl = match &s.kind {
            StmtKind::Decl(d) => d,
            _ => continue,
        };
        for dc in &decl.declarators {
            let Some(source) = dc.init.and_then(|i| shared_source(p, i)) else {
                continue;
            };
            let name = p.name(dc.name.sym);
            let mutation = p.exprs.iter().find(|e| match &e.kind {
                ExprKind::Assign { target, .. } => {
                    target.sym == dc.name.sym && target.span.start > dc.span.end
                }
                _ => false,
            });
            if let Some(ExprKind::Assign { target, .. }) = mutation.map(|e| &e.kind) {
                out.push(Lint {
                    span: target.span,
                    severity: Severity::Warning,
                    code: "sel::alias-mutation",
                    message: format!(
                        "`{name}` was declared from {source} and shares its value, so this \
                         assignment changes {source} too (SPEC §4.7); declare `{name}` \
                         without initialiser and assign it instead"
                    ),
                });
            }
        }
    }
}

/// Whether evaluating `e` changes state (assignments, `put`, host calls).
fn has_side_effect(p: &Program, e: ExprId) -> bool {
    let span = p.expr(e).span;
    p.exprs.iter().any(|x| {
        span.start <= x.span.start
            && x.span.end <= span.end
            && match &x.kind {
                ExprKind::Assign { .. } => true,
                ExprKind::Call { name, .. } => matches!(
                    p.name(name.sym),
                    "put" | "nextUniqueId" | "randomUUID" | "random"
                ),
                _ => false,
            }
    })
}

/// Names the left side compares with `null` (`x != null`, `null == x`).
fn null_checked(p: &Program, e: ExprId) -> Vec<sel_grammar::ast::Symbol> {
    let span = p.expr(e).span;
    let mut out = Vec::new();
    for x in &p.exprs {
        if !(span.start <= x.span.start && x.span.end <= span.end) {
            continue;
        }
        if let ExprKind::Binary {
            op: BinaryOp::Eq | BinaryOp::Ne,
            lhs,
            rhs,
        } = x.kind
        {
            let is_null = |e: ExprId| {
                matches!(
                    p.expr(e).kind,
                    ExprKind::Literal(sel_grammar::ast::Literal::Null)
                )
            };
            for (a, b) in [(lhs, rhs), (rhs, lhs)] {
                if let (ExprKind::Name(id), true) = (&p.expr(a).kind, is_null(b)) {
                    out.push(id.sym);
                }
            }
        }
    }
    out
}

/// Whether `e` calls a method or reads a field or element of one of `names`.
fn dereferences(p: &Program, e: ExprId, names: &[sel_grammar::ast::Symbol]) -> bool {
    let span = p.expr(e).span;
    p.exprs.iter().any(|x| {
        if !(span.start <= x.span.start && x.span.end <= span.end) {
            return false;
        }
        let recv = match x.kind {
            ExprKind::Call { recv, .. }
            | ExprKind::Field { recv, .. }
            | ExprKind::Index { recv, .. } => recv,
            _ => return false,
        };
        matches!(p.expr(strip_parens(p, recv)).kind, ExprKind::Name(id) if names.contains(&id.sym))
    })
}

fn non_short_circuit(p: &Program, op: BinaryOp, lhs: ExprId, rhs: ExprId, out: &mut Vec<Lint>) {
    let sym = op.symbol();
    let why = if has_side_effect(p, rhs) {
        "its side effects happen whatever the left side is"
    } else if dereferences(p, rhs, &null_checked(p, lhs)) {
        "the null check on the left does not protect it"
    } else {
        return;
    };
    out.push(Lint {
        span: p.expr(rhs).span,
        severity: Severity::Warning,
        code: "sel::non-short-circuit",
        message: format!(
            "SEL evaluates both sides of {sym} (no short-circuit), so this always runs: {why}; \
             use if or ?: instead"
        ),
    });
}

fn mixed_types(op: BinaryOp, l: &str, r: &str, span: Span, out: &mut Vec<Lint>) {
    let number = |t: &str| t == "LONG" || t == "DOUBLE";
    let message = match op {
        BinaryOp::Eq | BinaryOp::Ne if number(l) && r == "STRING" => format!(
            "{} compares the number's text with the string; written the other way round \
             (STRING {} {l}) it fails with a type mismatch",
            op.symbol(),
            op.symbol()
        ),
        BinaryOp::Add
            if l == "STRING" && !matches!(r, "STRING" | "LONG" | "DOUBLE" | "NULL" | "ANY") =>
        {
            format!(
                "+ appends the {r} as text here; written the other way round ({r} + STRING) it \
                 fails"
            )
        }
        BinaryOp::Add if l == "NULL" && r != "STRING" && r != "NULL" && r != "ANY" => format!(
            "null + x concatenates the text \"null\"; written the other way round ({r} + null) \
             it fails"
        ),
        _ => return,
    };
    out.push(Lint {
        span,
        severity: Severity::Warning,
        code: "sel::mixed-type-operator",
        message,
    });
}

/// For a sanitized site text: a trailing line comment that swallowed the appended `;`.
pub fn sanitize_comment(p: &Program, text: &str) -> Option<Lint> {
    let last = p.comments.last()?;
    // Code that already ends with `;` before the comment loses nothing.
    let code_done = text
        .get(..last.span.start as usize)
        .is_some_and(|c| c.trim_end().ends_with(';'));
    let swallowed = last.kind == CommentKind::Line
        && last.span.end as usize == text.len()
        && text.ends_with(';')
        && !code_done;
    swallowed.then(|| Lint {
        span: Span::new(last.span.start, last.span.end.saturating_sub(1)),
        severity: Severity::Warning,
        code: "sel::sanitize-comment",
        message: "Maestro appends `;` to the expression, and this trailing // comment \
                  swallows it; end the code with `;` before the comment"
            .to_string(),
    })
}
