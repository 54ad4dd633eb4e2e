//! Operator matrix vectors (§5.5, §5.6, §13.4).

use super::*;
use crate::rt::display::display;

fn mem() -> Memory {
    Memory::new(u64::MAX)
}

fn s(x: &str) -> Val {
    Val::str(x)
}

/// `l op r` as `TYPE: display` or `Kind: message`.
fn run(op: Op, l: Val, r: Val) -> String {
    match binary(op, &l, &r, &mut mem()) {
        Ok(v) => format!("{}: {}", v.ty().name(), display(&v).unwrap()),
        Err(e) => format!("{:?}: {}", e.kind, e.message),
    }
}

#[test]
fn long_left() {
    assert_eq!(run(Op::Eq, Val::Long(1), s("1")), "BOOLEAN: true");
    assert_eq!(run(Op::Add, Val::Long(1), s("a")), "STRING: 1a");
    assert_eq!(
        run(Op::Lt, Val::Long(1), s("a")),
        "UnsupportedOperationException: STRING DO NOT support expression operation <"
    );
    assert_eq!(run(Op::Add, Val::Long(1), Val::Double(2.0)), "DOUBLE: 3.0");
    assert_eq!(run(Op::Rem, Val::Long(-7), Val::Long(3)), "LONG: -1");
    assert_eq!(run(Op::Div, Val::Long(-7), Val::Long(2)), "LONG: -3");
    assert_eq!(
        run(Op::Rem, Val::Long(5), Val::Long(0)),
        "ArithmeticException: / by zero"
    );
    assert_eq!(
        run(Op::Add, Val::Long(i64::MAX), Val::Long(1)),
        "LONG: -9223372036854775808"
    );
    assert_eq!(
        run(Op::Div, Val::Long(i64::MIN), Val::Long(-1)),
        "LONG: -9223372036854775808"
    );
    assert_eq!(run(Op::Eq, Val::Long(1), Val::Null), "BOOLEAN: false");
    assert_eq!(
        run(Op::Lt, Val::Long(1), Val::Null),
        "IllegalArgumentException: Type mismatch, lhs type: LONG, rhs object type: NULL"
    );
    assert_eq!(
        run(Op::And, Val::Long(1), Val::Long(1)),
        "UnsupportedOperationException: int/Integer/long/Long DO NOT support expression operation &&"
    );
    assert_eq!(run(Op::Minus, Val::Long(5), Val::Long(5)), "LONG: -5");
}

#[test]
fn double_left() {
    assert_eq!(
        run(Op::Div, Val::Double(1.0), Val::Long(0)),
        "DOUBLE: Infinity"
    );
    assert_eq!(
        run(Op::Add, Val::Double(0.1), Val::Double(0.2)),
        "DOUBLE: 0.30000000000000004"
    );
    assert_eq!(
        run(Op::Rem, Val::Double(-7.5), Val::Long(2)),
        "DOUBLE: -1.5"
    );
    assert_eq!(run(Op::Add, Val::Double(1e10), s("")), "STRING: 1.0E10");
    assert_eq!(run(Op::Eq, Val::Double(1.0), s("1.0")), "BOOLEAN: true");
    assert_eq!(
        run(Op::Lt, Val::Double(1.0), Val::Null),
        "UnsupportedOperationException: DOUBLE DO NOT support < for rhs with NULL value"
    );
    assert!(run(Op::Eq, Val::Double(1.5), Val::Bool(true)).starts_with(
        "ClassCastException: class java.lang.Boolean cannot be cast to class java.lang.Number"
    ));
}

#[test]
fn string_bool_null_left() {
    assert_eq!(
        run(Op::Eq, s("1"), Val::Long(1)),
        "IllegalArgumentException: Type mismatch, lhs type: STRING, rhs object type: LONG"
    );
    assert_eq!(run(Op::Add, s("a"), Val::Null), "STRING: anull");
    assert_eq!(run(Op::Eq, Val::Str(None), Val::Null), "BOOLEAN: true");
    assert_eq!(
        run(Op::Add, Val::Bool(true), s("a")),
        "IllegalArgumentException: Type mismatch, lhs type: BOOLEAN, rhs object type: STRING"
    );
    assert_eq!(
        run(Op::Not, Val::Bool(true), Val::Bool(true)),
        "BOOLEAN: false"
    );
    assert_eq!(run(Op::Add, Val::Null, s("a")), "STRING: nulla");
    assert_eq!(run(Op::Add, Val::Null, Val::Null), "STRING: nullnull");
    assert_eq!(run(Op::Lt, Val::Null, Val::Long(1)), "BOOLEAN: false");
    assert_eq!(
        run(Op::Le, Val::Null, Val::Long(1)),
        "UnsupportedOperationException: NULL DO NOT support expression operation <="
    );
    assert_eq!(
        run(Op::Eq, Val::Null, Val::Params),
        "UnsupportedOperationException: class com.netflix.sel.type.SelParams does not support getInternalVal operation."
    );
    assert_eq!(
        run(Op::Eq, Val::Map(None), Val::Null),
        "UnsupportedOperationException: MAP DO NOT support expression operation =="
    );
}

#[test]
fn assignment_rules() {
    let mut m = mem();
    let x = Ref::new(Val::Long(1));
    assert_eq!(
        assign(&x, AssignOp::Add, &Val::Double(1.5), &mut m)
            .unwrap_err()
            .message,
        "Type mismatch, lhs type: LONG, rhs object type: DOUBLE"
    );
    assign(&x, AssignOp::Mul, &Val::Long(6), &mut m).unwrap();
    assert!(matches!(x.get(), Val::Long(6)));
    let st = Ref::new(Val::str("a"));
    for v in [Val::Long(1), Val::Null, Val::Bool(true)] {
        assign(&st, AssignOp::Add, &v, &mut m).unwrap();
    }
    assert_eq!(display(&st.get()).unwrap(), "a1nulltrue");
    assert_eq!(
        assign(&st, AssignOp::Sub, &s("x"), &mut m)
            .unwrap_err()
            .message,
        "STRING DO NOT support assignment operation -="
    );
    let b = Ref::new(Val::Bool(true));
    assert_eq!(
        assign(&b, AssignOp::Add, &Val::Long(1), &mut m)
            .unwrap_err()
            .message,
        "boolean/Boolean DO NOT support assignment operation +="
    );
    let n = Ref::new(Val::Null);
    assert_eq!(
        assign(&n, AssignOp::Assign, &Val::Long(1), &mut m)
            .unwrap_err()
            .message,
        "NULL DO NOT support assignment operation ="
    );
    let d = Ref::new(Val::Long(4));
    assert_eq!(
        assign(&d, AssignOp::Rem, &Val::Long(0), &mut m)
            .unwrap_err()
            .message,
        "/ by zero"
    );
}

#[test]
fn memory_of_operators() {
    // §8.2 calibration: `1 + 'ab'` 72, `1 + 2.0` 64.
    let mut m = mem();
    binary(Op::Add, &Val::Long(1), &s("ab"), &mut m).unwrap();
    assert_eq!(m.used, 72);
    let mut m = mem();
    binary(Op::Add, &Val::Long(1), &Val::Double(2.0), &mut m).unwrap();
    assert_eq!(m.used, 64);
}
