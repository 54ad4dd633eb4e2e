//! The interpreter: the reference's stack machine (§4) over the parsed program.
//!
//! Statements return a [`Signal`] and leave values on an explicit statement-level stack
//! exactly where the reference does, so leftovers (§4.5), the program result rules
//! (§4.3) and the loop limit behave like the reference. Inside an expression the values
//! the reference would keep on its operand stack are held by the Rust call frames
//! instead; a counter (`held`) tracks how many there are, so every "push" can still be
//! checked against the stack limit at the same moment as in the reference.
//!
//! Visit counting: each of our nodes stands for one or more reference nodes (§3.4). The
//! parent passes `wrap`, the number of wrapper nodes the reference visits on the way to
//! a child (`Expression`, `PrimaryExpression`), and each node adds its own count.

mod expr;
mod fast;
mod names;
mod stmt;

pub(crate) use expr::cast_error;

use crate::error::{ErrorKind, SelError};
use crate::evaluator::Evaluator;
use crate::host::{Extension, Vars};
use crate::memory::Memory;
use crate::rt::{Entry, Ref, Str, Val};
use sel_grammar::ast::{Expr, ExprId, ExprKind, Program};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

/// Errors inside the interpreter are boxed: results stay small on the hot paths.
pub(crate) type Fault = Box<SelError>;

/// An interpreter error result.
#[cold]
pub(crate) fn fault<T>(e: SelError) -> Result<T, Fault> {
    Err(Box::new(e))
}

/// What a statement visit produced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Signal {
    None,
    Data,
    Return,
    Break,
    Continue,
}

impl Signal {
    fn name(self) -> &'static str {
        match self {
            Signal::None => "NONE",
            Signal::Data => "DATA",
            Signal::Return => "RETURN",
            Signal::Break => "BREAK",
            Signal::Continue => "CONTINUE",
        }
    }
}

/// Slots of [`Interp::lit_texts`].
const LIT_TEXTS: usize = 8;

/// How often (in node visits) the deadline and the cancellation flag are checked.
const CHECK_EVERY: u64 = 4096;

/// One evaluation's state.
pub(crate) struct Interp<'a> {
    pub prog: &'a Program,
    pub src: &'a str,
    pub ev: &'a Evaluator,
    pub vars: &'a dyn Vars,
    pub ext: Option<&'a dyn Extension>,
    cancel: Option<&'a AtomicBool>,
    /// Values left on the reference's operand stack between statements. Inline for
    /// the usual few (a program's result, a declaration's leftovers): most
    /// evaluations then allocate nothing for it.
    stack: smallvec::SmallVec<[Entry; 4]>,
    /// Operand-stack entries currently held by expression frames (see module docs).
    held: usize,
    stack_limit: usize,
    /// Expression/statement recursion depth (to grow the native stack when needed).
    nest: u32,
    /// Variables by symbol.
    slots: Vec<names::Slot>,
    /// Per-evaluation boxes of literal nodes that something has bound (§4.7).
    lit_boxes: Vec<Option<Ref>>,
    /// The texts of recently evaluated string literals, by node (direct-mapped), so
    /// that a literal in a loop allocates its text once rather than per iteration.
    /// Strings are immutable, so sharing one text is unobservable.
    lit_texts: [Option<(ExprId, Str)>; LIT_TEXTS],
    visits: u64,
    next_check: u64,
    /// Work done by built-in calls since the clock was last read (see
    /// [`Interp::after_call`]).
    call_work: u64,
    /// When the evaluation started (the timeout counts from here).
    started: Instant,
    pub mem: Memory,
    pub rng: crate::builtins::math::Rng,
    pub dates: crate::builtins::date::DateCtx,
}

/// Whether the reference wraps this expression in a `PrimaryExpression` node.
fn is_primary(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Literal(_)
            | ExprKind::Name(_)
            | ExprKind::Paren(_)
            | ExprKind::Field { .. }
            | ExprKind::Call { .. }
            | ExprKind::Index { .. }
            | ExprKind::NewArray { .. }
            | ExprKind::NewArrayInit { .. }
            | ExprKind::New { .. }
    )
}

impl<'a> Interp<'a> {
    pub fn new(
        prog: &'a Program,
        src: &'a str,
        ev: &'a Evaluator,
        vars: &'a dyn Vars,
        ext: Option<&'a dyn Extension>,
        cancel: Option<&'a AtomicBool>,
    ) -> Interp<'a> {
        let limits = ev.limits();
        Interp {
            prog,
            src,
            ev,
            vars,
            ext,
            cancel,
            stack: smallvec::SmallVec::new(),
            held: 0,
            stack_limit: limits.stack,
            nest: 0,
            slots: vec![names::Slot::Unresolved; prog.symbol_count()],
            lit_boxes: Vec::new(),
            lit_texts: [const { None }; LIT_TEXTS],
            visits: 0,
            next_check: limits.visits.min(CHECK_EVERY),
            call_work: 0,
            started: Instant::now(),
            mem: Memory::new(limits.memory),
            rng: crate::builtins::math::Rng::default(),
            dates: Default::default(),
        }
    }

    /// Runs the whole program and returns its value (§4.3).
    pub fn run(&mut self) -> Result<Val, Fault> {
        self.visit(1 + self.prog.imports.len() as u64)?;
        let mut sig = Signal::None;
        for &item in &self.prog.items {
            if sig == Signal::Data {
                self.pop()?;
            }
            sig = self.stmt(item)?;
            if sig == Signal::Return {
                sig = Signal::Data;
                break;
            }
        }
        match sig {
            Signal::Data => {
                let result = self.pop()?;
                if !self.stack.is_empty() {
                    return fault(SelError::new(
                        ErrorKind::RuntimeException,
                        format!(
                            "Invalid expression (stack is not empty): {}",
                            sel_grammar::token_image(self.src)
                        ),
                    ));
                }
                Ok(result.into_val())
            }
            Signal::None => Ok(Val::Void),
            other => fault(SelError::new(
                ErrorKind::RuntimeException,
                format!(
                    "Invalid expression : {} with wrong return type: {}",
                    sel_grammar::token_image(self.src),
                    other.name()
                ),
            )),
        }
    }

    pub fn expr_node(&self, id: ExprId) -> &'a Expr {
        &self.prog.exprs[id.0 as usize]
    }

    /// The wrapper count of an expression in an `expression` position of the grammar.
    fn wrap_expression(&self, id: ExprId) -> u64 {
        1 + is_primary(self.expr_node(id)) as u64
    }

    /// The wrapper count of an operand position (binary/unary operands, ternary
    /// condition, `for` init/update).
    fn wrap_operand(&self, id: ExprId) -> u64 {
        is_primary(self.expr_node(id)) as u64
    }

    /// Counts `n` node visits (§8.1).
    #[inline]
    pub fn visit(&mut self, n: u64) -> Result<(), Fault> {
        self.visits += n;
        if self.visits >= self.next_check {
            self.check_budget()?;
        }
        Ok(())
    }

    #[cold]
    fn check_budget(&mut self) -> Result<(), Fault> {
        let limit = self.ev.limits().visits;
        if self.visits >= limit {
            return fault(SelError::limit(
                ErrorKind::IllegalStateException,
                format!(
                    "SEL evaluation aborted as it takes too many operations over the limit {limit}"
                ),
            ));
        }
        self.check_time()?;
        self.next_check = limit.min(self.visits + CHECK_EVERY);
        Ok(())
    }

    /// Accounts a built-in call that handled about `bytes` of input. Node visits alone
    /// read the clock too rarely when each visit is a call scanning a huge string
    /// (`for (...) { s.length(); }` on a 30-million-char `s` ran for minutes past a
    /// 1 s timeout), so calls add one unit plus one per 4 KiB of input, and the clock
    /// is read once the units reach `CHECK_EVERY`: at most a few milliseconds of
    /// scanning between two reads, and one read per 4096 ordinary calls.
    #[inline]
    pub fn after_call(&mut self, bytes: usize) -> Result<(), SelError> {
        self.call_work += 1 + (bytes >> 12) as u64;
        if self.call_work >= CHECK_EVERY {
            self.call_work = 0;
            self.check_time()?;
        }
        Ok(())
    }

    /// Fails if the deadline passed or the host cancelled the evaluation.
    pub fn check_time(&self) -> Result<(), SelError> {
        if let Some(flag) = self.cancel {
            if flag.load(Ordering::Relaxed) {
                return Err(SelError::limit(
                    ErrorKind::Cancelled,
                    "SEL evaluation was cancelled by the host",
                ));
            }
        }
        if let Some(deadline) = self.started.checked_add(self.ev.limits().timeout) {
            if Instant::now() >= deadline {
                return Err(SelError::limit(
                    ErrorKind::TimeoutException,
                    format!(
                        "SEL evaluation timed out after {} ms",
                        self.ev.limits().timeout.as_millis()
                    ),
                ));
            }
        }
        Ok(())
    }

    /// The operand-stack overflow error. The reference reports the index its cleanup
    /// code trips over (§11.2 B3), one past the stack size.
    fn stack_overflow(&self) -> SelError {
        SelError::limit(
            ErrorKind::ArrayIndexOutOfBoundsException,
            format!("Array index out of range: {}", self.stack_limit + 1),
        )
    }

    /// Fails if a push would overflow the operand stack.
    #[inline(always)]
    pub fn reserve(&self) -> Result<(), Fault> {
        if self.stack.len() + self.held >= self.stack_limit {
            return fault(self.stack_overflow());
        }
        Ok(())
    }

    /// An expression's value "pushed" on the operand stack: checked, then handed to the
    /// caller (which accounts for it in `held` while it evaluates siblings).
    #[inline(always)]
    pub fn produce(&self, e: Entry) -> Result<Entry, Fault> {
        self.reserve()?;
        Ok(e)
    }

    /// Pushes a statement-level value.
    #[inline]
    pub fn push(&mut self, e: Entry) -> Result<(), Fault> {
        self.reserve()?;
        self.stack.push(e);
        Ok(())
    }

    /// Pushes a value an expression already produced (and checked).
    #[inline]
    pub fn push_checked(&mut self, e: Entry) {
        self.stack.push(e);
    }

    #[inline]
    pub fn pop(&mut self) -> Result<Entry, Fault> {
        match self.stack.pop() {
            Some(e) => Ok(e),
            None => fault(SelError::new(
                ErrorKind::ArrayIndexOutOfBoundsException,
                format!("Index -1 out of bounds for length {}", self.stack_limit),
            )),
        }
    }

    /// The object an entry denotes, creating its box if it has none yet (a temporary,
    /// or a literal whose per-evaluation box is created on first binding).
    pub fn keep(&mut self, e: Entry) -> Ref {
        match e {
            Entry::Ref(r) => r,
            Entry::Tmp(v) => Ref::new(v),
            Entry::Lit(id, v) => {
                let i = id.0 as usize;
                if self.lit_boxes.len() <= i {
                    self.lit_boxes
                        .resize(self.prog.exprs.len().max(i + 1), None);
                }
                self.lit_boxes[i].get_or_insert_with(|| Ref::new(v)).clone()
            }
        }
    }

    /// Gives an error the span of the node it passes through unless it has one (the
    /// innermost node that raised it wins). Only errors pay for this.
    #[cold]
    #[inline(never)]
    fn located(&self, mut e: Fault, span: sel_grammar::ast::Span) -> Fault {
        if e.span.is_none() {
            e.span = Some(span);
        }
        e
    }

    /// The shared text of string literal `id` (see [`Interp::lit_texts`]).
    fn lit_text(&mut self, id: ExprId, text: &str) -> Str {
        let slot = &mut self.lit_texts[id.0 as usize % LIT_TEXTS];
        match slot {
            Some((cached, s)) if *cached == id => s.clone(),
            _ => slot.insert((id, Str::from(text))).1.clone(),
        }
    }

    fn lit_box(&self, id: ExprId) -> Option<&Ref> {
        self.lit_boxes.get(id.0 as usize).and_then(|b| b.as_ref())
    }
}
