//! A compact S-expression rendering of a [`Program`], for snapshot tests and debugging.
//!
//! Statements go one per line, nested statements indented by two spaces; expressions
//! are written inline in prefix form: `(+ 1 (* x 2))`, `(= x [i] 5)` for an indexed
//! assignment, `(call recv name args...)`, `(. recv field)`, `(paren e)`; literals as
//! `5`, `1.5` (floats always show a `.` or an exponent), `"text"`, `true`, `null`;
//! placeholders from error recovery as `<error>`.

use crate::ast::*;
use std::fmt::Write;

/// Renders the whole program.
pub fn dump(p: &Program) -> String {
    let mut d = Dumper {
        p,
        out: String::new(),
    };
    for imp in &p.imports {
        let path: Vec<&str> = imp.path.iter().map(|i| p.name(i.sym)).collect();
        let _ = writeln!(
            d.out,
            "(import{} {}{})",
            if imp.is_static { " static" } else { "" },
            path.join("."),
            if imp.wildcard { ".*" } else { "" }
        );
    }
    for &s in &p.items {
        d.stmt(s, 0);
    }
    d.out
}

/// Renders one expression.
pub fn dump_expr(p: &Program, e: ExprId) -> String {
    let mut d = Dumper {
        p,
        out: String::new(),
    };
    d.expr(e);
    d.out
}

struct Dumper<'a> {
    p: &'a Program,
    out: String,
}

impl Dumper<'_> {
    fn indent(&mut self, depth: usize) {
        for _ in 0..depth {
            self.out.push_str("  ");
        }
    }

    fn ty(&mut self, t: &TypeName) {
        match t {
            TypeName::Primitive(p) => self.out.push_str(p.keyword()),
            TypeName::Class(i) => self.out.push_str(self.p.name(i.sym)),
        }
    }

    fn decl(&mut self, d: &Decl) {
        self.out.push_str("(decl ");
        self.ty(&d.ty.name);
        if d.ty.array {
            self.out.push_str("[]");
        }
        for v in &d.declarators {
            self.out.push_str(" (");
            self.out.push_str(self.p.name(v.name.sym));
            if let Some(e) = v.init {
                self.out.push(' ');
                self.expr(e);
            }
            self.out.push(')');
        }
        self.out.push(')');
    }

    fn stmt(&mut self, id: StmtId, depth: usize) {
        self.indent(depth);
        self.stmt_inline(id, depth);
        self.out.push('\n');
    }

    /// A statement starting at the current position; nested statements on new lines.
    fn stmt_inline(&mut self, id: StmtId, depth: usize) {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.stmt_body(id, depth));
    }

    fn stmt_body(&mut self, id: StmtId, depth: usize) {
        let p = self.p;
        let nested = |d: &mut Self, s: StmtId| {
            d.out.push('\n');
            d.indent(depth + 1);
            d.stmt_inline(s, depth + 1);
        };
        match &p.stmt(id).kind {
            StmtKind::Decl(d) => self.decl(d),
            StmtKind::Block(items) => {
                self.out.push_str("(block");
                for &s in items {
                    nested(self, s);
                }
                self.out.push(')');
            }
            StmtKind::Expr(e) => {
                self.out.push_str("(expr ");
                self.expr(*e);
                self.out.push(')');
            }
            StmtKind::If { cond, then, els } => {
                self.out.push_str("(if ");
                self.expr(*cond);
                nested(self, *then);
                if let Some(e) = els {
                    nested(self, *e);
                }
                self.out.push(')');
            }
            StmtKind::While { cond, body } => {
                self.out.push_str("(while ");
                self.expr(*cond);
                nested(self, *body);
                self.out.push(')');
            }
            StmtKind::For {
                init,
                cond,
                update,
                body,
            } => {
                self.out.push_str("(for ");
                match init {
                    Some(ForInit::Decl(d)) => self.decl(d),
                    Some(ForInit::Expr(e)) => self.expr(*e),
                    None => self.out.push('_'),
                }
                for e in [cond, update] {
                    self.out.push(' ');
                    match e {
                        Some(e) => self.expr(*e),
                        None => self.out.push('_'),
                    }
                }
                nested(self, *body);
                self.out.push(')');
            }
            StmtKind::Break => self.out.push_str("(break)"),
            StmtKind::Continue => self.out.push_str("(continue)"),
            StmtKind::Return(e) => {
                self.out.push_str("(return ");
                self.expr(*e);
                self.out.push(')');
            }
            StmtKind::Throw(e) => {
                self.out.push_str("(throw ");
                self.expr(*e);
                self.out.push(')');
            }
            StmtKind::Error => self.out.push_str("<error>"),
        }
    }

    fn list(&mut self, head: &str, parts: &[ExprId]) {
        self.out.push('(');
        self.out.push_str(head);
        for &e in parts {
            self.out.push(' ');
            self.expr(e);
        }
        self.out.push(')');
    }

    fn expr(&mut self, id: ExprId) {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.expr_body(id));
    }

    fn expr_body(&mut self, id: ExprId) {
        let p = self.p;
        match &p.expr(id).kind {
            ExprKind::Literal(l) => match l {
                Literal::Int(v) => {
                    let _ = write!(self.out, "{v}");
                }
                Literal::Float(v) => {
                    let _ = write!(self.out, "{v:?}");
                }
                Literal::Str(s) => {
                    let _ = write!(self.out, "{:?}", self.p.string(*s));
                }
                Literal::Bool(b) => {
                    let _ = write!(self.out, "{b}");
                }
                Literal::Null => self.out.push_str("null"),
            },
            ExprKind::Name(i) => self.out.push_str(p.name(i.sym)),
            ExprKind::Paren(e) => self.list("paren", &[*e]),
            ExprKind::Assign {
                target,
                index,
                op,
                value,
            } => {
                let _ = write!(self.out, "({} {}", op.symbol(), p.name(target.sym));
                if let Some(i) = index {
                    self.out.push_str(" [");
                    self.expr(*i);
                    self.out.push(']');
                }
                self.out.push(' ');
                self.expr(*value);
                self.out.push(')');
            }
            ExprKind::Ternary { cond, then, els } => self.list("?", &[*cond, *then, *els]),
            ExprKind::Binary { op, lhs, rhs } => self.list(op.symbol(), &[*lhs, *rhs]),
            ExprKind::Unary { op, operand } => self.list(op.symbol(), &[*operand]),
            ExprKind::Field { recv, name } => {
                self.out.push_str("(. ");
                self.expr(*recv);
                let _ = write!(self.out, " {})", p.name(name.sym));
            }
            ExprKind::Call { recv, name, args } => {
                self.out.push_str("(call ");
                self.expr(*recv);
                self.out.push(' ');
                self.list(p.name(name.sym), args);
                self.out.push(')');
            }
            ExprKind::Index { recv, index } => self.list("index", &[*recv, *index]),
            ExprKind::NewArray { ty, len } => {
                self.out.push_str("(new-array ");
                self.ty(ty);
                self.out.push(' ');
                self.expr(*len);
                self.out.push(')');
            }
            ExprKind::NewArrayInit { ty, elems } => {
                self.out.push_str("(new-array-init ");
                self.ty(ty);
                for &e in elems {
                    self.out.push(' ');
                    self.expr(e);
                }
                self.out.push(')');
            }
            ExprKind::New { class, args } => {
                let head = format!("new {}", p.name(class.sym));
                self.list(&head, args);
            }
            ExprKind::Error => self.out.push_str("<error>"),
        }
    }
}
