//! The syntax tree of a SEL program.
//!
//! Nodes live in two arenas owned by [`Program`] (`exprs` and `stmts`) and refer to each
//! other by index ([`ExprId`], [`StmtId`]). An arena keeps parsing cheap (one `Vec` push
//! per node instead of one heap allocation), keeps nodes close together for the
//! interpreter, and makes dropping a tree of any depth non-recursive.
//!
//! Every node carries a [`Span`]: byte offsets into the *original* source text (before
//! the `\uXXXX` pre-pass), so editors and diagnostics can point at what the user wrote.
//!
//! The tree is shaped after the reference grammar (see `docs/architecture.md`): the
//! interpreter derives the reference's node counts (visit limit) and operand-stack
//! behaviour from it, so parenthesised expressions and the distinction between a
//! declaration and an assignment are kept.

use std::fmt;

/// A byte range `start..end` into the original source text.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub const fn new(start: u32, end: u32) -> Span {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn is_empty(self) -> bool {
        self.start >= self.end
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// Index of an expression in [`Program::exprs`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct ExprId(pub u32);

/// Index of a statement in [`Program::stmts`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct StmtId(pub u32);

/// An interned identifier (its text is [`Program::name`]). Two identifiers with the
/// same text in one program have the same symbol, and symbols are numbered from 0 up
/// to [`Program::symbol_count`], so the interpreter can keep its variables in a `Vec`
/// indexed by symbol.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct Symbol(pub u32);

/// An identifier occurrence.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Ident {
    pub sym: Symbol,
    pub span: Span,
}

/// The decoded text of a string literal, kept by its [`Program`]: see [`Program::string`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct StrRef {
    pub(crate) start: u32,
    pub(crate) end: u32,
}

/// A parsed program: the arenas, the top-level items and the interned names.
#[derive(Clone, Default, PartialEq)]
pub struct Program {
    /// `import` declarations (they have no effect, but the formatter keeps them).
    pub imports: Vec<Import>,
    /// Top-level block items in source order.
    pub items: Vec<StmtId>,
    pub stmts: Vec<Stmt>,
    pub exprs: Vec<Expr>,
    /// The texts of the names and string literals: the program text (after the `\u`
    /// pre-pass), where the names and the literals without escapes are found, then the
    /// decoded values of the literals with escapes. One buffer for all of them makes
    /// parsing allocate once instead of once per name and literal.
    pub(crate) texts: String,
    /// The range of `texts` holding each symbol's name, indexed by [`Symbol`].
    pub(crate) symbols: Vec<(u32, u32)>,
    /// Comments in source order, for the formatter and the language server.
    pub comments: Vec<Comment>,
}

impl Program {
    pub fn expr(&self, id: ExprId) -> &Expr {
        &self.exprs[id.0 as usize]
    }

    pub fn stmt(&self, id: StmtId) -> &Stmt {
        &self.stmts[id.0 as usize]
    }

    pub fn name(&self, sym: Symbol) -> &str {
        let (start, end) = self.symbols[sym.0 as usize];
        &self.texts[start as usize..end as usize]
    }

    /// The number of distinct names: every [`Symbol`] of the program is below it.
    pub fn symbol_count(&self) -> usize {
        self.symbols.len()
    }

    /// The symbol for `name`, if the program mentions it.
    pub fn symbol(&self, name: &str) -> Option<Symbol> {
        (0..self.symbols.len() as u32)
            .map(Symbol)
            .find(|&s| self.name(s) == name)
    }

    /// The decoded text of a string literal.
    pub fn string(&self, s: StrRef) -> &str {
        &self.texts[s.start as usize..s.end as usize]
    }
}

/// Shows the names (not the text buffer they are kept in), in symbol order.
impl fmt::Debug for Program {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = (0..self.symbols.len() as u32)
            .map(|s| self.name(Symbol(s)))
            .collect();
        f.debug_struct("Program")
            .field("imports", &self.imports)
            .field("items", &self.items)
            .field("stmts", &self.stmts)
            .field("exprs", &self.exprs)
            .field("symbols", &names)
            .field("comments", &self.comments)
            .finish()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    /// `import static ...`
    pub is_static: bool,
    /// The dotted path, without a trailing `.*`.
    pub path: Vec<Ident>,
    /// Ends with `.*`.
    pub wildcard: bool,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommentKind {
    /// `// ...` (the span excludes the line terminator)
    Line,
    /// `/* ... */` or `/** ... */`
    Block,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Comment {
    pub kind: CommentKind,
    pub span: Span,
}

/// A block item: a declaration or a statement.
#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// `T a = e, b;` (the span includes the `;`).
    Decl(Decl),
    /// `{ ... }`
    Block(Vec<StmtId>),
    /// `e;`
    Expr(ExprId),
    If {
        cond: ExprId,
        then: StmtId,
        els: Option<StmtId>,
    },
    While {
        cond: ExprId,
        body: StmtId,
    },
    For {
        init: Option<ForInit>,
        cond: Option<ExprId>,
        update: Option<ExprId>,
        body: StmtId,
    },
    Break,
    Continue,
    Return(ExprId),
    Throw(ExprId),
    /// Placeholder produced by error recovery for a statement that did not parse. The
    /// evaluator never sees it: a program with errors is not evaluated.
    Error,
}

/// A local variable declaration: `Type declarator, declarator...`.
#[derive(Clone, Debug, PartialEq)]
pub struct Decl {
    pub ty: TypeRef,
    pub declarators: Vec<Declarator>,
}

/// A type as written: a primitive keyword or a class name, optionally with `[]`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TypeRef {
    pub name: TypeName,
    pub array: bool,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeName {
    /// `boolean`, `int`, `long`, `float`, `double`
    Primitive(PrimitiveType),
    /// Any identifier (`String`, `Map`, `DateTime`, or an unknown name that fails at run time).
    Class(Ident),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PrimitiveType {
    Boolean,
    Int,
    Long,
    Float,
    Double,
}

impl PrimitiveType {
    pub fn keyword(self) -> &'static str {
        match self {
            PrimitiveType::Boolean => "boolean",
            PrimitiveType::Int => "int",
            PrimitiveType::Long => "long",
            PrimitiveType::Float => "float",
            PrimitiveType::Double => "double",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Declarator {
    pub name: Ident,
    pub init: Option<ExprId>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ForInit {
    Decl(Decl),
    /// An assignment or a primary expression (the grammar allows nothing else).
    Expr(ExprId),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Literal(Literal),
    /// A bare identifier used as a value.
    Name(Ident),
    /// `( e )`
    Paren(ExprId),
    /// `target op= value` or `target[index] op= value`.
    Assign {
        target: Ident,
        index: Option<ExprId>,
        op: AssignOp,
        value: ExprId,
    },
    /// `cond ? then : els`
    Ternary {
        cond: ExprId,
        then: ExprId,
        els: ExprId,
    },
    Binary {
        op: BinaryOp,
        lhs: ExprId,
        rhs: ExprId,
    },
    /// Prefix `-`, `+`, `!`.
    Unary {
        op: UnaryOp,
        operand: ExprId,
    },
    /// `recv.name` (a field access).
    Field {
        recv: ExprId,
        name: Ident,
    },
    /// `recv.name(args)`
    Call {
        recv: ExprId,
        name: Ident,
        args: Vec<ExprId>,
    },
    /// `recv[index]`
    Index {
        recv: ExprId,
        index: ExprId,
    },
    /// `new T[len]` (`ty.array` is false here; the element type is `ty`).
    NewArray {
        ty: TypeName,
        len: ExprId,
    },
    /// `new T[]{a, b, ...}`
    NewArrayInit {
        ty: TypeName,
        elems: Vec<ExprId>,
    },
    /// `new C(args)`
    New {
        class: Ident,
        args: Vec<ExprId>,
    },
    /// Placeholder produced by error recovery.
    Error,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Literal {
    /// Integer literal; the value was already parsed the reference's way (decimal,
    /// `l`/`L` stripped). Literals that fail that parse are syntax errors.
    Int(i64),
    /// Floating-point literal (Java `Double.parseDouble` of the text).
    Float(f64),
    /// String literal, escapes decoded ([`Program::string`] gives the text); a decoded
    /// lone surrogate (from a `\uD800` escape) is replaced by U+FFFD.
    Str(StrRef),
    Bool(bool),
    Null,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AssignOp {
    Assign,
    Add,
    Sub,
    Mul,
    Div,
    Rem,
}

impl AssignOp {
    pub fn symbol(self) -> &'static str {
        match self {
            AssignOp::Assign => "=",
            AssignOp::Add => "+=",
            AssignOp::Sub => "-=",
            AssignOp::Mul => "*=",
            AssignOp::Div => "/=",
            AssignOp::Rem => "%=",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinaryOp {
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
}

impl BinaryOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOp::Or => "||",
            BinaryOp::And => "&&",
            BinaryOp::Eq => "==",
            BinaryOp::Ne => "!=",
            BinaryOp::Lt => "<",
            BinaryOp::Gt => ">",
            BinaryOp::Le => "<=",
            BinaryOp::Ge => ">=",
            BinaryOp::Add => "+",
            BinaryOp::Sub => "-",
            BinaryOp::Mul => "*",
            BinaryOp::Div => "/",
            BinaryOp::Rem => "%",
        }
    }

    /// Binding strength, higher binds tighter (`||` is 1, `*` is 6).
    pub fn precedence(self) -> u8 {
        match self {
            BinaryOp::Or => 1,
            BinaryOp::And => 2,
            BinaryOp::Eq | BinaryOp::Ne => 3,
            BinaryOp::Lt | BinaryOp::Gt | BinaryOp::Le | BinaryOp::Ge => 4,
            BinaryOp::Add | BinaryOp::Sub => 5,
            BinaryOp::Mul | BinaryOp::Div | BinaryOp::Rem => 6,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    Neg,
    Plus,
    Not,
}

impl UnaryOp {
    pub fn symbol(self) -> &'static str {
        match self {
            UnaryOp::Neg => "-",
            UnaryOp::Plus => "+",
            UnaryOp::Not => "!",
        }
    }
}
