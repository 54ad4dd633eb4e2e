//! The conformance vectors of SPEC §13.4 (the non-date ones) and the aliasing vectors
//! of §4.7, with the reference's exact results.

use crate::common;
use common::{eval, eval_vars};
use sel_core::{Evaluator, Limits};

#[test]
fn spec_13_4_vectors() {
    let cases: &[(&str, &str)] = &[
        ("x=1+1;", "LONG: 2"),
        ("int x = 1;", "VOID: VOID"),
        ("x=1; for(i=2; i<10; i+=1) { x+=1; x+=1;} return x;", "LONG: 17"),
        ("x=1; for(i=2; i<10; i+=1) { x+=1; if (x>10) continue; x+=1;} return x;", "LONG: 14"),
        ("x=1; if (x>1) x=3; else if (x<1) x=-3; else x=-x; return x;", "LONG: -1"),
        ("x=1; x<=0 || x>=10 ? x : -x;", "LONG: -1"),
        ("x=1; for(;;){x+=1; if (x>10) break; x+=1;} return x;", "LONG: 12"),
        ("zzzzz;", "NULL: NULL"),
        ("/* x=1; */ z>0 && z<10;", "BOOLEAN: false"),
        ("x=new Map(); x.put('foo', 123); x.put('bar', 'baz'); return x;", "MAP: {bar=baz, foo=123}"),
        ("s = 0; for (int i = 0; i < 3; i += 1) { for (int j = 0; j < 3; j += 1) { s += 1; } } return s;", "LONG: 3"),
        ("s = 0; for (i = 0; i < 3; i += 1) { long y = 5; y += 1; s += y; } return s;", "LONG: 21"),
        ("long x = 1; long y = x; y += 1; return x;", "LONG: 2"),
        ("long q = 0; false && (q = 1) == 1; return q;", "LONG: 1"),
        ("1 == '1';", "BOOLEAN: true"),
        ("'1' == 1;", "java.lang.IllegalArgumentException: Type mismatch, lhs type: STRING, rhs object type: LONG"),
        ("1 + 'a';", "STRING: 1a"),
        ("true + 'a';", "java.lang.IllegalArgumentException: Type mismatch, lhs type: BOOLEAN, rhs object type: STRING"),
        ("null + 'a';", "STRING: nulla"),
        ("null < 1;", "BOOLEAN: false"),
        ("null <= 1;", "java.lang.UnsupportedOperationException: NULL DO NOT support expression operation <="),
        ("-7 % 3;", "LONG: -1"),
        ("-7 / 2;", "LONG: -3"),
        ("5 % 0;", "java.lang.ArithmeticException: / by zero"),
        ("9223372036854775807 + 1;", "LONG: -9223372036854775808"),
        ("1.0/0;", "DOUBLE: Infinity"),
        ("0.1 + 0.2;", "DOUBLE: 0.30000000000000004"),
        ("1e10 + '';", "STRING: 1.0E10"),
        ("0.00099 + '';", "STRING: 9.9E-4"),
        ("017;", "LONG: 17"),
        ("0x1F;", "java.lang.NumberFormatException: For input string: \"0x1F\""),
        ("double d = 1;", "java.lang.IllegalArgumentException: Type mismatch, lhs type: DOUBLE, rhs object type: LONG"),
        ("x = null;", "java.lang.UnsupportedOperationException: Not support creating an empty object for type NULL"),
        ("throw 'oops';", "ERROR: ERROR: oops"),
        ("throw 1;", "java.lang.IllegalArgumentException: Can only throw a string error message. Invalid thrown object 1"),
        ("break;", "java.lang.RuntimeException: Invalid expression : break ;  with wrong return type: BREAK"),
        ("for (i = 0; i < 3;) { i += 1; int z = 1; } return i;",
         "java.lang.RuntimeException: Invalid expression (stack is not empty): for ( i = 0 ; i < 3 ; ) { i += 1 ; int z = 1 ; } return i ; "),
        ("m = new Map(); m['k'];", "java.lang.ClassCastException: class com.netflix.sel.type.SelMap cannot be cast to class com.netflix.sel.type.SelParams (com.netflix.sel.type.SelMap and com.netflix.sel.type.SelParams are in unnamed module of loader 'app')"),
        ("'a,b,,c,,'.split(',');", "STRING_ARRAY: [a, b, , c]"),
        ("'a.b'.split('.').length;", "LONG: 0"),
        ("String.format('%s-%d-%.2f-%b', 'a', 1, 1.5, true);", "STRING: a-1-1.50-true"),
        ("String.escape('a\"b\\\\c\\nd\\te\\'f');", "STRING: a\\\"b\\\\c\\nd\\te'f"),
        ("x = -2147483649; String.valueOf(x);", "STRING: 2147483647"),
        ("'abc'.substring(5);", "java.lang.IllegalArgumentException: Failed calling method substring1"),
        ("Integer.parseInt('12');", "java.lang.UnsupportedOperationException: LONG DO NOT support calling method: parseInt with args: [12]"),
        ("Math.pow(2, 10);", "DOUBLE: 1024.0"),
        ("System.SUNDAY;", "LONG: 7"),
        ("mp = new Map(); mp.put('z', 1); mp.put('a', 2); mp.put('m', 3); mp.put('AA', 4); mp.put('BB', 5); return mp;", "MAP: {AA=4, BB=5, a=2, z=1, m=3}"),
        ("Util.intsBetween(5, 1, '-2');", "LONG_ARRAY: [5, 3]"),
        ("i = 0; while (i < 25001) { i += 1; } i;", "java.lang.IllegalStateException: Loop execution aborted as the iteration is over the loop limit 25001"),
        ("int[] arr = new int[25001];", "java.lang.IllegalArgumentException: New array size is over the limit: 25001 vs length: 25001"),
        ("'\\u0041bc';", "STRING: Abc"),
        ("\"a\\101b\";", "java.lang.IllegalArgumentException: Invalid escaped literal string: \"a\\101b\""),
    ];
    for (src, want) in cases {
        assert_eq!(&eval(src), want, "{src}");
    }
}

#[test]
fn spec_13_4_vectors_with_inputs() {
    assert_eq!(eval_vars("params['foo'];"), "STRING: bar");
    assert_eq!(eval_vars("params['ab'];"), "NULL: NULL");
    assert_eq!(eval_vars("String.join(',', sa);"), "STRING: a,b");
    assert!(eval_vars("String.join(',', la);").starts_with(
        "java.lang.ClassCastException: class [J cannot be cast to class [Ljava.lang.String;"
    ));
    assert_eq!(eval_vars("Arrays.asList(la);"), "LONG_ARRAY: [1, 2]");
    assert_eq!(eval_vars("m;"), "MAP: {k=v, n=1}");
    assert_eq!(eval_vars("i + 1;"), "LONG: 11");
    assert_eq!(
        eval_vars("nul != null && nul.length() > 0;"),
        "java.lang.UnsupportedOperationException: NULL DO NOT support calling length"
    );
}

#[test]
fn validation_vectors() {
    let ev = Evaluator::new(Limits::default());
    let refs = |s: &str| {
        ev.validate(s)
            .unwrap()
            .into_iter()
            .collect::<Vec<_>>()
            .join(",")
    };
    assert_eq!(
        refs("for (int i = 0; i < n; i += 1) { s += i; } return s;"),
        "n"
    );
    assert_eq!(refs("x.y.z(w);"), "w,x");
    assert_eq!(refs("x + y; int x = 1;"), "x,y");
    assert_eq!(refs("params.get('foo') + params['bar'];"), "params");
    assert_eq!(refs("arr[idx] = 5;"), "idx");
    assert_eq!(refs("new Foo(); Foo x = 1; x.bar(baz);"), "baz");
    assert_eq!(refs("Math.max(a, b) + String.valueOf(c) + Days;"), "a,b,c");
    assert_eq!(refs("import a.b.c; z;"), "z");
}

#[test]
fn aliasing_vectors() {
    let cases: &[(&str, &str)] = &[
        ("x = 1; y = x; y += 1; return x;", "LONG: 1"),
        ("x=new Map(); y=123; x.put('foo', y); y=111; return x;", "MAP: {foo=111}"),
        ("mp = new Map(); for (i = 0; i < 3; i += 1) { mp.put('k' + i, i); } return mp;", "MAP: {k0=3, k1=3, k2=3}"),
        ("mp = new Map(); mp.put('k', 5); long v = mp.get('k'); v += 1; return mp;", "MAP: {k=6}"),
        ("mp = new Map(); mp.put('k', 5); v = mp.get('k'); v += 1; return mp;", "MAP: {k=5}"),
        ("la = new int[]{1, 2}; long e = la[0]; e += 1; return la;", "LONG_ARRAY: [2, 2]"),
        ("arr = new int[2]; arr2 = new int[5]; arr2 = arr; arr2[0] = 9; return arr;", "LONG_ARRAY: [9, 0]"),
        ("m1 = new Map(); m2 = new Map(); m2 = m1; m2.put('a', 1); return m1;", "MAP: {a=1}"),
        ("k = 'a'; mp = new Map(); mp.put(k, 1); k += 'b'; return mp.get('ab');", "NULL: NULL"),
        ("String k = 'a'; mp = new Map(); mp.put(k, 1); k += 'b'; return mp;", "MAP: {ab=1}"),
        ("s = 0; for (i = 0; i < 3; i += 1) { for (j = 0; j < 3; j += 1) { s += 1; } } return s;", "LONG: 9"),
    ];
    for (src, want) in cases {
        assert_eq!(&eval(src), want, "{src}");
    }
    // Inputs are copies: mutating them leaves the host's data (and `params`) unchanged.
    assert_eq!(
        eval_vars("la[0] = 100; return params['la'];"),
        "LONG_ARRAY: [1, 2]"
    );
    assert_eq!(
        eval_vars("params['m'].put('z', 2); return m;"),
        "MAP: {k=v, n=1}"
    );
}
