//! Expression nodes: each pushes exactly one entry on the operand stack.

use super::{fault, Fault, Interp};
use crate::error::{ErrorKind, SelError};
use crate::ops::{self, Op};
use crate::rt::{Args, ArrayData, Entry, Ref, Val};
use crate::types::Ty;
use sel_grammar::ast::{AssignOp, BinaryOp, ExprId, ExprKind, Ident, Literal, TypeName};

/// Stack headroom below which evaluation continues on a fresh segment, checked every
/// `GROW_EVERY` levels of nesting.
pub(crate) const RED_ZONE: usize = 256 * 1024;
pub(crate) const NEW_SEGMENT: usize = 4 * 1024 * 1024;
pub(crate) const GROW_EVERY: u32 = 16;

/// A Java cast failure of a SEL object to the class of `to`.
pub(crate) fn cast_error(from: Ty, to: Ty) -> SelError {
    SelError::class_cast(from.java_class(), to.java_class())
}

/// Reads an entry as a BOOLEAN (conditions), or fails with the reference's cast error.
pub(crate) fn as_bool(e: &Entry) -> Result<bool, SelError> {
    e.with(|v| match v {
        Val::Bool(b) => Ok(*b),
        other => Err(cast_error(other.ty(), Ty::Boolean)),
    })
}

/// Reads an entry as a LONG (indices, sizes), or fails with the reference's cast error.
pub(crate) fn as_long(e: &Entry) -> Result<i64, SelError> {
    match e.get() {
        Val::Long(x) => Ok(x),
        other => Err(cast_error(other.ty(), Ty::Long)),
    }
}

/// The element place `arr[idx]` (bounds-checked like Java).
pub(crate) fn element(arr: &Val, idx: i64) -> Result<Ref, SelError> {
    let Val::Array(a) = arr else {
        return Err(cast_error(arr.ty(), Ty::StringArray));
    };
    let i = idx as i32;
    let len = a.borrow().len();
    if i < 0 || i as usize >= len {
        return Err(SelError::new(
            ErrorKind::ArrayIndexOutOfBoundsException,
            format!("Index {i} out of bounds for length {len}"),
        ));
    }
    Ok(Ref::Elem(a.clone(), i as u32))
}

/// `a op b` on two LONGs for the operators that cannot fail (everything except `/`,
/// `%` and the boolean operators, which `ops::binary` handles with their errors).
#[inline]
fn long_leaf_op(op: BinaryOp, a: i64, b: i64) -> Option<Val> {
    Some(match op {
        BinaryOp::Lt => Val::Bool(a < b),
        BinaryOp::Le => Val::Bool(a <= b),
        BinaryOp::Gt => Val::Bool(a > b),
        BinaryOp::Ge => Val::Bool(a >= b),
        BinaryOp::Eq => Val::Bool(a == b),
        BinaryOp::Ne => Val::Bool(a != b),
        BinaryOp::Add => Val::Long(a.wrapping_add(b)),
        BinaryOp::Sub => Val::Long(a.wrapping_sub(b)),
        BinaryOp::Mul => Val::Long(a.wrapping_mul(b)),
        BinaryOp::Div | BinaryOp::Rem | BinaryOp::And | BinaryOp::Or => return None,
    })
}

/// The type a type name resolves to.
pub(crate) fn resolve_type(interp: &Interp<'_>, name: &TypeName) -> Result<Ty, SelError> {
    match name {
        TypeName::Primitive(p) => Ty::from_class_name(p.keyword()),
        TypeName::Class(id) => Ty::from_class_name(interp.prog.name(id.sym)),
    }
}

impl<'a> Interp<'a> {
    /// Evaluates `id` and returns the value the reference would push (after checking
    /// that push). `wrap` = wrapper nodes visited on the way (see the module docs).
    #[inline]
    pub fn eval(&mut self, id: ExprId, wrap: u64) -> Result<Entry, Fault> {
        // Grow the native stack only every few levels: checking costs a little, and a
        // level uses far less than the red zone.
        if self.nest % GROW_EVERY == GROW_EVERY - 1 {
            return stacker::maybe_grow(RED_ZONE, NEW_SEGMENT, || self.eval_nested(id, wrap));
        }
        self.eval_nested(id, wrap)
    }

    fn eval_nested(&mut self, id: ExprId, wrap: u64) -> Result<Entry, Fault> {
        self.nest += 1;
        let r = self.eval_inner(id, wrap);
        self.nest -= 1;
        match r {
            Ok(e) => Ok(e),
            Err(e) => Err(self.located(e, self.expr_node(id).span)),
        }
    }

    /// Evaluates `id` as an operand that stays on the stack while later siblings run.
    #[inline]
    fn eval_held(&mut self, id: ExprId, wrap: u64) -> Result<Entry, Fault> {
        let e = self.eval(id, wrap)?;
        self.held += 1;
        Ok(e)
    }

    fn eval_inner(&mut self, id: ExprId, wrap: u64) -> Result<Entry, Fault> {
        let node = self.expr_node(id);
        match &node.kind {
            ExprKind::Literal(lit) => {
                self.visit(wrap + 1)?;
                let e = self.literal(id, lit);
                self.produce(e)
            }
            ExprKind::Name(ident) => {
                self.visit(wrap + 1)?;
                let e = match self.lookup(ident.sym)? {
                    Some(r) => Entry::Ref(r),
                    None => Entry::Tmp(Val::Null),
                };
                self.produce(e)
            }
            ExprKind::Paren(inner) => {
                self.visit(wrap)?;
                self.eval(*inner, self.wrap_expression(*inner))
            }
            ExprKind::Assign {
                target,
                index,
                op,
                value,
            } => {
                self.visit(wrap + 3)?;
                self.assign(*target, *index, *op, *value)
            }
            ExprKind::Ternary { cond, then, els } => {
                self.visit(wrap + 1)?;
                let c = self.eval_bool(*cond, self.wrap_operand(*cond))?;
                let branch = if c { *then } else { *els };
                self.eval(branch, self.wrap_expression(branch))
            }
            ExprKind::Binary { op, lhs, rhs } => {
                if self.is_leaf(*lhs) && self.is_leaf(*rhs) {
                    return Ok(Entry::Tmp(self.leaf_binary(wrap, *op, *lhs, *rhs)?));
                }
                self.visit(wrap + 1)?;
                let l = self.eval_held(*lhs, self.wrap_operand(*lhs))?;
                let r = self.eval(*rhs, self.wrap_operand(*rhs))?;
                self.held -= 1;
                let mem = &mut self.mem;
                let v = l.with(|lv| r.with(|rv| ops::binary(Op::from(*op), lv, rv, mem)))?;
                self.produce(Entry::Tmp(v))
            }
            ExprKind::Unary { op, operand } => {
                self.visit(wrap + 1)?;
                let e = self.eval(*operand, self.wrap_operand(*operand))?;
                let mem = &mut self.mem;
                let r = e.with(|v| ops::binary(Op::from(*op), v, v, mem))?;
                self.produce(Entry::Tmp(r))
            }
            ExprKind::Field { .. }
            | ExprKind::Call { .. }
            | ExprKind::Index { .. }
            | ExprKind::NewArray { .. }
            | ExprKind::NewArrayInit { .. }
            | ExprKind::New { .. } => self.eval_cold(id, wrap),
            ExprKind::Error => fault(SelError::new(
                ErrorKind::RuntimeException,
                "cannot evaluate a program with syntax errors",
            )),
        }
    }

    /// The less frequent expression kinds, kept out of line so that the hot dispatch
    /// above stays small (its frame size is paid on every node).
    #[inline(never)]
    fn eval_cold(&mut self, id: ExprId, wrap: u64) -> Result<Entry, Fault> {
        let node = self.expr_node(id);
        match &node.kind {
            ExprKind::Field { recv, name } => {
                // PrimarySuffix + Method.
                self.visit(wrap + 2)?;
                let obj = self.eval_held(*recv, 0)?;
                self.reserve()?; // the field name is pushed, then popped at once
                self.held -= 1;
                let r = self.field(obj, self.prog.name(name.sym))?;
                self.produce(r)
            }
            ExprKind::Call { recv, name, args } => {
                // PrimarySuffix + Method + Params (counted twice).
                self.visit(wrap + 4)?;
                let obj = self.eval_held(*recv, 0)?;
                self.reserve()?; // the method name
                self.held += 1;
                let args = self.args(args)?;
                self.held -= 2;
                let r = self.call(obj, self.prog.name(name.sym), args)?;
                self.produce(r)
            }
            ExprKind::Index { recv, index } => {
                // PrimarySuffix + ArrayIdx.
                self.visit(wrap + 2)?;
                let obj = self.eval_held(*recv, 0)?;
                let idx = self.eval(*index, self.wrap_expression(*index))?.get();
                self.held -= 1;
                let r = match idx {
                    Val::Long(i) => Entry::Ref(element(&obj.get(), i)?),
                    Val::Str(key) => {
                        let obj = obj.get();
                        if !matches!(obj, Val::Params) {
                            return fault(cast_error(obj.ty(), Ty::PresetParams));
                        }
                        self.params_field(key.as_deref())?
                    }
                    other => {
                        return fault(SelError::illegal_arg(format!(
                            "Invalid index type: {}",
                            other.ty().name()
                        )))
                    }
                };
                self.produce(r)
            }
            ExprKind::NewArray { ty, len } => {
                // AllocationExpression + type + ArrayDims.
                self.visit(wrap + 3)?;
                let t = resolve_type(self, ty)?;
                self.reserve()?; // the type descriptor
                self.held += 1;
                let n = as_long(&self.eval(*len, self.wrap_expression(*len))?)?;
                self.held -= 1;
                let limit = self.ev.limits().array;
                if (n as i32) as i64 >= limit as i64 {
                    return fault(SelError::limit(
                        ErrorKind::IllegalArgumentException,
                        format!("New array size is over the limit: {limit} vs length: {n}"),
                    ));
                }
                let arr = self.new_array(t, n as i32)?;
                self.produce(Entry::Tmp(arr))
            }
            ExprKind::NewArrayInit { ty, elems } => {
                self.visit(wrap + 3)?;
                let t = resolve_type(self, ty)?;
                self.reserve()?; // the type descriptor
                let limit = self.ev.limits().array;
                if elems.len() as u64 >= limit {
                    return fault(SelError::limit(
                        ErrorKind::IllegalArgumentException,
                        format!(
                            "New array size is over the limit: {limit} vs length: {}",
                            elems.len()
                        ),
                    ));
                }
                self.held += 1;
                let vals = self.args(elems)?;
                self.held -= 1;
                let arr = self.new_array(t, elems.len() as i32)?;
                if let Val::Array(a) = &arr {
                    // Stored last to first, each by value with an exact type check.
                    for (i, e) in vals.into_iter().enumerate().rev() {
                        let v = e.into_val();
                        ops::check_type(t, v.ty())?;
                        a.borrow_mut().set(i, v);
                    }
                }
                self.produce(Entry::Tmp(arr))
            }
            ExprKind::New { class, args } => {
                // AllocationExpression + ClassType + Args (counted twice).
                self.visit(wrap + 4)?;
                let t = Ty::from_class_name(self.prog.name(class.sym))?;
                self.reserve()?; // the type descriptor
                self.held += 1;
                let args = self.args(args)?;
                self.held -= 1;
                let r = self.construct(t, args)?;
                self.produce(Entry::Tmp(r))
            }
            _ => fault(SelError::new(
                ErrorKind::RuntimeException,
                "internal error: unexpected expression kind",
            )),
        }
    }

    /// `lhs op rhs` for two leaf operands (see [`Interp::is_leaf`]): the same visits,
    /// checks and order as the general case, without boxes handed round. The result is
    /// checked as pushed.
    #[inline]
    fn leaf_binary(
        &mut self,
        wrap: u64,
        op: BinaryOp,
        lhs: ExprId,
        rhs: ExprId,
    ) -> Result<Val, Fault> {
        self.visit(wrap + 1)?;
        let l = self.leaf(lhs, 1)?;
        self.held += 1;
        let r = self.leaf(rhs, 1);
        self.held -= 1;
        // Taken apart by value so that two LONGs need no drop glue.
        let v = match (l, r?) {
            (Val::Long(a), Val::Long(b)) => match long_leaf_op(op, a, b) {
                // What `ops::binary` computes for two LONGs, including its charge.
                Some(v) => {
                    self.mem.charge_object()?;
                    v
                }
                None => ops::binary(Op::from(op), &Val::Long(a), &Val::Long(b), &mut self.mem)?,
            },
            (l, r) => ops::binary(Op::from(op), &l, &r, &mut self.mem)?,
        };
        self.reserve()?;
        Ok(v)
    }

    /// A condition: `as_bool(eval(id))`, with leaf comparisons (`i < n`) evaluated
    /// straight to the boolean.
    pub fn eval_bool(&mut self, id: ExprId, wrap: u64) -> Result<bool, Fault> {
        let node = self.expr_node(id);
        if let ExprKind::Binary { op, lhs, rhs } = &node.kind {
            if self.is_leaf(*lhs) && self.is_leaf(*rhs) {
                return match self.leaf_binary(wrap, *op, *lhs, *rhs) {
                    Ok(Val::Bool(b)) => Ok(b),
                    Ok(other) => fault(cast_error(other.ty(), Ty::Boolean)),
                    Err(e) => Err(self.located(e, node.span)),
                };
            }
        }
        Ok(as_bool(&self.eval(id, wrap)?)?)
    }

    /// Whether `id` is a name or a literal: evaluating it has no effect that another
    /// leaf could observe, so its value may be read at once instead of being held as
    /// a box until the operator runs.
    #[inline]
    fn is_leaf(&self, id: ExprId) -> bool {
        matches!(
            self.expr_node(id).kind,
            ExprKind::Name(_) | ExprKind::Literal(_)
        )
    }

    /// Whether evaluating `id` cannot change any object: a leaf, or an operator whose
    /// operands are leaves.
    fn is_pure(&self, id: ExprId) -> bool {
        match &self.expr_node(id).kind {
            ExprKind::Name(_) | ExprKind::Literal(_) => true,
            ExprKind::Binary { lhs, rhs, .. } => self.is_leaf(*lhs) && self.is_leaf(*rhs),
            ExprKind::Unary { operand, .. } => self.is_leaf(*operand),
            _ => false,
        }
    }

    /// The value of a leaf (see [`Interp::is_leaf`]) with exactly the visits, name
    /// resolution and stack check `eval` performs for it; `wrap` is its wrapper count
    /// without the `PrimaryExpression` (a leaf always has one).
    #[inline]
    fn leaf(&mut self, id: ExprId, wrap: u64) -> Result<Val, Fault> {
        match self.leaf_value(id, wrap) {
            Ok(v) => Ok(v),
            Err(e) => Err(self.located(e, self.expr_node(id).span)),
        }
    }

    #[inline]
    fn leaf_value(&mut self, id: ExprId, wrap: u64) -> Result<Val, Fault> {
        self.visit(wrap + 1)?;
        let v = match &self.expr_node(id).kind {
            ExprKind::Name(ident) => self.value_of(ident.sym)?,
            ExprKind::Literal(lit) => match (self.lit_box(id), lit) {
                (Some(r), _) => r.get(),
                (None, Literal::Int(i)) => Val::Long(*i),
                (None, Literal::Float(f)) => Val::Double(*f),
                (None, Literal::Bool(b)) => Val::Bool(*b),
                (None, _) => self.literal(id, lit).into_val(),
            },
            _ => return self.eval(id, wrap).map(Entry::into_val),
        };
        self.reserve()?;
        Ok(v)
    }

    fn literal(&mut self, id: ExprId, lit: &Literal) -> Entry {
        if let Some(r) = self.lit_box(id) {
            return Entry::Ref(r.clone());
        }
        match lit {
            Literal::Int(i) => Entry::Lit(id, Val::Long(*i)),
            Literal::Float(f) => Entry::Lit(id, Val::Double(*f)),
            Literal::Bool(b) => Entry::Lit(id, Val::Bool(*b)),
            Literal::Null => Entry::Tmp(Val::Null),
            // Like the other literals, the box is created only if something keeps the
            // value (most string literals are only read: concatenated, passed, returned).
            Literal::Str(s) => {
                Entry::Lit(id, Val::Str(Some(self.lit_text(id, self.prog.string(*s)))))
            }
        }
    }

    /// Evaluates argument (or element) expressions left to right; each stays on the
    /// operand stack until all are evaluated.
    fn args(&mut self, args: &[ExprId]) -> Result<Args, Fault> {
        let mut out = Args::with_capacity(args.len());
        for &a in args {
            out.push(self.eval_held(a, self.wrap_expression(a))?);
        }
        self.held -= args.len();
        Ok(out)
    }

    /// A new array of `len` default elements of element type `elem`, charged.
    pub fn new_array(&mut self, elem: Ty, len: i32) -> Result<Val, SelError> {
        let arr_ty = match elem {
            Ty::String | Ty::Long | Ty::Double | Ty::Boolean => elem.array_of()?,
            other => {
                return Err(SelError::unsupported(format!(
                    "NOT support creating an array with the element type {}",
                    other.name()
                )))
            }
        };
        if len < 0 {
            return Err(SelError::new(
                ErrorKind::NegativeArraySizeException,
                len.to_string(),
            ));
        }
        self.mem.charge_object()?;
        self.mem.charge_objects(len as usize)?;
        let data = ArrayData::defaults(arr_ty, len as usize).unwrap_or(ArrayData::Long(vec![]));
        Ok(Val::new_array(data))
    }

    fn assign(
        &mut self,
        target: Ident,
        index: Option<ExprId>,
        op: AssignOp,
        value: ExprId,
    ) -> Result<Entry, Fault> {
        let idx = match index {
            // A leaf index may be read at once when the value cannot change it (the
            // value is a leaf or an operator on leaves): `a[i] = i * i`.
            Some(index) if self.is_leaf(index) && self.is_pure(value) => {
                let i = self.leaf(index, 2)?;
                self.held += 1;
                Some(Entry::Tmp(i))
            }
            Some(index) => Some(self.eval_held(index, self.wrap_expression(index))?),
            None => None,
        };
        let rhs = if self.is_leaf(value) {
            self.leaf(value, 2)?
        } else {
            self.eval(value, self.wrap_expression(value))?.into_val()
        };
        let lhs = if let Some(idx) = idx {
            self.held -= 1;
            let idx = as_long(&idx)?;
            let arr = match self.lookup(target.sym)? {
                Some(r) => r.get(),
                None => Val::Null,
            };
            element(&arr, idx)?
        } else {
            if op == AssignOp::Assign {
                self.create_if_missing(target.sym, rhs.ty())?;
            }
            match self.lookup(target.sym)? {
                Some(r) => r,
                None => {
                    return fault(SelError::unsupported(format!(
                        "NULL DO NOT support assignment operation {}",
                        op.symbol()
                    )))
                }
            }
        };
        ops::assign(&lhs, op, &rhs, &mut self.mem)?;
        self.produce(Entry::Ref(lhs))
    }
}
