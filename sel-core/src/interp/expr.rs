//! Expression nodes: each pushes exactly one entry on the operand stack.

use super::Interp;
use crate::error::{ErrorKind, SelError};
use crate::ops::{self, Op};
use crate::rt::{ArrayData, Entry, Ref, Val};
use crate::types::Ty;
use sel_grammar::ast::{AssignOp, ExprId, ExprKind, Ident, Literal, TypeName};

/// Stack headroom below which evaluation continues on a fresh segment.
const RED_ZONE: usize = 128 * 1024;
const NEW_SEGMENT: usize = 2 * 1024 * 1024;

/// A Java cast failure of a SEL object to the class of `to`.
pub(crate) fn cast_error(from: Ty, to: Ty) -> SelError {
    SelError::class_cast(from.java_class(), to.java_class())
}

/// Reads an entry as a BOOLEAN (conditions), or fails with the reference's cast error.
pub(crate) fn as_bool(e: &Entry) -> Result<bool, SelError> {
    match e.get() {
        Val::Bool(b) => Ok(b),
        other => Err(cast_error(other.ty(), Ty::Boolean)),
    }
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
    /// Evaluates `id`, pushing its value. `wrap` = wrapper nodes visited on the way.
    pub fn expr(&mut self, id: ExprId, wrap: u64) -> Result<(), SelError> {
        stacker::maybe_grow(RED_ZONE, NEW_SEGMENT, || self.expr_inner(id, wrap))
    }

    fn expr_inner(&mut self, id: ExprId, wrap: u64) -> Result<(), SelError> {
        let node = self.expr_node(id);
        match &node.kind {
            ExprKind::Literal(lit) => {
                self.visit(wrap + 1)?;
                self.literal(id, lit)
            }
            ExprKind::Name(ident) => {
                self.visit(wrap + 1)?;
                let e = match self.lookup(ident.sym)? {
                    Some(r) => Entry::Ref(r),
                    None => Entry::Tmp(Val::Null),
                };
                self.push(e)
            }
            ExprKind::Paren(inner) => {
                self.visit(wrap)?;
                self.expr(*inner, self.wrap_expression(*inner))
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
                self.expr(*cond, self.wrap_operand(*cond))?;
                let c = self.pop()?;
                let branch = if as_bool(&c)? { *then } else { *els };
                self.expr(branch, self.wrap_expression(branch))
            }
            ExprKind::Binary { op, lhs, rhs } => {
                self.visit(wrap + 1)?;
                self.expr(*lhs, self.wrap_operand(*lhs))?;
                self.expr(*rhs, self.wrap_operand(*rhs))?;
                let r = self.pop()?;
                let l = self.pop()?;
                let v = ops::binary(Op::from(*op), &l.get(), &r.get(), &mut self.mem)?;
                self.push(Entry::Tmp(v))
            }
            ExprKind::Unary { op, operand } => {
                self.visit(wrap + 1)?;
                self.expr(*operand, self.wrap_operand(*operand))?;
                let v = self.pop()?.get();
                let r = ops::binary(Op::from(*op), &v, &v, &mut self.mem)?;
                self.push(Entry::Tmp(r))
            }
            ExprKind::Field { recv, name } => {
                // PrimarySuffix + Method.
                self.visit(wrap + 2)?;
                self.expr(*recv, 0)?;
                self.reserve()?; // the field name is pushed, then popped at once
                let obj = self.pop()?;
                let r = self.field(obj, self.prog.name(name.sym))?;
                self.push(r)
            }
            ExprKind::Call { recv, name, args } => {
                // PrimarySuffix + Method + Params (counted twice).
                self.visit(wrap + 4)?;
                self.expr(*recv, 0)?;
                self.push(Entry::Tmp(Val::Null))?; // stands for the method name
                let args = self.args(args)?;
                self.pop()?;
                let obj = self.pop()?;
                let r = self.call(obj, self.prog.name(name.sym), args)?;
                self.push(r)
            }
            ExprKind::Index { recv, index } => {
                // PrimarySuffix + ArrayIdx.
                self.visit(wrap + 2)?;
                self.expr(*recv, 0)?;
                self.expr(*index, self.wrap_expression(*index))?;
                let idx = self.pop()?.get();
                let r = match idx {
                    Val::Long(i) => {
                        let obj = self.pop()?.get();
                        Entry::Ref(element(&obj, i)?)
                    }
                    Val::Str(key) => {
                        let obj = self.pop()?.get();
                        if !matches!(obj, Val::Params) {
                            return Err(cast_error(obj.ty(), Ty::PresetParams));
                        }
                        self.params_field(key.as_deref())?
                    }
                    other => {
                        return Err(SelError::illegal_arg(format!(
                            "Invalid index type: {}",
                            other.ty().name()
                        )))
                    }
                };
                self.push(r)
            }
            ExprKind::NewArray { ty, len } => {
                // AllocationExpression + type + ArrayDims.
                self.visit(wrap + 3)?;
                let t = resolve_type(self, ty)?;
                self.push(Entry::Tmp(Val::Type(t)))?;
                self.expr(*len, self.wrap_expression(*len))?;
                let n = as_long(&self.pop()?)?;
                let limit = self.ev.limits().array;
                if (n as i32) as i64 >= limit as i64 {
                    return Err(SelError::limit(
                        ErrorKind::IllegalArgumentException,
                        format!("New array size is over the limit: {limit} vs length: {n}"),
                    ));
                }
                self.pop()?;
                let arr = self.new_array(t, n as i32)?;
                self.push(Entry::Tmp(arr))
            }
            ExprKind::NewArrayInit { ty, elems } => {
                self.visit(wrap + 3)?;
                let t = resolve_type(self, ty)?;
                self.push(Entry::Tmp(Val::Type(t)))?;
                let limit = self.ev.limits().array;
                if elems.len() as u64 >= limit {
                    return Err(SelError::limit(
                        ErrorKind::IllegalArgumentException,
                        format!(
                            "New array size is over the limit: {limit} vs length: {}",
                            elems.len()
                        ),
                    ));
                }
                for &e in elems {
                    self.expr(e, self.wrap_expression(e))?;
                }
                let arr = self.new_array(t, elems.len() as i32)?;
                if let Val::Array(a) = &arr {
                    for i in (0..elems.len()).rev() {
                        let v = self.pop()?.into_val();
                        let want = match t {
                            Ty::String | Ty::Long | Ty::Double | Ty::Boolean => t,
                            _ => Ty::Null,
                        };
                        ops::check_type(want, v.ty())?;
                        a.borrow_mut().set(i, v);
                    }
                }
                self.pop()?;
                self.push(Entry::Tmp(arr))
            }
            ExprKind::New { class, args } => {
                // AllocationExpression + ClassType + Args (counted twice).
                self.visit(wrap + 4)?;
                let t = Ty::from_class_name(self.prog.name(class.sym))?;
                self.push(Entry::Tmp(Val::Type(t)))?;
                let args = self.args(args)?;
                self.pop()?;
                let r = self.construct(t, args)?;
                self.push(Entry::Tmp(r))
            }
            ExprKind::Error => Err(SelError::new(
                ErrorKind::RuntimeException,
                "cannot evaluate a program with syntax errors",
            )),
        }
    }

    fn literal(&mut self, id: ExprId, lit: &Literal) -> Result<(), SelError> {
        if let Some(r) = self.lit_box(id) {
            let e = Entry::Ref(r.clone());
            return self.push(e);
        }
        let e = match lit {
            Literal::Int(i) => Entry::Lit(id, Val::Long(*i)),
            Literal::Float(f) => Entry::Lit(id, Val::Double(*f)),
            Literal::Bool(b) => Entry::Lit(id, Val::Bool(*b)),
            Literal::Null => Entry::Tmp(Val::Null),
            // Strings get their box at once: reading them needs a shared text anyway.
            Literal::Str(s) => Entry::Ref(self.keep(Entry::Lit(id, Val::str(s)))),
        };
        self.push(e)
    }

    /// Evaluates call/constructor arguments and pops them, first argument first.
    fn args(&mut self, args: &[ExprId]) -> Result<Vec<Entry>, SelError> {
        for &a in args {
            self.expr(a, self.wrap_expression(a))?;
        }
        let at = self.stack.len() - args.len();
        Ok(self.stack.split_off(at))
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
    ) -> Result<(), SelError> {
        if let Some(index) = index {
            self.expr(index, self.wrap_expression(index))?;
        }
        self.expr(value, self.wrap_expression(value))?;
        let rhs = self.pop()?.into_val();
        let lhs = if index.is_some() {
            let idx = as_long(&self.pop()?)?;
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
                    return Err(SelError::unsupported(format!(
                        "NULL DO NOT support assignment operation {}",
                        op.symbol()
                    )))
                }
            }
        };
        ops::assign(&lhs, op, &rhs, &self.mem)?;
        self.push(Entry::Ref(lhs))
    }
}
