//! Compiled loop iterations: the fast path for loops over LONG and BOOLEAN scalars.
//!
//! The tree walk pays for generality on every node: dispatch on the node kind, boxes
//! handed round as entries, a visit-limit check, a stack check and a memory check per
//! node. Most loops in real expressions (`for (i = 0; i < n; i += 1) { s += i; }`,
//! `a[i] = i * i`) only read and update LONG and BOOLEAN variables. After a loop's first
//! iteration has run on the tree walk (which resolves every name it reads), its
//! condition, body and update are compiled once into a small typed tree
//! ([`FastLoop`]) when every part is in that subset.
//!
//! The compiled form keeps the reference's accounting exact: every node carries the
//! visits and memory charges the tree walk would count for it (computed here by
//! mirroring the walk), and they are added as the iteration runs. Only the *checks* are
//! hoisted: an iteration runs compiled only when no visit check, memory limit or stack
//! limit can trigger anywhere inside it (its worst case is added to the counters and
//! compared with the thresholds first). Otherwise that iteration runs on the tree walk,
//! so a limit fires at the same node, with the same message, as without this module.
//! Errors that can happen inside (division by zero, an index out of bounds) are raised
//! by the same functions as on the tree walk and carry the same span.

use super::expr::element;
use super::names::Slot;
use super::{Fault, Interp};
use crate::error::{ErrorKind, SelError};
use crate::memory::OBJECT_BYTES;
use crate::ops;
use crate::rt::{ArrayData, Ref, Val};
use sel_grammar::ast::{
    AssignOp, BinaryOp, ExprId, ExprKind, Literal, StmtId, StmtKind, Symbol, UnaryOp,
};
use std::cell::RefCell;
use std::rc::Rc;

/// Deepest expression compiled: keeps the compiled evaluator's recursion shallow.
const MAX_DEPTH: u32 = 48;

/// A LONG-valued expression.
enum L {
    Var(u16),
    Const(i64),
    /// `+ - *`: cannot fail.
    Arith(Arith, Box<L>, Box<L>),
    /// `/ %`: fails on a zero divisor (raised by `ops::binary`, located at `at`).
    Div(BinaryOp, Box<L>, Box<L>, ExprId),
    Neg(Box<L>),
    /// `arr[idx]` on a LONG array variable.
    Elem(u16, Box<L>, ExprId),
}

/// A variable or constant operand: the common case, evaluated without dispatch.
#[derive(Clone, Copy)]
enum Leaf {
    Var(u16),
    Const(i64),
}

impl Leaf {
    fn of(e: &L) -> Option<Leaf> {
        match e {
            L::Var(v) => Some(Leaf::Var(*v)),
            L::Const(c) => Some(Leaf::Const(*c)),
            _ => None,
        }
    }

    #[inline(always)]
    fn get(self, regs: &[i64]) -> i64 {
        match self {
            Leaf::Var(v) => regs[v as usize],
            Leaf::Const(c) => c,
        }
    }
}

#[derive(Clone, Copy)]
enum Arith {
    Add,
    Sub,
    Mul,
}

/// A BOOLEAN-valued expression.
enum B {
    Var(u16),
    Const(bool),
    Cmp(BinaryOp, Box<L>, Box<L>),
    /// A comparison of two leaves (cannot fail).
    CmpLeaf(BinaryOp, Leaf, Leaf),
    /// `&&` / `||`: both operands are evaluated (SEL does not short-circuit).
    Logic(bool, Box<B>, Box<B>),
    Not(Box<B>),
}

/// A statement of the compiled body, with the visits and memory its own nodes cost
/// (a branch's statements carry their own).
struct S {
    visits: u64,
    mem: u64,
    kind: SKind,
}

enum SKind {
    /// `var op= value` on a LONG variable.
    Set(u16, AssignOp, L, ExprId),
    /// `var op= leaf` for `=`, `+=`, `-=`, `*=` (cannot fail).
    SetLeaf(u16, Arith, Leaf),
    /// `var = leaf`.
    Copy(u16, Leaf),
    /// `arr[idx] op= value` on a LONG array variable.
    SetElem(u16, L, AssignOp, L, ExprId),
    If(B, Vec<S>, Vec<S>),
    /// A block's own visits (its statements follow in the same list).
    Block,
    Break,
    Continue,
}

/// How a compiled body ended.
enum Flow {
    Normal,
    Break,
    Continue,
}

/// A compiled loop: condition, body and update, and the worst case of one iteration.
pub(super) struct FastLoop {
    /// The boxes the loop reads and writes, each once (names that alias share one).
    vars: Vec<Rc<RefCell<Val>>>,
    /// What each box holds: LONG and BOOLEAN values live in `regs` while iterations
    /// run compiled; arrays stay in their box.
    kinds: Vec<T>,
    regs: Vec<i64>,
    cond: B,
    cond_cost: (u64, u64),
    body: Vec<S>,
    update: Option<S>,
    /// Most visits / memory one iteration can add.
    max_visits: u64,
    max_mem: u64,
    /// Most operand-stack entries an expression of the loop holds at once.
    depth: usize,
    /// The visits and memory of the body and update together when the body is
    /// straight-line assignments.
    straight: Option<(u64, u64)>,
}

/// What an iteration did.
pub(super) enum Step {
    /// The condition was false: the loop is over.
    Done,
    /// `break`.
    Break,
    /// The body (and update) ran.
    Next,
    /// `return` in the body (tree walk only).
    Return,
}

/// Static type of a compiled expression.
#[derive(Clone, Copy, PartialEq)]
enum T {
    Long,
    Bool,
    /// A LONG array (variables only).
    Array,
}

enum Compiled {
    L(L),
    B(B),
}

/// A compiled expression with what evaluating it costs on the tree walk.
struct Cx {
    code: Compiled,
    visits: u64,
    mem: u64,
    /// Nodes in the expression: an upper bound on the stack entries it holds.
    nodes: usize,
}

impl Cx {
    fn ty(&self) -> T {
        match self.code {
            Compiled::L(_) => T::Long,
            Compiled::B(_) => T::Bool,
        }
    }
}

/// Builds a [`FastLoop`], mirroring the visit counts of `expr.rs` and `stmt.rs`.
struct Compiler<'i, 'a> {
    it: &'i Interp<'a>,
    vars: Vec<Rc<RefCell<Val>>>,
    kinds: Vec<T>,
    depth: usize,
}

impl<'i, 'a> Compiler<'i, 'a> {
    fn primary(&self, id: ExprId) -> u64 {
        self.it.wrap_operand(id)
    }

    fn wrap_expression(&self, id: ExprId) -> u64 {
        self.it.wrap_expression(id)
    }

    /// The box `sym` is bound to and the compiled type of what it holds.
    fn bound(&self, sym: Symbol) -> Option<(Rc<RefCell<Val>>, T)> {
        let Slot::Bound(Ref::Box(b)) = &self.it.slots[sym.0 as usize] else {
            return None;
        };
        let kind = kind_of(&b.borrow())?;
        Some((b.clone(), kind))
    }

    /// The register of a name read as an operand (a LONG or BOOLEAN variable).
    fn var(&mut self, id: ExprId) -> Option<(u16, T)> {
        let ExprKind::Name(ident) = &self.it.expr_node(id).kind else {
            return None;
        };
        match self.bound(ident.sym)? {
            (_, T::Array) => None,
            (b, ty) => Some((self.index_of(&b, ty)?, ty)),
        }
    }

    /// The register of a name read as a LONG array.
    fn array_var(&mut self, id: ExprId) -> Option<u16> {
        let ExprKind::Name(ident) = &self.it.expr_node(id).kind else {
            return None;
        };
        match self.bound(ident.sym)? {
            (b, T::Array) => self.index_of(&b, T::Array),
            _ => None,
        }
    }

    /// The register of a box holding a `kind` value (one per box, however many names
    /// are bound to it).
    fn index_of(&mut self, b: &Rc<RefCell<Val>>, kind: T) -> Option<u16> {
        let i = match self.vars.iter().position(|v| Rc::ptr_eq(v, b)) {
            Some(i) if self.kinds[i] == kind => i,
            Some(_) => return None,
            None => {
                self.vars.push(b.clone());
                self.kinds.push(kind);
                self.vars.len() - 1
            }
        };
        u16::try_from(i).ok()
    }

    /// `eval(id, wrap)` compiled, with its visits and memory charges.
    fn expr(&mut self, id: ExprId, wrap: u64, level: u32) -> Option<Cx> {
        if level > MAX_DEPTH {
            return None;
        }
        let node = self.it.expr_node(id);
        let leaf = |code| Cx {
            code,
            visits: wrap + 1,
            mem: 0,
            nodes: 1,
        };
        match &node.kind {
            ExprKind::Literal(lit) => {
                // A literal with a per-evaluation box reads the box (§4.7).
                if self.it.lit_box(id).is_some() {
                    return None;
                }
                match lit {
                    Literal::Int(i) => Some(leaf(Compiled::L(L::Const(*i)))),
                    Literal::Bool(b) => Some(leaf(Compiled::B(B::Const(*b)))),
                    _ => None,
                }
            }
            ExprKind::Name(_) => {
                let (v, ty) = self.var(id)?;
                Some(leaf(match ty {
                    T::Long => Compiled::L(L::Var(v)),
                    T::Bool => Compiled::B(B::Var(v)),
                    T::Array => return None,
                }))
            }
            ExprKind::Paren(inner) => {
                let mut cx = self.expr(*inner, self.wrap_expression(*inner), level + 1)?;
                cx.visits += wrap;
                Some(cx)
            }
            ExprKind::Binary { op, lhs, rhs } => {
                let l = self.expr(*lhs, self.primary(*lhs), level + 1)?;
                let r = self.expr(*rhs, self.primary(*rhs), level + 1)?;
                let visits = wrap + 1 + l.visits + r.visits;
                let mem = l.mem + r.mem + OBJECT_BYTES;
                let nodes = l.nodes + r.nodes + 1;
                let code = match (l.code, r.code) {
                    (Compiled::L(a), Compiled::L(b)) => {
                        let (a, b) = (Box::new(a), Box::new(b));
                        match op {
                            BinaryOp::Add => Compiled::L(L::Arith(Arith::Add, a, b)),
                            BinaryOp::Sub => Compiled::L(L::Arith(Arith::Sub, a, b)),
                            BinaryOp::Mul => Compiled::L(L::Arith(Arith::Mul, a, b)),
                            BinaryOp::Div | BinaryOp::Rem => Compiled::L(L::Div(*op, a, b, id)),
                            BinaryOp::Lt
                            | BinaryOp::Le
                            | BinaryOp::Gt
                            | BinaryOp::Ge
                            | BinaryOp::Eq
                            | BinaryOp::Ne => match (Leaf::of(&a), Leaf::of(&b)) {
                                (Some(x), Some(y)) => Compiled::B(B::CmpLeaf(*op, x, y)),
                                _ => Compiled::B(B::Cmp(*op, a, b)),
                            },
                            BinaryOp::And | BinaryOp::Or => return None,
                        }
                    }
                    (Compiled::B(a), Compiled::B(b)) => match op {
                        BinaryOp::And => Compiled::B(B::Logic(true, Box::new(a), Box::new(b))),
                        BinaryOp::Or => Compiled::B(B::Logic(false, Box::new(a), Box::new(b))),
                        _ => return None,
                    },
                    _ => return None,
                };
                Some(Cx {
                    code,
                    visits,
                    mem,
                    nodes,
                })
            }
            ExprKind::Unary { op, operand } => {
                let x = self.expr(*operand, self.primary(*operand), level + 1)?;
                let code = match (op, x.code) {
                    (UnaryOp::Neg, Compiled::L(a)) => Compiled::L(L::Neg(Box::new(a))),
                    // `+x` is `x`, but still a node that charges its result.
                    (UnaryOp::Plus, Compiled::L(a)) => {
                        Compiled::L(L::Arith(Arith::Add, Box::new(a), Box::new(L::Const(0))))
                    }
                    (UnaryOp::Not, Compiled::B(a)) => Compiled::B(B::Not(Box::new(a))),
                    _ => return None,
                };
                Some(Cx {
                    code,
                    visits: wrap + 1 + x.visits,
                    mem: x.mem + OBJECT_BYTES,
                    nodes: x.nodes + 1,
                })
            }
            ExprKind::Index { recv, index } => {
                // PrimarySuffix + ArrayIdx, the receiver name (no wrapper), the index.
                let arr = self.array_var(*recv)?;
                let ix = self.expr(*index, self.wrap_expression(*index), level + 1)?;
                let Compiled::L(ix_code) = ix.code else {
                    return None;
                };
                Some(Cx {
                    code: Compiled::L(L::Elem(arr, Box::new(ix_code), id)),
                    visits: wrap + 2 + 1 + ix.visits,
                    mem: ix.mem,
                    nodes: ix.nodes + 2,
                })
            }
            _ => None,
        }
    }

    fn boolean(&mut self, id: ExprId, wrap: u64) -> Option<(B, u64, u64)> {
        let cx = self.expr(id, wrap, 0)?;
        self.depth = self.depth.max(cx.nodes + 1);
        match cx.code {
            Compiled::B(b) => Some((b, cx.visits, cx.mem)),
            Compiled::L(_) => None,
        }
    }

    /// An assignment expression evaluated with `wrap` wrappers: `assign` in `expr.rs`.
    fn assign(&mut self, id: ExprId, wrap: u64) -> Option<S> {
        let ExprKind::Assign {
            target,
            index,
            op,
            value,
        } = &self.it.expr_node(id).kind
        else {
            return None;
        };
        // The target must already be bound (no `createIfMissing`) and, like the value,
        // be LONG (or a LONG array), so that it stays LONG. Checked first: it is the
        // cheapest way for a loop outside the subset to be turned down.
        let (b, kind) = self.bound(target.sym)?;
        if !matches!((index, kind), (Some(_), T::Array) | (None, T::Long)) {
            return None;
        }
        let mut visits = wrap + 3;
        let mut mem = 0;
        let mut nodes = 1;
        let ix = match index {
            Some(ix) => {
                let cx = self.expr(*ix, self.wrap_expression(*ix), 1)?;
                visits += cx.visits;
                mem += cx.mem;
                nodes += cx.nodes;
                match cx.code {
                    Compiled::L(l) => Some(l),
                    Compiled::B(_) => return None,
                }
            }
            None => None,
        };
        let val = self.expr(*value, self.wrap_expression(*value), 1)?;
        if val.ty() != T::Long {
            return None;
        }
        visits += val.visits;
        mem += val.mem;
        nodes += val.nodes;
        self.depth = self.depth.max(nodes + 1);
        let Compiled::L(val) = val.code else {
            return None;
        };
        let kind = match (ix, kind) {
            (Some(ix), T::Array) => SKind::SetElem(self.index_of(&b, T::Array)?, ix, *op, val, id),
            (None, T::Long) => {
                let var = self.index_of(&b, T::Long)?;
                match (Leaf::of(&val), op) {
                    (Some(x), AssignOp::Assign) => SKind::Copy(var, x),
                    (Some(x), AssignOp::Add) => SKind::SetLeaf(var, Arith::Add, x),
                    (Some(x), AssignOp::Sub) => SKind::SetLeaf(var, Arith::Sub, x),
                    (Some(x), AssignOp::Mul) => SKind::SetLeaf(var, Arith::Mul, x),
                    _ => SKind::Set(var, *op, val, id),
                }
            }
            _ => return None,
        };
        Some(S { visits, mem, kind })
    }

    /// A body statement: `stmt_inner` in `stmt.rs` (each costs `Statement` + itself).
    fn stmt(&mut self, id: StmtId, out: &mut Vec<S>) -> Option<()> {
        match &self.it.prog.stmts[id.0 as usize].kind {
            StmtKind::Block(items) => {
                let at = out.len();
                for &item in items {
                    self.stmt(item, out)?;
                }
                // The block's own visits go with its first statement (which always
                // runs when the block does); an empty block keeps a marker.
                match out.get_mut(at) {
                    Some(first) => first.visits += 2,
                    None => out.push(S {
                        visits: 2,
                        mem: 0,
                        kind: SKind::Block,
                    }),
                }
            }
            StmtKind::Expr(e) => {
                // The statement's `Expression` child was counted with the statement.
                let mut s = self.assign(*e, self.wrap_expression(*e) - 1)?;
                s.visits += 2;
                out.push(s);
            }
            StmtKind::If { cond, then, els } => {
                let (c, cv, cm) = self.boolean(*cond, self.wrap_expression(*cond))?;
                let mut t = Vec::new();
                self.stmt(*then, &mut t)?;
                let mut f = Vec::new();
                if let Some(els) = els {
                    self.stmt(*els, &mut f)?;
                }
                out.push(S {
                    visits: 2 + cv,
                    mem: cm,
                    kind: SKind::If(c, t, f),
                });
            }
            StmtKind::Break => out.push(S {
                visits: 2,
                mem: 0,
                kind: SKind::Break,
            }),
            StmtKind::Continue => out.push(S {
                visits: 2,
                mem: 0,
                kind: SKind::Continue,
            }),
            _ => return None,
        }
        Some(())
    }
}

/// Worst-case visits and memory of a statement list.
fn worst(body: &[S]) -> (u64, u64) {
    body.iter().fold((0, 0), |(v, m), s| {
        let (bv, bm) = match &s.kind {
            SKind::If(_, t, f) => {
                let (tv, tm) = worst(t);
                let (fv, fm) = worst(f);
                (tv.max(fv), tm.max(fm))
            }
            _ => (0, 0),
        };
        (v + s.visits + bv, m + s.mem + bm)
    })
}

impl<'a> Interp<'a> {
    /// Compiles a loop whose first iteration has run, or `None` if some part is
    /// outside the compiled subset.
    pub(super) fn compile_loop(
        &self,
        cond: ExprId,
        body: StmtId,
        update: Option<ExprId>,
    ) -> Option<FastLoop> {
        if !self.ev.fast_loops() {
            return None;
        }
        let mut c = Compiler {
            it: self,
            vars: Vec::new(),
            kinds: Vec::new(),
            depth: 0,
        };
        // The body first: it is where a loop outside the subset usually shows it.
        let mut stmts = Vec::new();
        c.stmt(body, &mut stmts)?;
        let (cond, cv, cm) = c.boolean(cond, self.wrap_expression(cond))?;
        let update = match update {
            // `ForUpdate` + the expression in operand position.
            Some(u) => {
                let mut s = c.assign(u, self.wrap_operand(u))?;
                s.visits += 1;
                Some(s)
            }
            None => None,
        };
        let (bv, bm) = worst(&stmts);
        let (uv, um) = update.as_ref().map_or((0, 0), |s| (s.visits, s.mem));
        let regs = vec![0; c.vars.len()];
        let straight = stmts
            .iter()
            .all(|s| {
                matches!(
                    s.kind,
                    SKind::Set(..) | SKind::SetLeaf(..) | SKind::Copy(..) | SKind::SetElem(..)
                )
            })
            .then_some((bv + uv, bm + um));
        Some(FastLoop {
            vars: c.vars,
            kinds: c.kinds,
            regs,
            cond,
            cond_cost: (cv, cm),
            body: stmts,
            update,
            max_visits: cv + bv + uv,
            max_mem: cm + bm + um,
            depth: c.depth,
            straight,
        })
    }

    /// Whether the next iteration of `f` can run compiled: no limit check of any kind
    /// could fire inside it.
    #[inline(always)]
    fn fast_ready(&self, f: &FastLoop) -> bool {
        self.stack.is_empty()
            && self.visits + f.max_visits < self.next_check
            && self.mem.used + f.max_mem < self.mem.limit
            && self.held + f.depth < self.stack_limit
    }

    /// Runs iterations of `f` compiled for as long as they are sure not to reach a
    /// limit check. Returns how the loop ended, or `None` when the next iteration must
    /// run on the tree walk. `count` is the loop's iteration counter.
    pub(super) fn fast_run(
        &mut self,
        f: &mut FastLoop,
        count: &mut u64,
    ) -> Result<Option<Step>, Fault> {
        // The variables live in registers while the iterations run: nothing else can
        // see their boxes meanwhile (the compiled code is all that runs).
        let mut regs = std::mem::take(&mut f.regs);
        let r = if self.load_regs(f, &mut regs) {
            let r = self.fast_iterations(f, &mut regs, count);
            self.store_regs(f, &regs);
            r
        } else {
            Ok(None)
        };
        f.regs = regs;
        r
    }

    /// A periodic clock check due inside the next iteration is done now instead (where
    /// it happens does not matter, and visit-limit checks are never moved: the next
    /// check is at the limit at the latest). Returns whether the iteration is ready.
    fn check_early(&mut self, f: &FastLoop) -> Result<bool, Fault> {
        if self.visits + f.max_visits >= self.next_check
            && self.next_check < self.ev.limits().visits
        {
            self.check_budget()?;
            return Ok(self.fast_ready(f));
        }
        Ok(false)
    }

    /// How many iterations can run before one might reach a visit check or the memory
    /// limit (the stack cannot change while they run).
    fn fast_budget(&self, f: &FastLoop) -> u64 {
        if !self.fast_ready(f) {
            return 0;
        }
        let by_visits = (self.next_check - 1 - self.visits) / f.max_visits.max(1);
        match f.max_mem {
            0 => by_visits,
            m => by_visits.min((self.mem.limit - 1 - self.mem.used) / m),
        }
    }

    fn fast_iterations(
        &mut self,
        f: &FastLoop,
        regs: &mut [i64],
        count: &mut u64,
    ) -> Result<Option<Step>, Fault> {
        let limit = self.ev.limits().loops;
        loop {
            let mut budget = self.fast_budget(f);
            if budget == 0 {
                if !self.check_early(f)? {
                    return Ok(None);
                }
                budget = self.fast_budget(f);
            }
            if let Some(body_cost) = f.straight {
                if let Some(step) = self.straight_batch(f, regs, count, budget, body_cost)? {
                    return Ok(Some(step));
                }
                continue;
            }
            for _ in 0..budget {
                self.visits += f.cond_cost.0;
                self.mem.used += f.cond_cost.1;
                if !self.fast_bool(f, regs, &f.cond)? {
                    return Ok(Some(Step::Done));
                }
                if let Flow::Break = self.fast_stmts(f, regs, &f.body)? {
                    return Ok(Some(Step::Break));
                }
                if let Some(u) = &f.update {
                    self.fast_stmt(f, regs, u)?;
                }
                *count += 1;
                if *count >= limit {
                    return Err(super::stmt::loop_limit(limit));
                }
            }
        }
    }

    /// Up to `budget` iterations of a loop whose body is straight-line assignments.
    /// Every iteration costs the same, so the visits and memory are added once at the
    /// end (an error ends the evaluation, where the counts no longer matter).
    #[inline(never)]
    fn straight_batch(
        &mut self,
        f: &FastLoop,
        regs: &mut [i64],
        count: &mut u64,
        budget: u64,
        (body_visits, body_mem): (u64, u64),
    ) -> Result<Option<Step>, Fault> {
        let limit = self.ev.limits().loops;
        let mut n = 0;
        let mut done = false;
        while n < budget {
            if !self.fast_bool(f, regs, &f.cond)? {
                done = true;
                break;
            }
            for s in &f.body {
                self.fast_exec(f, regs, s)?;
            }
            if let Some(u) = &f.update {
                self.fast_exec(f, regs, u)?;
            }
            n += 1;
            if *count + n >= limit {
                break;
            }
        }
        let conds = n + done as u64;
        self.visits += conds * f.cond_cost.0 + n * body_visits;
        self.mem.used += conds * f.cond_cost.1 + n * body_mem;
        *count += n;
        if done {
            return Ok(Some(Step::Done));
        }
        if *count >= limit {
            return Err(super::stmt::loop_limit(limit));
        }
        Ok(None)
    }

    fn load_regs(&self, f: &FastLoop, regs: &mut [i64]) -> bool {
        for ((b, kind), reg) in f.vars.iter().zip(&f.kinds).zip(regs.iter_mut()) {
            let v = b.borrow();
            if kind_of(&v) != Some(*kind) {
                return false;
            }
            match *v {
                Val::Long(x) => *reg = x,
                Val::Bool(x) => *reg = x as i64,
                _ => {}
            }
        }
        true
    }

    fn store_regs(&self, f: &FastLoop, regs: &[i64]) {
        for ((b, kind), reg) in f.vars.iter().zip(&f.kinds).zip(regs) {
            match kind {
                T::Long => *b.borrow_mut() = Val::Long(*reg),
                T::Bool => *b.borrow_mut() = Val::Bool(*reg != 0),
                T::Array => {}
            }
        }
    }

    fn fast_stmts(&mut self, f: &FastLoop, regs: &mut [i64], body: &[S]) -> Result<Flow, Fault> {
        for s in body {
            match self.fast_stmt(f, regs, s)? {
                Flow::Normal => {}
                other => return Ok(other),
            }
        }
        Ok(Flow::Normal)
    }

    #[inline(always)]
    fn fast_stmt(&mut self, f: &FastLoop, regs: &mut [i64], s: &S) -> Result<Flow, Fault> {
        self.visits += s.visits;
        self.mem.used += s.mem;
        self.fast_exec(f, regs, s)
    }

    /// Runs a statement without charging its own visits and memory.
    #[inline(always)]
    fn fast_exec(&mut self, f: &FastLoop, regs: &mut [i64], s: &S) -> Result<Flow, Fault> {
        match &s.kind {
            SKind::SetLeaf(var, op, x) => {
                let x = x.get(regs);
                let r = &mut regs[*var as usize];
                *r = arith(*op, *r, x);
                Ok(Flow::Normal)
            }
            SKind::Copy(var, x) => {
                regs[*var as usize] = x.get(regs);
                Ok(Flow::Normal)
            }
            SKind::Set(var, op, value, at) => {
                let x = self.fast_long(f, regs, value)?;
                let a = regs[*var as usize];
                regs[*var as usize] = match op {
                    AssignOp::Assign => x,
                    AssignOp::Add => a.wrapping_add(x),
                    AssignOp::Sub => a.wrapping_sub(x),
                    AssignOp::Mul => a.wrapping_mul(x),
                    _ if x == 0 => {
                        // `/= 0`: the assignment's own error.
                        return Err(self.fast_assign(&Ref::new(Val::Long(a)), *op, x, *at));
                    }
                    AssignOp::Div => a.wrapping_div(x),
                    AssignOp::Rem => a.wrapping_rem(x),
                };
                Ok(Flow::Normal)
            }
            SKind::SetElem(arr, idx, op, value, at) => {
                let i = self.fast_long(f, regs, idx)?;
                let x = self.fast_long(f, regs, value)?;
                if let (Val::Array(a), AssignOp::Assign) = (&*f.vars[*arr as usize].borrow(), op) {
                    if let ArrayData::Long(v) = &mut *a.borrow_mut() {
                        // The reference indexes with the int value of the long.
                        if let Some(slot) =
                            usize::try_from(i as i32).ok().and_then(|i| v.get_mut(i))
                        {
                            *slot = x;
                            return Ok(Flow::Normal);
                        }
                    }
                }
                let place = self.fast_located(element(&self.fast_array(f, *arr), i), *at)?;
                let r = ops::assign(&place, *op, &Val::Long(x), &mut self.mem);
                self.fast_located(r, *at)?;
                Ok(Flow::Normal)
            }
            SKind::If(c, t, e) => {
                let branch = if self.fast_bool(f, regs, c)? { t } else { e };
                // A branch that ends the loop body ends the enclosing block too.
                self.fast_stmts(f, regs, branch)
            }
            SKind::Break => Ok(Flow::Break),
            SKind::Continue => Ok(Flow::Continue),
            SKind::Block => Ok(Flow::Normal),
        }
    }

    /// The error of a general assignment that fails (`/= 0`).
    #[cold]
    #[inline(never)]
    fn fast_assign(&mut self, place: &Ref, op: AssignOp, x: i64, at: ExprId) -> Fault {
        let r = ops::assign(place, op, &Val::Long(x), &mut self.mem);
        match self.fast_located(r, at) {
            Err(e) => e,
            Ok(()) => type_changed(),
        }
    }

    fn fast_array(&self, f: &FastLoop, arr: u16) -> Val {
        f.vars[arr as usize].borrow().clone()
    }

    /// `r` with its error located at `at` (the node that raised it on the tree walk).
    #[inline]
    fn fast_located<R>(&self, r: Result<R, SelError>, at: ExprId) -> Result<R, Fault> {
        r.map_err(|e| self.locate_at(e, at))
    }

    #[cold]
    #[inline(never)]
    fn locate_at(&self, e: SelError, at: ExprId) -> Fault {
        self.located(Box::new(e), self.expr_node(at).span)
    }

    /// A LONG operand: variables and constants inline, the rest in
    /// [`Interp::fast_long_tree`].
    #[inline(always)]
    fn fast_long(&mut self, f: &FastLoop, regs: &[i64], e: &L) -> Result<i64, Fault> {
        match e {
            L::Var(v) => Ok(regs[*v as usize]),
            L::Const(x) => Ok(*x),
            L::Arith(op, a, b) => match (leaf(regs, a), leaf(regs, b)) {
                (Some(a), Some(b)) => Ok(arith(*op, a, b)),
                _ => self.fast_long_tree(f, regs, e),
            },
            _ => self.fast_long_tree(f, regs, e),
        }
    }

    #[inline(never)]
    fn fast_long_tree(&mut self, f: &FastLoop, regs: &[i64], e: &L) -> Result<i64, Fault> {
        Ok(match e {
            L::Var(_) | L::Const(_) => self.fast_long(f, regs, e)?,
            L::Arith(op, a, b) => arith(
                *op,
                self.fast_long(f, regs, a)?,
                self.fast_long(f, regs, b)?,
            ),
            L::Div(op, a, b, at) => {
                let (a, b) = (self.fast_long(f, regs, a)?, self.fast_long(f, regs, b)?);
                if b == 0 {
                    // Raised by the operator itself, with its message (it fails before
                    // charging anything).
                    let r = ops::binary(
                        ops::Op::from(*op),
                        &Val::Long(a),
                        &Val::Long(b),
                        &mut self.mem,
                    );
                    return match self.fast_located(r, *at)? {
                        Val::Long(x) => Ok(x),
                        _ => Err(type_changed()),
                    };
                }
                match op {
                    BinaryOp::Div => a.wrapping_div(b),
                    _ => a.wrapping_rem(b),
                }
            }
            L::Neg(a) => self.fast_long(f, regs, a)?.wrapping_neg(),
            L::Elem(arr, idx, at) => {
                let i = self.fast_long(f, regs, idx)?;
                let place = self.fast_located(element(&self.fast_array(f, *arr), i), *at)?;
                match place.get() {
                    Val::Long(x) => x,
                    _ => return Err(type_changed()),
                }
            }
        })
    }

    /// A BOOLEAN operand: comparisons, variables and constants inline, the rest in
    /// [`Interp::fast_bool_tree`].
    #[inline(always)]
    fn fast_bool(&mut self, f: &FastLoop, regs: &[i64], e: &B) -> Result<bool, Fault> {
        match e {
            B::CmpLeaf(op, a, b) => Ok(compare(*op, a.get(regs), b.get(regs))),
            B::Cmp(op, a, b) => {
                let (a, b) = (self.fast_long(f, regs, a)?, self.fast_long(f, regs, b)?);
                Ok(compare(*op, a, b))
            }
            B::Var(v) => Ok(regs[*v as usize] != 0),
            B::Const(b) => Ok(*b),
            _ => self.fast_bool_tree(f, regs, e),
        }
    }

    #[inline(never)]
    fn fast_bool_tree(&mut self, f: &FastLoop, regs: &[i64], e: &B) -> Result<bool, Fault> {
        Ok(match e {
            B::Logic(and, a, b) => {
                let (a, b) = (self.fast_bool(f, regs, a)?, self.fast_bool(f, regs, b)?);
                if *and {
                    a && b
                } else {
                    a || b
                }
            }
            B::Not(a) => !self.fast_bool(f, regs, a)?,
            _ => self.fast_bool(f, regs, e)?,
        })
    }
}

/// The compiled type of a variable's value, if the compiled subset handles it.
fn kind_of(v: &Val) -> Option<T> {
    match v {
        Val::Long(_) => Some(T::Long),
        Val::Bool(_) => Some(T::Bool),
        Val::Array(a) if matches!(&*a.borrow(), ArrayData::Long(_)) => Some(T::Array),
        _ => None,
    }
}

/// The value of a variable or constant operand.
#[inline(always)]
fn leaf(regs: &[i64], e: &L) -> Option<i64> {
    match e {
        L::Var(v) => Some(regs[*v as usize]),
        L::Const(x) => Some(*x),
        _ => None,
    }
}

#[inline(always)]
fn arith(op: Arith, a: i64, b: i64) -> i64 {
    match op {
        Arith::Add => a.wrapping_add(b),
        Arith::Sub => a.wrapping_sub(b),
        Arith::Mul => a.wrapping_mul(b),
    }
}

/// A LONG comparison (the compiler only builds comparisons).
#[inline(always)]
fn compare(op: BinaryOp, a: i64, b: i64) -> bool {
    match op {
        BinaryOp::Lt => a < b,
        BinaryOp::Le => a <= b,
        BinaryOp::Gt => a > b,
        BinaryOp::Ge => a >= b,
        BinaryOp::Eq => a == b,
        _ => a != b,
    }
}

/// A compiled variable no longer holds the type it was compiled for. The compiled
/// subset only stores values of a variable's own type, so this cannot happen; it is an
/// error rather than a panic all the same.
#[cold]
fn type_changed() -> Fault {
    Box::new(SelError::new(
        ErrorKind::RuntimeException,
        "internal error: a compiled loop variable changed its type",
    ))
}
