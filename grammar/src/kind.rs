//! Token kinds, numbered exactly like the reference lexer (JavaCC) numbers them.
//!
//! The numbering matters: the reference lists expected tokens in kind order, and its
//! error messages quote each kind by the image in [`IMAGE`].

/// A token kind (the reference's numbering; gaps are internal JavaCC kinds).
pub type Kind = u8;

pub const EOF: Kind = 0;
pub const ABSTRACT: Kind = 12;
pub const BOOLEAN: Kind = 13;
pub const BREAK: Kind = 14;
pub const BYTE: Kind = 15;
pub const CASE: Kind = 16;
pub const CATCH: Kind = 17;
pub const CHAR: Kind = 18;
pub const CLASS: Kind = 19;
pub const CONST: Kind = 20;
pub const CONTINUE: Kind = 21;
pub const DEFAULT: Kind = 22;
pub const DO: Kind = 23;
pub const DOUBLE: Kind = 24;
pub const ELSE: Kind = 25;
pub const EXTENDS: Kind = 26;
pub const FALSE: Kind = 27;
pub const FINAL: Kind = 28;
pub const FINALLY: Kind = 29;
pub const FLOAT: Kind = 30;
pub const FOR: Kind = 31;
pub const GOTO: Kind = 32;
pub const IF: Kind = 33;
pub const IMPLEMENTS: Kind = 34;
pub const IMPORT: Kind = 35;
pub const INSTANCEOF: Kind = 36;
pub const INT: Kind = 37;
pub const INTERFACE: Kind = 38;
pub const LONG: Kind = 39;
pub const NATIVE: Kind = 40;
pub const NEW: Kind = 41;
pub const NULL: Kind = 42;
pub const PACKAGE: Kind = 43;
pub const PRIVATE: Kind = 44;
pub const PROTECTED: Kind = 45;
pub const PUBLIC: Kind = 46;
pub const RETURN: Kind = 47;
pub const SHORT: Kind = 48;
pub const STATIC: Kind = 49;
pub const SUPER: Kind = 50;
pub const SWITCH: Kind = 51;
pub const SYNCHRONIZED: Kind = 52;
pub const THIS: Kind = 53;
pub const THROW: Kind = 54;
pub const THROWS: Kind = 55;
pub const TRANSIENT: Kind = 56;
pub const TRUE: Kind = 57;
pub const TRY: Kind = 58;
pub const VOID: Kind = 59;
pub const VOLATILE: Kind = 60;
pub const WHILE: Kind = 61;
pub const INTEGER_LITERAL: Kind = 62;
pub const FLOATING_POINT_LITERAL: Kind = 66;
pub const STRING_LITERAL: Kind = 68;
pub const IDENTIFIER: Kind = 71;
pub const LPAREN: Kind = 74;
pub const RPAREN: Kind = 75;
pub const LBRACE: Kind = 76;
pub const RBRACE: Kind = 77;
pub const LBRACKET: Kind = 78;
pub const RBRACKET: Kind = 79;
pub const SEMICOLON: Kind = 80;
pub const COMMA: Kind = 81;
pub const DOT: Kind = 82;
pub const ASSIGN: Kind = 83;
pub const GT: Kind = 84;
pub const LT: Kind = 85;
pub const BANG: Kind = 86;
pub const TILDE: Kind = 87;
pub const HOOK: Kind = 88;
pub const COLON: Kind = 89;
pub const EQ: Kind = 90;
pub const LE: Kind = 91;
pub const GE: Kind = 92;
pub const NE: Kind = 93;
pub const SC_OR: Kind = 94;
pub const SC_AND: Kind = 95;
pub const INCR: Kind = 96;
pub const DECR: Kind = 97;
pub const PLUS: Kind = 98;
pub const MINUS: Kind = 99;
pub const STAR: Kind = 100;
pub const SLASH: Kind = 101;
pub const BIT_AND: Kind = 102;
pub const BIT_OR: Kind = 103;
pub const XOR: Kind = 104;
pub const REM: Kind = 105;
pub const LSHIFT: Kind = 106;
pub const RSIGNEDSHIFT: Kind = 107;
pub const RUNSIGNEDSHIFT: Kind = 108;
pub const PLUSASSIGN: Kind = 109;
pub const MINUSASSIGN: Kind = 110;
pub const STARASSIGN: Kind = 111;
pub const SLASHASSIGN: Kind = 112;
pub const ANDASSIGN: Kind = 113;
pub const ORASSIGN: Kind = 114;
pub const XORASSIGN: Kind = 115;
pub const REMASSIGN: Kind = 116;
pub const LSHIFTASSIGN: Kind = 117;
pub const RSIGNEDSHIFTASSIGN: Kind = 118;
pub const RUNSIGNEDSHIFTASSIGN: Kind = 119;

/// How the reference quotes each kind in "Was expecting" lists.
pub const IMAGE: [&str; 120] = [
    "<EOF>",
    "\" \"",
    "\"\\t\"",
    "\"\\n\"",
    "\"\\r\"",
    "\"\\f\"",
    "<token of kind 6>",
    "\"/*\"",
    "<SINGLE_LINE_COMMENT>",
    "\"*/\"",
    "\"*/\"",
    "<token of kind 11>",
    "\"abstract\"",
    "\"boolean\"",
    "\"break\"",
    "\"byte\"",
    "\"case\"",
    "\"catch\"",
    "\"char\"",
    "\"class\"",
    "\"const\"",
    "\"continue\"",
    "\"default\"",
    "\"do\"",
    "\"double\"",
    "\"else\"",
    "\"extends\"",
    "\"false\"",
    "\"final\"",
    "\"finally\"",
    "\"float\"",
    "\"for\"",
    "\"goto\"",
    "\"if\"",
    "\"implements\"",
    "\"import\"",
    "\"instanceof\"",
    "\"int\"",
    "\"interface\"",
    "\"long\"",
    "\"native\"",
    "\"new\"",
    "\"null\"",
    "\"package\"",
    "\"private\"",
    "\"protected\"",
    "\"public\"",
    "\"return\"",
    "\"short\"",
    "\"static\"",
    "\"super\"",
    "\"switch\"",
    "\"synchronized\"",
    "\"this\"",
    "\"throw\"",
    "\"throws\"",
    "\"transient\"",
    "\"true\"",
    "\"try\"",
    "\"void\"",
    "\"volatile\"",
    "\"while\"",
    "<INTEGER_LITERAL>",
    "<DECIMAL_LITERAL>",
    "<HEX_LITERAL>",
    "<OCTAL_LITERAL>",
    "<FLOATING_POINT_LITERAL>",
    "<EXPONENT>",
    "<STRING_LITERAL>",
    "<SINGLE_QUOTED_STRING>",
    "<DOUBLE_QUOTED_STRING>",
    "<IDENTIFIER>",
    "<LETTER>",
    "<DIGIT>",
    "\"(\"",
    "\")\"",
    "\"{\"",
    "\"}\"",
    "\"[\"",
    "\"]\"",
    "\";\"",
    "\",\"",
    "\".\"",
    "\"=\"",
    "\">\"",
    "\"<\"",
    "\"!\"",
    "\"~\"",
    "\"?\"",
    "\":\"",
    "\"==\"",
    "\"<=\"",
    "\">=\"",
    "\"!=\"",
    "\"||\"",
    "\"&&\"",
    "\"++\"",
    "\"--\"",
    "\"+\"",
    "\"-\"",
    "\"*\"",
    "\"/\"",
    "\"&\"",
    "\"|\"",
    "\"^\"",
    "\"%\"",
    "\"<<\"",
    "\">>\"",
    "\">>>\"",
    "\"+=\"",
    "\"-=\"",
    "\"*=\"",
    "\"/=\"",
    "\"&=\"",
    "\"|=\"",
    "\"^=\"",
    "\"%=\"",
    "\"<<=\"",
    "\">>=\"",
    "\">>>=\"",
];

/// A set of kinds as a bit set (bit `k` = kind `k`).
pub type KindSet = u128;

/// The set holding `kinds`.
pub const fn set(kinds: &[Kind]) -> KindSet {
    let mut s = 0;
    let mut i = 0;
    while i < kinds.len() {
        s |= 1 << kinds[i];
        i += 1;
    }
    s
}

/// Whether `k` is in `s`. The parser asks this at nearly every token, so it works on
/// the 64-bit half that holds `k`: with `s` a constant, that is a select and a shift,
/// where a 128-bit mask `1 << k` takes a dozen instructions.
pub const fn has(s: KindSet, k: Kind) -> bool {
    let half = if k < 64 { s as u64 } else { (s >> 64) as u64 };
    k < 128 && (half >> (k & 63)) & 1 != 0
}

/// Tokens that can start a primary expression.
pub const PRIMARY_START: KindSet = set(&[
    FALSE,
    NEW,
    NULL,
    TRUE,
    INTEGER_LITERAL,
    FLOATING_POINT_LITERAL,
    STRING_LITERAL,
    IDENTIFIER,
    LPAREN,
]);
/// Tokens that can start an expression.
pub const EXPR_START: KindSet = PRIMARY_START | set(&[BANG, PLUS, MINUS]);
/// Tokens that can start a statement (not a declaration).
pub const STMT_START: KindSet =
    EXPR_START | set(&[BREAK, CONTINUE, FOR, IF, RETURN, THROW, WHILE, LBRACE]);
pub const PRIMITIVE_TYPES: KindSet = set(&[BOOLEAN, DOUBLE, FLOAT, INT, LONG]);
/// Tokens that can start a block item (declaration or statement).
pub const BLOCK_ITEM_START: KindSet = STMT_START | PRIMITIVE_TYPES;
pub const TYPE_START: KindSet = PRIMITIVE_TYPES | set(&[IDENTIFIER]);
pub const FOR_INIT_START: KindSet = PRIMARY_START | PRIMITIVE_TYPES;
pub const LITERALS: KindSet = set(&[
    FALSE,
    NULL,
    TRUE,
    INTEGER_LITERAL,
    FLOATING_POINT_LITERAL,
    STRING_LITERAL,
]);
pub const ASSIGN_OPS: KindSet = set(&[
    ASSIGN,
    STARASSIGN,
    SLASHASSIGN,
    REMASSIGN,
    PLUSASSIGN,
    MINUSASSIGN,
]);
pub const EQUALITY_OPS: KindSet = set(&[EQ, NE]);
pub const RELATIONAL_OPS: KindSet = set(&[GT, LT, LE, GE]);
pub const ADDITIVE_OPS: KindSet = set(&[PLUS, MINUS]);
pub const MULTIPLICATIVE_OPS: KindSet = set(&[STAR, SLASH, REM]);
