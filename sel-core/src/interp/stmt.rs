//! Statement nodes and loops (§4.2–§4.5).

use super::expr::{resolve_type, GROW_EVERY, NEW_SEGMENT, RED_ZONE};
use super::fast::{FastLoop, Step};
use super::{fault, Fault, Interp, Signal};
use crate::error::{ErrorKind, SelError};
use crate::ops;
use crate::rt::display::display_lossy;
use crate::rt::{Entry, Ref, Val};
use sel_grammar::ast::{Decl, ExprId, ForInit, StmtId, StmtKind};

/// The error of a loop that reached its iteration limit.
#[cold]
pub(super) fn loop_limit(limit: u64) -> Fault {
    Box::new(SelError::limit(
        ErrorKind::IllegalStateException,
        format!("Loop execution aborted as the iteration is over the loop limit {limit}"),
    ))
}

/// A loop's condition/update slot: a node, or the reference's shared `true` literal
/// that stands in for a missing `for` part (and leaves its value on the stack).
#[derive(Clone, Copy)]
enum Part {
    Expr(ExprId),
    True,
}

impl<'a> Interp<'a> {
    /// Executes a block item (declaration or statement).
    pub fn stmt(&mut self, id: StmtId) -> Result<Signal, Fault> {
        if self.nest % GROW_EVERY == GROW_EVERY - 1 {
            return stacker::maybe_grow(RED_ZONE, NEW_SEGMENT, || self.stmt_nested(id));
        }
        self.stmt_nested(id)
    }

    fn stmt_nested(&mut self, id: StmtId) -> Result<Signal, Fault> {
        self.nest += 1;
        let r = self.stmt_inner(id);
        self.nest -= 1;
        match r {
            Ok(sig) => Ok(sig),
            Err(e) => Err(self.located(e, self.prog.stmts[id.0 as usize].span)),
        }
    }

    /// The statements a loop body runs over and over; the others (declarations, loops,
    /// `throw`) are in [`Interp::stmt_cold`] so that this frame stays small.
    fn stmt_inner(&mut self, id: StmtId) -> Result<Signal, Fault> {
        let node = &self.prog.stmts[id.0 as usize];
        match &node.kind {
            StmtKind::Block(_)
            | StmtKind::Expr(_)
            | StmtKind::If { .. }
            | StmtKind::Break
            | StmtKind::Continue
            | StmtKind::Return(_) => {}
            _ => return self.stmt_cold(id),
        }
        self.enter_statement()?;
        match &node.kind {
            StmtKind::Block(items) => {
                let mut sig = Signal::None;
                for &item in items {
                    sig = self.stmt(item)?;
                    if matches!(sig, Signal::Break | Signal::Continue | Signal::Return) {
                        break;
                    }
                }
                Ok(sig)
            }
            StmtKind::Expr(e) => {
                // Here the `Expression` is the statement's child: it was counted above.
                let v = self.eval(*e, self.wrap_expression(*e) - 1)?;
                self.push_checked(v);
                Ok(Signal::Data)
            }
            StmtKind::If { cond, then, els } => {
                let sig = if self.eval_bool(*cond, self.wrap_expression(*cond))? {
                    self.stmt(*then)?
                } else if let Some(els) = els {
                    self.stmt(*els)?
                } else {
                    Signal::None
                };
                match sig {
                    Signal::Data => {
                        self.pop()?;
                        Ok(Signal::None)
                    }
                    other => Ok(other),
                }
            }
            StmtKind::Break => Ok(Signal::Break),
            StmtKind::Continue => Ok(Signal::Continue),
            StmtKind::Return(e) => {
                let v = self.eval(*e, self.wrap_expression(*e))?;
                self.push_checked(v);
                Ok(Signal::Return)
            }
            _ => self.stmt_cold(id),
        }
    }

    /// `Statement` wrapper + the statement node itself; a statement first discards one
    /// leftover value (§4.2).
    #[inline(always)]
    fn enter_statement(&mut self) -> Result<(), Fault> {
        self.visit(2)?;
        if !self.stack.is_empty() {
            self.stack.pop();
        }
        Ok(())
    }

    /// Declarations, loops, `throw` (see [`Interp::stmt_inner`]).
    #[inline(never)]
    fn stmt_cold(&mut self, id: StmtId) -> Result<Signal, Fault> {
        let node = &self.prog.stmts[id.0 as usize];
        if let StmtKind::Decl(d) = &node.kind {
            self.decl(d)?;
            return Ok(Signal::None);
        }
        self.enter_statement()?;
        match &node.kind {
            StmtKind::While { cond, body } => self.run_loop(Part::Expr(*cond), *body, None),
            StmtKind::For {
                init,
                cond,
                update,
                body,
            } => {
                match init {
                    Some(ForInit::Decl(d)) => {
                        self.visit(1)?; // ForInit
                        self.decl(d)?;
                    }
                    Some(ForInit::Expr(e)) => {
                        self.visit(1)?; // ForInit
                        self.eval(*e, self.wrap_operand(*e))?;
                    }
                    None => {
                        self.visit(1)?;
                        self.push(Entry::Tmp(Val::Bool(true)))?;
                    }
                }
                let cond = cond.map_or(Part::True, Part::Expr);
                let update = Some(update.map_or(Part::True, Part::Expr));
                self.run_loop(cond, *body, update)
            }
            StmtKind::Throw(e) => match self.eval(*e, self.wrap_expression(*e))?.into_val() {
                Val::Str(s) => {
                    match &s {
                        Some(s) => self.mem.charge_string(s)?,
                        None => self.mem.charge_object()?,
                    }
                    self.push(Entry::Tmp(Val::Error(s)))?;
                    Ok(Signal::Return)
                }
                other => fault(SelError::illegal_arg(format!(
                    "Can only throw a string error message. Invalid thrown object {}",
                    display_lossy(&other)
                ))),
            },
            StmtKind::Error => fault(SelError::new(
                ErrorKind::RuntimeException,
                "cannot evaluate a program with syntax errors",
            )),
            // Decl returned above; the rest are handled by `stmt_inner`.
            _ => fault(SelError::new(
                ErrorKind::RuntimeException,
                "internal error: unexpected statement kind",
            )),
        }
    }

    /// Evaluates a loop condition (the reference pushes it, then pops it at once).
    fn condition(&mut self, p: Part) -> Result<bool, Fault> {
        match p {
            Part::Expr(e) => self.eval_bool(e, self.wrap_expression(e)),
            Part::True => {
                self.visit(1)?;
                self.reserve()?;
                Ok(true)
            }
        }
    }

    /// Visits a `for` update: `ForUpdate` pops its child's value, the `true` stand-in
    /// leaves its value on the stack.
    fn update(&mut self, p: Part) -> Result<(), Fault> {
        match p {
            Part::Expr(e) => {
                self.visit(1)?; // ForUpdate
                self.eval(e, self.wrap_operand(e))?;
                Ok(())
            }
            Part::True => {
                self.visit(1)?;
                self.push(Entry::Tmp(Val::Bool(true)))
            }
        }
    }

    fn run_loop(
        &mut self,
        cond: Part,
        body: StmtId,
        update: Option<Part>,
    ) -> Result<Signal, Fault> {
        let limit = self.ev.limits().loops;
        let mut count: u64 = 0;
        let mut fast: Option<FastLoop> = None;
        loop {
            if let Some(f) = &mut fast {
                match self.fast_run(f, &mut count)? {
                    Some(Step::Next) | None => {}
                    Some(Step::Done | Step::Break) => return Ok(Signal::None),
                    Some(Step::Return) => return Ok(Signal::Return),
                }
            }
            match self.slow_step(cond, body, update)? {
                Step::Next => {}
                Step::Done | Step::Break => return Ok(Signal::None),
                Step::Return => return Ok(Signal::Return),
            }
            count += 1;
            if count >= limit {
                return Err(loop_limit(limit));
            }
            // The first iteration ran on the tree walk and bound every name it read:
            // now the loop can be compiled (once).
            if count == 1 {
                // `true` stand-ins leave values on the stack: those loops stay here.
                fast = match (cond, update) {
                    (Part::Expr(c), None) => self.compile_loop(c, body, None),
                    (Part::Expr(c), Some(Part::Expr(u))) => self.compile_loop(c, body, Some(u)),
                    _ => None,
                };
            }
        }
    }

    /// One iteration on the tree walk: condition, body, update.
    fn slow_step(&mut self, cond: Part, body: StmtId, update: Option<Part>) -> Result<Step, Fault> {
        if !self.condition(cond)? {
            return Ok(Step::Done);
        }
        match self.stmt(body)? {
            Signal::Data => {
                self.pop()?;
            }
            Signal::Return => return Ok(Step::Return),
            Signal::Break => return Ok(Step::Break),
            Signal::None | Signal::Continue => {}
        }
        if let Some(u) = update {
            self.update(u)?;
        }
        Ok(Step::Next)
    }

    /// `T a = e, b;` (§4.2 LocalVariableDeclaration / VariableDeclarator).
    fn decl(&mut self, d: &'a Decl) -> Result<(), Fault> {
        // LocalVariableDeclaration + Type + PrimitiveType/ClassType.
        self.visit(3)?;
        let mut ty = resolve_type(self, &d.ty.name)?;
        if d.ty.array {
            ty = ty.array_of()?;
        }
        self.reserve()?; // the type descriptor stays pushed during the declarators
        self.held += 1;
        for decl in &d.declarators {
            // VariableDeclarator + VariableDeclaratorId.
            self.visit(2)?;
            let r = match decl.init {
                Some(init) => {
                    let rhs = self.eval(init, self.wrap_expression(init))?;
                    ops::check_type(ty, rhs.ty())?;
                    self.keep(rhs)
                }
                None => {
                    let v = self.default_value(ty)?;
                    Ref::new(v)
                }
            };
            self.bind(decl.name.sym, r);
        }
        self.held -= 1;
        Ok(())
    }
}
