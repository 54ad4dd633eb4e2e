//! Binary, unary and assignment operators with the reference's dispatch rules (§5.5,
//! §5.6): dispatch on the left operand, one-sided mixed-type promotion, wrapping 64-bit
//! integers, `/ by zero`, no widening in assignments.
//!
//! Memory accounting (§8.2) happens here for the objects the reference creates while
//! computing an operator: the result and the hidden intermediates (a promoted LONG, the
//! text of a number concatenated with a string).

use crate::error::{ErrorKind, SelError};
use crate::java::double_to_string;
use crate::memory::Memory;
use crate::rt::display::{concat_text, no_internal_val};
use crate::rt::{Ref, Val};
use crate::types::Ty;
use sel_grammar::ast::{AssignOp, BinaryOp, UnaryOp};

/// An expression operator (binary or unary), as the reference's `SelOp`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Op {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Gt,
    Le,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    Plus,
    Minus,
    Not,
}

impl Op {
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Or => "||",
            Op::And => "&&",
            Op::Eq => "==",
            Op::Ne => "!=",
            Op::Lt => "<",
            Op::Gt => ">",
            Op::Le => "<=",
            Op::Ge => ">=",
            Op::Add | Op::Plus => "+",
            Op::Sub | Op::Minus => "-",
            Op::Mul => "*",
            Op::Div => "/",
            Op::Rem => "%",
            Op::Not => "!",
        }
    }

    fn is_equality(self) -> bool {
        matches!(self, Op::Eq | Op::Ne)
    }
}

impl From<BinaryOp> for Op {
    fn from(op: BinaryOp) -> Op {
        match op {
            BinaryOp::Or => Op::Or,
            BinaryOp::And => Op::And,
            BinaryOp::Eq => Op::Eq,
            BinaryOp::Ne => Op::Ne,
            BinaryOp::Lt => Op::Lt,
            BinaryOp::Gt => Op::Gt,
            BinaryOp::Le => Op::Le,
            BinaryOp::Ge => Op::Ge,
            BinaryOp::Add => Op::Add,
            BinaryOp::Sub => Op::Sub,
            BinaryOp::Mul => Op::Mul,
            BinaryOp::Div => Op::Div,
            BinaryOp::Rem => Op::Rem,
        }
    }
}

impl From<UnaryOp> for Op {
    fn from(op: UnaryOp) -> Op {
        match op {
            UnaryOp::Neg => Op::Minus,
            UnaryOp::Plus => Op::Plus,
            UnaryOp::Not => Op::Not,
        }
    }
}

fn unsupported_expr(what: &str, op: Op) -> SelError {
    SelError::unsupported(format!(
        "{what} DO NOT support expression operation {}",
        op.symbol()
    ))
}

fn div_by_zero() -> SelError {
    SelError::new(ErrorKind::ArithmeticException, "/ by zero")
}

/// Whether the reference's `getInternalVal()` of `v` is Java null (NULL on the left of
/// `==`/`!=`). Opaque objects have no internal value and fail.
fn internal_is_null(v: &Val) -> Result<bool, SelError> {
    Ok(match v {
        Val::Null | Val::Void | Val::Str(None) | Val::Map(None) | Val::Error(None) => true,
        Val::Long(_)
        | Val::Double(_)
        | Val::Bool(_)
        | Val::Str(Some(_))
        | Val::Array(_)
        | Val::Map(Some(_))
        | Val::Error(Some(_)) => false,
        Val::DateTime(d) => d.is_none(),
        Val::Zone(z) => z.is_none(),
        Val::Formatter(f) => f.is_none(),
        Val::Property(p) => p.is_none(),
        Val::Days(d) => d.is_none(),
        Val::Uuid(_) | Val::Params | Val::Util | Val::Misc | Val::Math => {
            return Err(no_internal_val(v.ty()))
        }
    })
}

/// `lhs op rhs` (for unary operators pass the operand as both).
pub(crate) fn binary(op: Op, lhs: &Val, rhs: &Val, mem: &mut Memory) -> Result<Val, SelError> {
    match lhs {
        Val::Long(a) => long_op(op, *a, rhs, mem),
        Val::Double(a) => double_op(op, *a, rhs, mem),
        Val::Str(a) => string_op(op, a.as_deref(), rhs, mem),
        Val::Bool(a) => bool_op(op, *a, rhs, mem),
        Val::Null => null_op(op, rhs, mem),
        other => Err(unsupported_expr(other.ty().name(), op)),
    }
}

fn boolean(b: bool, mem: &mut Memory) -> Result<Val, SelError> {
    mem.charge_object()?;
    Ok(Val::Bool(b))
}

fn null_op(op: Op, rhs: &Val, mem: &mut Memory) -> Result<Val, SelError> {
    match op {
        Op::Eq => boolean(internal_is_null(rhs)?, mem),
        Op::Ne => boolean(!internal_is_null(rhs)?, mem),
        Op::Lt | Op::Gt => boolean(false, mem),
        Op::Add => {
            let s = format!("null{}", concat_text(rhs)?);
            mem.new_string(s)
        }
        _ => Err(unsupported_expr("NULL", op)),
    }
}

fn long_op(op: Op, a: i64, rhs: &Val, mem: &mut Memory) -> Result<Val, SelError> {
    let b = match rhs {
        Val::Null if op.is_equality() => return null_op(op, &Val::Long(a), mem),
        Val::Double(_) => {
            mem.charge_object()?;
            return double_op(op, a as f64, rhs, mem);
        }
        Val::Str(_) => {
            let text = a.to_string();
            mem.charge_string(&text)?;
            return string_op(op, Some(&text), rhs, mem);
        }
        Val::Long(b) => *b,
        other => return Err(SelError::type_mismatch("LONG", other.ty().name())),
    };
    let r = match op {
        Op::Eq => return boolean(a == b, mem),
        Op::Ne => return boolean(a != b, mem),
        Op::Lt => return boolean(a < b, mem),
        Op::Gt => return boolean(a > b, mem),
        Op::Le => return boolean(a <= b, mem),
        Op::Ge => return boolean(a >= b, mem),
        Op::Add => a.wrapping_add(b),
        Op::Sub => a.wrapping_sub(b),
        Op::Mul => a.wrapping_mul(b),
        Op::Div => {
            if b == 0 {
                return Err(div_by_zero());
            }
            a.wrapping_div(b)
        }
        Op::Rem => {
            if b == 0 {
                return Err(div_by_zero());
            }
            a.wrapping_rem(b)
        }
        Op::Plus => a,
        Op::Minus => a.wrapping_neg(),
        Op::Or | Op::And | Op::Not => return Err(unsupported_expr("int/Integer/long/Long", op)),
    };
    mem.charge_object()?;
    Ok(Val::Long(r))
}

/// The Java class of a non-numeric right operand that `(Number) rhs.getInternalVal()`
/// fails to cast.
pub(crate) fn number_cast_error(rhs: &Val) -> SelError {
    let class = match rhs {
        Val::Bool(_) => "java.lang.Boolean".to_string(),
        Val::Map(Some(_)) => "java.util.HashMap".to_string(),
        Val::Error(Some(_)) | Val::Str(Some(_)) => "java.lang.String".to_string(),
        Val::Array(a) => {
            let id = crate::rt::display::array_identity(&a.borrow());
            id.trim_end_matches("@0").to_string()
        }
        Val::Uuid(_) | Val::Params | Val::Util | Val::Misc | Val::Math => {
            return no_internal_val(rhs.ty())
        }
        other => match crate::rt::convert::joda_class(other) {
            Some(class) => class.to_string(),
            None => return SelError::npe(
                "Cannot invoke \"java.lang.Number.doubleValue()\" because the return value of \"com.netflix.sel.type.SelType.getInternalVal()\" is null",
            ),
        },
    };
    SelError::class_cast(&class, "java.lang.Number")
}

fn double_op(op: Op, a: f64, rhs: &Val, mem: &mut Memory) -> Result<Val, SelError> {
    let b = match rhs {
        Val::Null if op.is_equality() => return null_op(op, &Val::Double(a), mem),
        Val::Null => {
            return Err(SelError::unsupported(format!(
                "DOUBLE DO NOT support {} for rhs with NULL value",
                op.symbol()
            )))
        }
        Val::Str(_) => {
            let text = double_to_string(a);
            mem.charge_string(&text)?;
            return string_op(op, Some(&text), rhs, mem);
        }
        Val::Long(b) => *b as f64,
        Val::Double(b) => *b,
        other => return Err(number_cast_error(other)),
    };
    let r = match op {
        Op::Eq => return boolean(a == b, mem),
        Op::Ne => return boolean(a != b, mem),
        Op::Lt => return boolean(a < b, mem),
        Op::Gt => return boolean(a > b, mem),
        Op::Le => return boolean(a <= b, mem),
        Op::Ge => return boolean(a >= b, mem),
        Op::Add => a + b,
        Op::Sub => a - b,
        Op::Mul => a * b,
        Op::Div => a / b,
        Op::Rem => a % b,
        Op::Plus => a,
        Op::Minus => -a,
        Op::Or | Op::And | Op::Not => {
            return Err(unsupported_expr("float/Float/double/Doubles", op))
        }
    };
    mem.charge_object()?;
    Ok(Val::Double(r))
}

fn string_op(op: Op, a: Option<&str>, rhs: &Val, mem: &mut Memory) -> Result<Val, SelError> {
    if op.is_equality() && !matches!(rhs, Val::Null | Val::Str(_)) {
        return Err(SelError::type_mismatch("STRING", rhs.ty().name()));
    }
    match op {
        Op::Add => mem.concat(a.unwrap_or("null"), &concat_text(rhs)?),
        Op::Eq | Op::Ne => {
            let b = match rhs {
                Val::Str(b) => b.as_deref(),
                _ => None,
            };
            boolean((a == b) == (op == Op::Eq), mem)
        }
        _ => Err(unsupported_expr("STRING", op)),
    }
}

fn bool_op(op: Op, a: bool, rhs: &Val, mem: &mut Memory) -> Result<Val, SelError> {
    let b = match rhs {
        Val::Null if op.is_equality() => return null_op(op, &Val::Bool(a), mem),
        Val::Bool(b) => *b,
        other => return Err(SelError::type_mismatch("BOOLEAN", other.ty().name())),
    };
    let r = match op {
        Op::And => a && b,
        Op::Or => a || b,
        Op::Eq => a == b,
        Op::Ne => a != b,
        Op::Not => !a,
        _ => return Err(unsupported_expr("BOOLEAN", op)),
    };
    boolean(r, mem)
}

fn unsupported_assign(what: &str, op: AssignOp) -> SelError {
    SelError::unsupported(format!(
        "{what} DO NOT support assignment operation {}",
        op.symbol()
    ))
}

/// `lhs op= rhs`: mutates the object `lhs` in place (§5.6).
#[inline]
pub(crate) fn assign(lhs: &Ref, op: AssignOp, rhs: &Val, mem: &mut Memory) -> Result<(), SelError> {
    // Fast path, kept small enough to inline into the interpreter: LONG and DOUBLE
    // boxes are updated in place.
    if let Ref::Box(b) = lhs {
        match (&mut *b.borrow_mut(), rhs) {
            (Val::Long(a), Val::Long(x)) if !matches!(op, AssignOp::Div | AssignOp::Rem) => {
                *a = match op {
                    AssignOp::Assign => *x,
                    AssignOp::Add => a.wrapping_add(*x),
                    AssignOp::Sub => a.wrapping_sub(*x),
                    _ => a.wrapping_mul(*x),
                };
                return Ok(());
            }
            (Val::Double(a), Val::Double(x)) => {
                *a = match op {
                    AssignOp::Assign => *x,
                    AssignOp::Add => *a + x,
                    AssignOp::Sub => *a - x,
                    AssignOp::Mul => *a * x,
                    AssignOp::Div => *a / x,
                    AssignOp::Rem => *a % x,
                };
                return Ok(());
            }
            _ => {}
        }
    }
    assign_general(lhs, op, rhs, mem)
}

/// [`assign`] for everything but in-place numeric updates of boxes.
#[inline(never)]
fn assign_general(lhs: &Ref, op: AssignOp, rhs: &Val, mem: &mut Memory) -> Result<(), SelError> {
    let cur = lhs.get();
    let new = match cur {
        Val::Long(a) => {
            let Val::Long(b) = *rhs else {
                return Err(SelError::type_mismatch("LONG", rhs.ty().name()));
            };
            Val::Long(match op {
                AssignOp::Assign => b,
                AssignOp::Add => a.wrapping_add(b),
                AssignOp::Sub => a.wrapping_sub(b),
                AssignOp::Mul => a.wrapping_mul(b),
                AssignOp::Div | AssignOp::Rem if b == 0 => return Err(div_by_zero()),
                AssignOp::Div => a.wrapping_div(b),
                AssignOp::Rem => a.wrapping_rem(b),
            })
        }
        Val::Double(a) => {
            let Val::Double(b) = *rhs else {
                return Err(SelError::type_mismatch("DOUBLE", rhs.ty().name()));
            };
            Val::Double(match op {
                AssignOp::Assign => b,
                AssignOp::Add => a + b,
                AssignOp::Sub => a - b,
                AssignOp::Mul => a * b,
                AssignOp::Div => a / b,
                AssignOp::Rem => a % b,
            })
        }
        Val::Str(a) => match op {
            AssignOp::Assign => match rhs {
                Val::Str(_) => rhs.clone(),
                _ => return Err(SelError::type_mismatch("STRING", rhs.ty().name())),
            },
            AssignOp::Add => {
                let tail = concat_text(rhs)?;
                mem.charge_growth(&tail)?;
                let head = a.as_deref().unwrap_or("null");
                let mut s = String::with_capacity(head.len() + tail.len());
                s.push_str(head);
                s.push_str(&tail);
                // Not charged (§8.2 Q29), but bounded so a doubling loop cannot exhaust
                // the host's memory.
                mem.check_string_len(&s)?;
                Val::string(s)
            }
            _ => return Err(unsupported_assign("STRING", op)),
        },
        Val::Bool(_) => match (op, rhs) {
            (AssignOp::Assign, Val::Bool(_)) => rhs.clone(),
            (AssignOp::Assign, _) => {
                return Err(SelError::type_mismatch("BOOLEAN", rhs.ty().name()))
            }
            _ => return Err(unsupported_assign("boolean/Boolean", op)),
        },
        Val::Array(_)
        | Val::Map(_)
        | Val::DateTime(_)
        | Val::Zone(_)
        | Val::Formatter(_)
        | Val::Property(_)
        | Val::Days(_) => {
            let ty = cur.ty();
            if op != AssignOp::Assign {
                return Err(unsupported_assign(ty.name(), op));
            }
            if rhs.ty() != ty {
                return Err(SelError::type_mismatch(ty.name(), rhs.ty().name()));
            }
            rhs.clone()
        }
        other => return Err(unsupported_assign(other.ty().name(), op)),
    };
    lhs.set(new);
    Ok(())
}

/// Exact-type check of declarations and element stores.
pub(crate) fn check_type(lhs: Ty, rhs: Ty) -> Result<(), SelError> {
    if lhs != rhs {
        return Err(SelError::type_mismatch(lhs.name(), rhs.name()));
    }
    Ok(())
}

#[cfg(test)]
mod tests;
