//! The smaller public functions: token images, token classes, positions, spans.

use sel_grammar::ast::{ExprKind, Literal, StmtKind};
use sel_grammar::{parse, token_image, tokens, Span, TokenKind, MAX_DEPTH};

#[test]
fn token_image_matches_the_reference() {
    // Texts quoted in the corpus' RuntimeException messages.
    assert_eq!(token_image("break;"), "break ; ");
    assert_eq!(token_image("if (true) break;"), "if ( true ) break ; ");
    assert_eq!(
        token_image("x = 1; { continue; }"),
        "x = 1 ; { continue ; } "
    );
    assert_eq!(
        token_image("for (i = 0; i < 3;) { i += 1; int z = 1; } return i;"),
        "for ( i = 0 ; i < 3 ; ) { i += 1 ; int z = 1 ; } return i ; "
    );
    // Comments are not tokens; escapes are decoded; literals keep their text.
    assert_eq!(token_image("x /* c */ = 'a\\n' // d"), "x = 'a\\n' ");
    assert_eq!(token_image("\\u0078;"), "x ; ");
    assert_eq!(token_image(""), "");
}

#[test]
fn spans_point_into_the_original_text() {
    let src = "\\u0078 = 'caf\\u00e9';";
    let p = parse(src);
    assert!(p.errors.is_empty());
    let StmtKind::Expr(e) = &p.program.stmt(p.program.items[0]).kind else {
        panic!("not an expression statement")
    };
    let ExprKind::Assign { target, value, .. } = &p.program.expr(*e).kind else {
        panic!("not an assignment")
    };
    assert_eq!(target.span, Span::new(0, 6));
    assert_eq!(p.program.name(target.sym), "x");
    let v = p.program.expr(*value);
    assert_eq!(v.span, Span::new(9, 20));
    let ExprKind::Literal(Literal::Str(s)) = v.kind else {
        panic!("not a string literal")
    };
    assert_eq!(p.program.string(s), "café");
    assert_eq!(p.program.stmt(p.program.items[0]).span, Span::new(0, 21));
}

#[test]
fn identifiers_are_interned() {
    let names: Vec<String> = (0..40).map(|i| format!("v{i}")).collect();
    let src: String = names
        .iter()
        .chain(names.iter())
        .map(|n| format!("{n} = 1;"))
        .collect();
    let p = parse(&src);
    assert_eq!(p.program.symbol_count(), 40);
    assert_eq!(
        p.program.symbol("v39").map(|s| p.program.name(s)),
        Some("v39")
    );
}

#[test]
fn error_positions() {
    let src = "x = 1;\ny = ;";
    let p = parse(src);
    assert_eq!(p.errors.len(), 1);
    assert_eq!(p.errors[0].span, Span::new(11, 12));
    assert_eq!(p.errors[0].line_col(src), (2, 5));
}

#[test]
fn tokens_cover_everything() {
    let t = tokens("x = 'a' /* c */ + 1 ;");
    let kinds: Vec<TokenKind> = t.iter().map(|t| t.kind).collect();
    use TokenKind::*;
    assert_eq!(
        kinds,
        [
            Identifier,
            Operator,
            StringLiteral,
            Comment,
            Operator,
            IntLiteral,
            Punctuation
        ]
    );
    assert_eq!(t[3].span, Span::new(8, 15));
    assert_eq!(tokens("'open").first().map(|t| t.kind), Some(Error));
}

#[test]
fn max_depth_is_public() {
    assert_eq!(MAX_DEPTH, 1000);
}
