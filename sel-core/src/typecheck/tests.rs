//! Type inference tests: exact issues (the text they point at and the message) and types.

use super::*;

fn issues(src: &str) -> Vec<(String, String)> {
    let parse = sel_grammar::parse(src);
    assert!(parse.errors.is_empty(), "{:?}", parse.errors);
    let t = infer(&parse.program, &());
    t.issues
        .iter()
        .map(|i| (src[i.span.range()].to_string(), i.message.clone()))
        .collect()
}

fn last_type(src: &str, inputs: &dyn Inputs) -> Ty {
    let parse = sel_grammar::parse(src);
    let t = infer(&parse.program, inputs);
    let Some(StmtKind::Expr(e)) = parse
        .program
        .items
        .last()
        .map(|&s| &parse.program.stmt(s).kind)
    else {
        panic!("no trailing expression")
    };
    t.of(*e)
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

#[test]
fn declaration_mismatch() {
    assert_eq!(
        issues("int x = 'a';"),
        [pair(
            "'a'",
            "Type mismatch, lhs type: LONG, rhs object type: STRING"
        )]
    );
    assert_eq!(
        issues("double d = 1;"),
        [pair(
            "1",
            "Type mismatch, lhs type: DOUBLE, rhs object type: LONG"
        )]
    );
    assert_eq!(issues("String s = 'a' + 1; long n = s.length();"), []);
    assert_eq!(
        issues("Foo f = 1;"),
        [pair(
            "Foo",
            "Please check the manual for supported classes, which does not include class:  Foo"
        )]
    );
}

#[test]
fn methods_arity_and_arguments() {
    assert_eq!(
        issues("String s = 'abc'; s.indexOf('b');"),
        [pair("indexOf", "STRING has no method indexOf")]
    );
    assert_eq!(
        issues("'abc'.substring(1, 2, 3);"),
        [pair(
            "substring",
            "STRING.substring takes 1 or 2 argument(s), not 3"
        )]
    );
    assert_eq!(
        issues("'abc'.startsWith(1);"),
        [pair(
            "1",
            "Argument prefix of startsWith must be STRING, not LONG"
        )]
    );
    assert_eq!(
        issues("Boolean.valueOf('true');"),
        [pair("valueOf", "BOOLEAN DO NOT support calling valueOf")]
    );
    assert_eq!(
        issues("String.length();"),
        [pair(
            "length",
            "length needs a STRING value; the static String is null"
        )]
    );
    assert_eq!(
        issues("'x'.valueOf(1);"),
        [pair(
            "valueOf",
            "valueOf only works on the static name, not on a value"
        )]
    );
    assert_eq!(
        issues("x = 'abc'; x.length;"),
        [pair(
            "length",
            "STRING DO NOT support accessing field: length"
        )]
    );
    assert_eq!(
        issues("params.getFromStep('a', 'b'); params.somethingElse();"),
        []
    );
    assert_eq!(issues("String.join(',', 'a'.split(','));"), []);
}

#[test]
fn operators_and_conditions() {
    assert_eq!(
        issues("'1' == 1;"),
        [pair(
            "'1' == 1",
            "Type mismatch, lhs type: STRING, rhs object type: LONG"
        )]
    );
    assert_eq!(
        issues("1 == '1'; 1 + 'a'; 'a' + true; null == new Map();"),
        []
    );
    assert_eq!(
        issues("Map m = new Map(); m == null;"),
        [pair(
            "m == null",
            "MAP DO NOT support expression operation =="
        )]
    );
    assert_eq!(
        issues("if (1) { }"),
        [pair("1", "A condition must be BOOLEAN, not LONG")]
    );
    assert_eq!(
        issues("x = 1; x += 1.5;"),
        [pair(
            "x += 1.5",
            "Type mismatch, lhs type: LONG, rhs object type: DOUBLE"
        )]
    );
    assert_eq!(
        issues("x = 1; x = 'a';"),
        [pair(
            "'a'",
            "Type mismatch, lhs type: LONG, rhs object type: STRING"
        )]
    );
    assert_eq!(
        issues("String s = 'a'; s -= 'b';"),
        [pair(
            "s -= 'b'",
            "STRING DO NOT support assignment operation -="
        )]
    );
}

#[test]
fn inferred_types() {
    assert_eq!(last_type("'a'.split(',');", &()), "STRING_ARRAY");
    assert_eq!(last_type("'a'.split(',')[0];", &()), "STRING");
    assert_eq!(
        last_type("new DateTime(0).plusDays(1).dayOfWeek();", &()),
        "DATETIME_PROPERTY"
    );
    assert_eq!(
        last_type("Util.dateIntsBetween(1, 2, 1);", &()),
        "LONG_ARRAY"
    );
    assert_eq!(last_type("1 + 2.5;", &()), "DOUBLE");
    assert_eq!(last_type("x = 'a'; x;", &()), "STRING");
    assert_eq!(last_type("Arrays.asList(new int[2]);", &()), "LONG_ARRAY");
    assert_eq!(last_type("y;", &()), ANY);
    let mut inputs = HashMap::new();
    inputs.insert("y".to_string(), "MAP");
    assert_eq!(last_type("y;", &inputs), "MAP");
    assert_eq!(last_type("long y = 1; y;", &inputs), "LONG");
    // A declaration of another type elsewhere makes the name ambiguous.
    assert_eq!(last_type("int z = 1; String z = 'a'; z;", &()), ANY);
}

#[test]
fn bindings() {
    let parse =
        sel_grammar::parse("int a = 1; b = 'x'; for (int i = 0; i < 2; i += 1) {} b = 'y';");
    let t = infer(&parse.program, &());
    let got: Vec<(&str, Ty, bool)> = t
        .bindings
        .iter()
        .map(|b| (b.name.as_str(), b.ty, b.declared))
        .collect();
    assert_eq!(
        got,
        [
            ("a", "LONG", true),
            ("b", "STRING", false),
            ("i", "LONG", true)
        ]
    );
    assert_eq!(
        t.binding_at("b", 60).map(|b| b.span),
        Some(Span::new(11, 12))
    );
}
