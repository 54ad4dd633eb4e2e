//! The validation pass (§6): which input names does an expression read?
//!
//! Walks the tree in source order recording the first occurrence of every name: a
//! value use (`Name`) marks it needed, a declaration or assignment target marks it
//! local. The answer is the needed names minus the 26 statics (`params` stays).

use crate::types::STATIC_NAMES;
use sel_grammar::ast::{Decl, ExprId, ExprKind, ForInit, Program, StmtId, StmtKind, Symbol};
use std::collections::BTreeSet;

struct Walk<'a> {
    prog: &'a Program,
    /// `None` = not seen, `Some(true)` = first seen as a value use.
    first: Vec<Option<bool>>,
}

impl Walk<'_> {
    fn mark(&mut self, sym: Symbol, used: bool) {
        let slot = &mut self.first[sym.0 as usize];
        if slot.is_none() {
            *slot = Some(used);
        }
    }

    fn stmt(&mut self, id: StmtId) {
        stacker::maybe_grow(128 * 1024, 2 * 1024 * 1024, || self.stmt_inner(id))
    }

    fn stmt_inner(&mut self, id: StmtId) {
        match &self.prog.stmt(id).kind {
            StmtKind::Decl(d) => self.decl(d),
            StmtKind::Block(items) => items.iter().for_each(|&s| self.stmt(s)),
            StmtKind::Expr(e) | StmtKind::Return(e) | StmtKind::Throw(e) => self.expr(*e),
            StmtKind::If { cond, then, els } => {
                self.expr(*cond);
                self.stmt(*then);
                if let Some(e) = els {
                    self.stmt(*e);
                }
            }
            StmtKind::While { cond, body } => {
                self.expr(*cond);
                self.stmt(*body);
            }
            StmtKind::For {
                init,
                cond,
                update,
                body,
            } => {
                match init {
                    Some(ForInit::Decl(d)) => self.decl(d),
                    Some(ForInit::Expr(e)) => self.expr(*e),
                    None => {}
                }
                if let Some(c) = cond {
                    self.expr(*c);
                }
                if let Some(u) = update {
                    self.expr(*u);
                }
                self.stmt(*body);
            }
            StmtKind::Break | StmtKind::Continue | StmtKind::Error => {}
        }
    }

    fn decl(&mut self, d: &Decl) {
        for decl in &d.declarators {
            self.mark(decl.name.sym, false);
            if let Some(init) = decl.init {
                self.expr(init);
            }
        }
    }

    fn expr(&mut self, id: ExprId) {
        stacker::maybe_grow(128 * 1024, 2 * 1024 * 1024, || self.expr_inner(id))
    }

    fn expr_inner(&mut self, id: ExprId) {
        match &self.prog.expr(id).kind {
            ExprKind::Name(ident) => self.mark(ident.sym, true),
            ExprKind::Literal(_) | ExprKind::Error => {}
            ExprKind::Paren(e) => self.expr(*e),
            ExprKind::Assign {
                target,
                index,
                value,
                ..
            } => {
                self.mark(target.sym, false);
                if let Some(i) = index {
                    self.expr(*i);
                }
                self.expr(*value);
            }
            ExprKind::Ternary { cond, then, els } => {
                self.expr(*cond);
                self.expr(*then);
                self.expr(*els);
            }
            ExprKind::Binary { lhs, rhs, .. } => {
                self.expr(*lhs);
                self.expr(*rhs);
            }
            ExprKind::Unary { operand, .. } => self.expr(*operand),
            ExprKind::Field { recv, .. } => self.expr(*recv),
            ExprKind::Call { recv, args, .. } => {
                self.expr(*recv);
                args.iter().for_each(|&a| self.expr(a));
            }
            ExprKind::Index { recv, index } => {
                self.expr(*recv);
                self.expr(*index);
            }
            ExprKind::NewArray { len, .. } => self.expr(*len),
            ExprKind::NewArrayInit { elems, .. } => elems.iter().for_each(|&a| self.expr(a)),
            ExprKind::New { args, .. } => args.iter().for_each(|&a| self.expr(a)),
        }
    }
}

/// The input names `prog` reads before assigning them (§6).
pub(crate) fn referenced_names(prog: &Program) -> BTreeSet<String> {
    let mut w = Walk {
        prog,
        first: vec![None; prog.symbol_count()],
    };
    prog.items.iter().for_each(|&s| w.stmt(s));
    w.first
        .iter()
        .enumerate()
        .filter(|(_, f)| **f == Some(true))
        .map(|(i, _)| prog.name(Symbol(i as u32)))
        .filter(|n| !STATIC_NAMES.contains(n))
        .map(String::from)
        .collect()
}
