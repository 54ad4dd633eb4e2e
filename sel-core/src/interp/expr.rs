//! Expression nodes: each pushes exactly one entry on the operand stack.

use super::{fault, Fault, Interp};
use crate::error::{ErrorKind, SelError};
use crate::ops::{self, Op};
use crate::rt::{ArrayData, Entry, Ref, Val};
use crate::types::Ty;
use sel_grammar::ast::{AssignOp, ExprId, ExprKind, Ident, Literal, TypeName};

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
        r
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
                let c = self.eval(*cond, self.wrap_operand(*cond))?;
                let branch = if as_bool(&c)? { *then } else { *els };
                self.eval(branch, self.wrap_expression(branch))
            }
            ExprKind::Binary { op, lhs, rhs } => {
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

    fn literal(&mut self, id: ExprId, lit: &Literal) -> Entry {
        if let Some(r) = self.lit_box(id) {
            return Entry::Ref(r.clone());
        }
        match lit {
            Literal::Int(i) => Entry::Lit(id, Val::Long(*i)),
            Literal::Float(f) => Entry::Lit(id, Val::Double(*f)),
            Literal::Bool(b) => Entry::Lit(id, Val::Bool(*b)),
            Literal::Null => Entry::Tmp(Val::Null),
            // Strings get their box at once: reading them needs a shared text anyway.
            Literal::Str(s) => Entry::Ref(self.keep(Entry::Lit(id, Val::str(s)))),
        }
    }

    /// Evaluates argument (or element) expressions left to right; each stays on the
    /// operand stack until all are evaluated.
    fn args(&mut self, args: &[ExprId]) -> Result<Vec<Entry>, Fault> {
        let mut out = Vec::with_capacity(args.len());
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
            Some(index) => Some(self.eval_held(index, self.wrap_expression(index))?),
            None => None,
        };
        let rhs = self.eval(value, self.wrap_expression(value))?.into_val();
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
