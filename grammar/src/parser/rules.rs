//! The grammar productions (§3.1), one method each, in the reference's order of
//! decisions. Every `record` call is a one-token choice point falling through; the
//! look-aheads (`la_*`) are JavaCC's syntactic look-aheads.

use super::{Fail, Parser, R, RED_ZONE, STACK_GROWTH};
use crate::ast::*;
use crate::error::SyntaxErrorKind;
use crate::kind::{self, has, set};
use crate::literal;
use std::borrow::Cow;

pub(crate) fn primitive(k: kind::Kind) -> Option<PrimitiveType> {
    Some(match k {
        kind::BOOLEAN => PrimitiveType::Boolean,
        kind::INT => PrimitiveType::Int,
        kind::LONG => PrimitiveType::Long,
        kind::FLOAT => PrimitiveType::Float,
        kind::DOUBLE => PrimitiveType::Double,
        _ => return None,
    })
}

/// The binary operator levels, loosest first.
const LEVELS: [kind::KindSet; 6] = [
    set(&[kind::SC_OR]),
    set(&[kind::SC_AND]),
    kind::EQUALITY_OPS,
    kind::RELATIONAL_OPS,
    kind::ADDITIVE_OPS,
    kind::MULTIPLICATIVE_OPS,
];

/// `LOOSER_EXITS[i]`: the union of the operator sets of levels `i..=5`.
const LOOSER_EXITS: [kind::KindSet; 7] = {
    let mut t = [0; 7];
    let mut i = 6;
    while i > 0 {
        i -= 1;
        t[i] = t[i + 1] | LEVELS[i];
    }
    t
};

/// `LEVEL_OF[k]`: 1 + the binary level of operator kind `k`, or 0 for other kinds
/// (a table: this is asked after every operand).
const LEVEL_OF: [u8; 128] = {
    let mut t = [0; 128];
    let mut k = 0;
    while k < 128 {
        let mut i = 0;
        while i < 6 {
            if has(LEVELS[i], k as kind::Kind) {
                t[k] = i as u8 + 1;
            }
            i += 1;
        }
        k += 1;
    }
    t
};

/// Tokens that are a whole primary prefix by themselves: literals and names.
const ATOMS: kind::KindSet = kind::LITERALS | set(&[kind::IDENTIFIER]);

/// Tokens that end an expression whatever precedes them (no operator, suffix, `?` or
/// assignment can start with them).
const ATOM_ENDS: kind::KindSet = set(&[
    kind::SEMICOLON,
    kind::COMMA,
    kind::RPAREN,
    kind::RBRACKET,
    kind::RBRACE,
    kind::COLON,
]);

fn binary_level(k: kind::Kind) -> Option<usize> {
    match LEVEL_OF[(k & 127) as usize] {
        0 => None,
        l => Some(l as usize - 1),
    }
}

fn assign_op(k: kind::Kind) -> AssignOp {
    match k {
        kind::PLUSASSIGN => AssignOp::Add,
        kind::MINUSASSIGN => AssignOp::Sub,
        kind::STARASSIGN => AssignOp::Mul,
        kind::SLASHASSIGN => AssignOp::Div,
        kind::REMASSIGN => AssignOp::Rem,
        _ => AssignOp::Assign,
    }
}

impl<const DIAG: bool> Parser<'_, DIAG> {
    /// `program = { import-decl } { block-item } EOF`
    pub(crate) fn execute(&mut self) -> R<()> {
        self.fetch(0)?;
        while self.peek() == kind::IMPORT {
            let start = self.nt;
            match self.import_decl() {
                Ok(imp) => self.prog.imports.push(imp),
                Err(Fail) if DIAG || self.abort => return Err(Fail),
                Err(Fail) => {
                    self.recover(start);
                }
            }
        }
        self.record(set(&[kind::IMPORT]));
        loop {
            // Top-level items stay at the bottom of the item stack, `prog.items`.
            self.block_items()?;
            if self.peek() == kind::EOF || DIAG {
                self.consume(kind::EOF)?;
                return Ok(());
            }
            // Fast mode: a token that starts no item (a stray `}` or `else`, a late
            // `import`, ...): report it, skip it and go on.
            let _ = self.consume(kind::EOF);
            if self.abort {
                return Err(Fail);
            }
            let id = self.skip_stray(kind::EOF);
            self.prog.items.push(id);
        }
    }

    /// `{ block-item }` for the program and for blocks, with recovery in fast mode. The
    /// items are pushed onto `prog.items`, which is a stack: a block takes its own items
    /// off the top when it ends (so each block's list is allocated once, at its size),
    /// and what remains at the bottom are the program's items.
    fn block_items(&mut self) -> R<()> {
        while has(kind::BLOCK_ITEM_START, self.peek()) {
            let start = self.nt;
            match self.block_statement() {
                Ok(id) => self.prog.items.push(id),
                Err(Fail) if DIAG || self.abort => return Err(Fail),
                Err(Fail) => {
                    let id = self.recover(start);
                    self.prog.items.push(id);
                }
            }
        }
        self.record(kind::BLOCK_ITEM_START);
        Ok(())
    }

    /// Fast mode: skips tokens that cannot start a block item (up to `end`, the token
    /// that closes the enclosing list) and returns a placeholder for them.
    fn skip_stray(&mut self, end: kind::Kind) -> StmtId {
        let start = self.nt;
        while !matches!(self.peek(), kind::EOF) && self.peek() != end {
            if self.nt > start && has(kind::BLOCK_ITEM_START, self.peek()) {
                break;
            }
            self.nt += 1;
        }
        let span = self.span_from(start);
        self.stmt(StmtKind::Error, span)
    }

    /// `"import" [ "static" ] IDENT { "." IDENT } [ "." "*" ] ";"`
    fn import_decl(&mut self) -> R<Import> {
        let start = self.consume(kind::IMPORT)?;
        let is_static = if self.peek() == kind::STATIC {
            self.consume(kind::STATIC)?;
            true
        } else {
            self.record(set(&[kind::STATIC]));
            false
        };
        let i = self.consume(kind::IDENTIFIER)?;
        let mut path = vec![self.ident(i)];
        while self.la_import_part()? {
            self.consume(kind::DOT)?;
            let i = self.consume(kind::IDENTIFIER)?;
            path.push(self.ident(i));
        }
        let wildcard = if self.peek() == kind::DOT {
            self.consume(kind::DOT)?;
            self.consume(kind::STAR)?;
            true
        } else {
            self.record(set(&[kind::DOT]));
            false
        };
        self.consume(kind::SEMICOLON)?;
        Ok(Import {
            is_static,
            path,
            wildcard,
            span: self.span_from(start),
        })
    }

    /// `block-item = local-var-decl ";" | statement` (GUARD A)
    fn block_statement(&mut self) -> R<StmtId> {
        if self.la_declaration(6)? {
            let start = self.nt;
            let decl = self.local_var_decl()?;
            self.consume(kind::SEMICOLON)?;
            let span = self.span_from(start);
            Ok(self.stmt(StmtKind::Decl(decl), span))
        } else if has(kind::STMT_START, self.peek()) {
            self.statement()
        } else {
            Err(self.fail_choice(kind::STMT_START))
        }
    }

    /// `type declarator { "," declarator }`
    fn local_var_decl(&mut self) -> R<Decl> {
        let ty = self.type_ref()?;
        let mut declarators = vec![self.declarator()?];
        loop {
            if self.peek() == kind::COMMA {
                self.consume(kind::COMMA)?;
                declarators.push(self.declarator()?);
            } else {
                self.record(set(&[kind::COMMA]));
                break;
            }
        }
        Ok(Decl { ty, declarators })
    }

    /// `IDENT [ "=" expression ]`
    fn declarator(&mut self) -> R<Declarator> {
        let i = self.consume(kind::IDENTIFIER)?;
        let name = self.ident(i);
        let init = if self.peek() == kind::ASSIGN {
            self.consume(kind::ASSIGN)?;
            Some(self.expression()?)
        } else {
            self.record(set(&[kind::ASSIGN]));
            None
        };
        Ok(Declarator {
            name,
            init,
            span: self.span_from(i),
        })
    }

    /// `( prim-type | IDENT ) [ "[" "]" ]`
    fn type_ref(&mut self) -> R<TypeRef> {
        let start = self.nt;
        let name = self.type_name()?;
        let array = if self.peek() == kind::LBRACKET {
            self.consume(kind::LBRACKET)?;
            self.consume(kind::RBRACKET)?;
            true
        } else {
            self.record(set(&[kind::LBRACKET]));
            false
        };
        Ok(TypeRef {
            name,
            array,
            span: self.span_from(start),
        })
    }

    fn type_name(&mut self) -> R<TypeName> {
        let k = self.peek();
        if let Some(p) = primitive(k) {
            self.consume(k)?;
            Ok(TypeName::Primitive(p))
        } else if k == kind::IDENTIFIER {
            let i = self.consume(k)?;
            Ok(TypeName::Class(self.ident(i)))
        } else {
            Err(self.fail_choice(kind::TYPE_START))
        }
    }

    // ---- statements ---------------------------------------------------------------

    fn statement(&mut self) -> R<StmtId> {
        self.enter()?;
        let r = stacker::maybe_grow(RED_ZONE, STACK_GROWTH, || self.statement_inner());
        self.depth -= 1;
        r
    }

    fn statement_inner(&mut self) -> R<StmtId> {
        let start = self.nt;
        let kind = match self.peek() {
            kind::LBRACE => return self.block(),
            k if has(kind::EXPR_START, k) => {
                let e = self.expression()?;
                self.consume(kind::SEMICOLON)?;
                StmtKind::Expr(e)
            }
            kind::IF => {
                self.consume(kind::IF)?;
                let cond = self.paren_condition()?;
                let then = self.statement()?;
                let els = if self.peek() == kind::ELSE {
                    self.consume(kind::ELSE)?;
                    Some(self.statement()?)
                } else {
                    self.record(set(&[kind::ELSE]));
                    None
                };
                StmtKind::If { cond, then, els }
            }
            kind::WHILE => {
                self.consume(kind::WHILE)?;
                let cond = self.paren_condition()?;
                let body = self.statement()?;
                StmtKind::While { cond, body }
            }
            kind::FOR => return self.for_statement(),
            k @ (kind::BREAK | kind::CONTINUE) => {
                self.consume(k)?;
                self.consume(kind::SEMICOLON)?;
                if k == kind::BREAK {
                    StmtKind::Break
                } else {
                    StmtKind::Continue
                }
            }
            k @ (kind::RETURN | kind::THROW) => {
                self.consume(k)?;
                let e = self.expression()?;
                self.consume(kind::SEMICOLON)?;
                if k == kind::RETURN {
                    StmtKind::Return(e)
                } else {
                    StmtKind::Throw(e)
                }
            }
            _ => return Err(self.fail_choice(kind::STMT_START)),
        };
        let span = self.span_from(start);
        Ok(self.stmt(kind, span))
    }

    /// `"(" expression ")"` after `if` / `while`.
    fn paren_condition(&mut self) -> R<ExprId> {
        self.consume(kind::LPAREN)?;
        let e = self.expression()?;
        self.consume(kind::RPAREN)?;
        Ok(e)
    }

    /// `"{" { block-item } "}"`
    fn block(&mut self) -> R<StmtId> {
        let start = self.consume(kind::LBRACE)?;
        let base = self.prog.items.len();
        let r = self.block_body();
        // Take this block's items off the stack, also on failure (the enclosing lists
        // must find the stack as they left it).
        let items = match r {
            Ok(()) => self.prog.items[base..].to_vec(),
            Err(_) => Vec::new(),
        };
        self.prog.items.truncate(base);
        r?;
        let span = self.span_from(start);
        Ok(self.stmt(StmtKind::Block(items), span))
    }

    fn block_body(&mut self) -> R<()> {
        loop {
            self.block_items()?;
            if self.peek() == kind::RBRACE || DIAG || self.peek() == kind::EOF {
                self.consume(kind::RBRACE)?;
                return Ok(());
            }
            // Fast mode: a token that starts no item inside a block.
            let _ = self.consume(kind::RBRACE);
            if self.abort {
                return Err(Fail);
            }
            let id = self.skip_stray(kind::RBRACE);
            self.prog.items.push(id);
        }
    }

    fn for_statement(&mut self) -> R<StmtId> {
        let start = self.consume(kind::FOR)?;
        self.consume(kind::LPAREN)?;
        let init = if has(kind::FOR_INIT_START, self.peek()) {
            Some(if self.la_declaration(8)? {
                ForInit::Decl(self.local_var_decl()?)
            } else if has(kind::PRIMARY_START, self.peek()) {
                ForInit::Expr(self.statement_expression()?)
            } else {
                return Err(self.fail_choice(kind::PRIMARY_START));
            })
        } else {
            self.record(kind::FOR_INIT_START);
            None
        };
        self.consume(kind::SEMICOLON)?;
        let cond = if has(kind::EXPR_START, self.peek()) {
            Some(self.expression()?)
        } else {
            self.record(kind::EXPR_START);
            None
        };
        self.consume(kind::SEMICOLON)?;
        let update = if has(kind::PRIMARY_START, self.peek()) {
            Some(self.statement_expression()?)
        } else {
            self.record(kind::PRIMARY_START);
            None
        };
        self.consume(kind::RPAREN)?;
        let body = self.statement()?;
        let span = self.span_from(start);
        Ok(self.stmt(
            StmtKind::For {
                init,
                cond,
                update,
                body,
            },
            span,
        ))
    }

    /// `stmt-expression = assignment | primary` (GUARD B)
    fn statement_expression(&mut self) -> R<ExprId> {
        if self.la_assignment(7)? {
            self.assignment()
        } else if has(kind::PRIMARY_START, self.peek()) {
            self.primary()
        } else {
            Err(self.fail_choice(kind::PRIMARY_START))
        }
    }

    // ---- expressions --------------------------------------------------------------

    /// `expression = assignment | conditional` (GUARD B)
    pub(crate) fn expression(&mut self) -> R<ExprId> {
        self.enter()?;
        let r = if !DIAG && has(ATOMS, self.peek()) && has(ATOM_ENDS, self.kind_at(self.nt + 1)) {
            // Fast mode, the commonest argument: a literal or a name that the next
            // token ends. Going down the precedence levels would find no assignment,
            // no suffix, no operator and no `?`, recording what those levels record.
            self.atom()
                .inspect(|_| self.record(LOOSER_EXITS[0] | set(&[kind::HOOK])))
        } else {
            stacker::maybe_grow(RED_ZONE, STACK_GROWTH, || {
                if self.la_assignment(2)? {
                    self.assignment()
                } else if has(kind::EXPR_START, self.peek()) {
                    self.conditional()
                } else {
                    self.missing_operand(kind::EXPR_START)
                }
            })
        };
        self.depth -= 1;
        r
    }

    /// The literal or name at the next token, as `primary_prefix` parses it.
    fn atom(&mut self) -> R<ExprId> {
        let k = self.peek();
        if k == kind::IDENTIFIER {
            let i = self.consume(k)?;
            let id = self.ident(i);
            Ok(self.expr(ExprKind::Name(id), id.span))
        } else {
            self.literal()
        }
    }

    /// No expression where one is needed. Fast mode reports it and goes on with a
    /// placeholder, which keeps the rest of the statement.
    fn missing_operand(&mut self, set: kind::KindSet) -> R<ExprId> {
        let f = self.fail_choice(set);
        if DIAG || self.abort {
            return Err(f);
        }
        let span = self.here();
        Ok(self.expr(ExprKind::Error, span))
    }

    /// `IDENT [ "[" expression "]" ] assign-op expression`
    fn assignment(&mut self) -> R<ExprId> {
        let i = self.consume(kind::IDENTIFIER)?;
        let target = self.ident(i);
        let index = if self.peek() == kind::LBRACKET {
            self.consume(kind::LBRACKET)?;
            let e = self.expression()?;
            self.consume(kind::RBRACKET)?;
            Some(e)
        } else {
            self.record(set(&[kind::LBRACKET]));
            None
        };
        let k = self.peek();
        if !has(kind::ASSIGN_OPS, k) {
            return Err(self.fail_choice(kind::ASSIGN_OPS));
        }
        self.consume(k)?;
        let value = self.expression()?;
        let span = target.span.to(self.espan(value));
        Ok(self.expr(
            ExprKind::Assign {
                target,
                index,
                op: assign_op(k),
                value,
            },
            span,
        ))
    }

    /// `or-expr [ "?" expression ":" expression ]`
    fn conditional(&mut self) -> R<ExprId> {
        let cond = self.binary(0)?;
        if self.peek() != kind::HOOK {
            self.record(set(&[kind::HOOK]));
            return Ok(cond);
        }
        self.consume(kind::HOOK)?;
        let then = self.expression()?;
        self.consume(kind::COLON)?;
        let els = self.expression()?;
        let span = self.espan(cond).to(self.espan(els));
        Ok(self.expr(ExprKind::Ternary { cond, then, els }, span))
    }

    /// The left-associative binary levels, from `||` (level 0) to `*` (level 5), by
    /// precedence climbing: each level loops, so long chains do not recurse.
    ///
    /// After each operand the reference's loops for every level tighter than the next
    /// operator exit (recording their token sets) while that operator's level goes on;
    /// one `record` of the union of those sets does the same bookkeeping.
    fn binary(&mut self, min_level: usize) -> R<ExprId> {
        let mut lhs = self.unary()?;
        loop {
            let k = self.peek();
            let level = binary_level(k);
            self.record(LOOSER_EXITS[level.map_or(0, |l| l + 1)]);
            let level = match level {
                Some(l) if l >= min_level => l,
                _ => return Ok(lhs),
            };
            self.consume(k)?;
            let rhs = self.binary(level + 1)?;
            let op = match k {
                kind::SC_OR => BinaryOp::Or,
                kind::SC_AND => BinaryOp::And,
                kind::EQ => BinaryOp::Eq,
                kind::NE => BinaryOp::Ne,
                kind::LT => BinaryOp::Lt,
                kind::GT => BinaryOp::Gt,
                kind::LE => BinaryOp::Le,
                kind::GE => BinaryOp::Ge,
                kind::PLUS => BinaryOp::Add,
                kind::MINUS => BinaryOp::Sub,
                kind::STAR => BinaryOp::Mul,
                kind::SLASH => BinaryOp::Div,
                _ => BinaryOp::Rem,
            };
            let span = self.espan(lhs).to(self.espan(rhs));
            lhs = self.expr(ExprKind::Binary { op, lhs, rhs }, span);
        }
    }

    /// `unary = ( "-" | "+" | "!" ) unary | primary`
    fn unary(&mut self) -> R<ExprId> {
        let k = self.peek();
        let op = match k {
            kind::MINUS => UnaryOp::Neg,
            kind::PLUS => UnaryOp::Plus,
            kind::BANG => UnaryOp::Not,
            // Fast mode: a literal or a name with no suffix (no `[` or `.` next) is the
            // whole primary; in fast mode the suffix look-ahead records nothing.
            k if !DIAG
                && has(ATOMS, k)
                && !matches!(self.kind_at(self.nt + 1), kind::LBRACKET | kind::DOT) =>
            {
                return self.atom()
            }
            k if has(kind::PRIMARY_START, k) => return self.primary(),
            _ => return self.missing_operand(kind::EXPR_START),
        };
        let i = self.consume(k)?;
        self.enter()?;
        let r = stacker::maybe_grow(RED_ZONE, STACK_GROWTH, || self.unary());
        self.depth -= 1;
        let operand = r?;
        let span = self.span_at(i).to(self.espan(operand));
        Ok(self.expr(ExprKind::Unary { op, operand }, span))
    }

    /// `primary = prefix { suffix }`
    pub(crate) fn primary(&mut self) -> R<ExprId> {
        let mut e = self.primary_prefix()?;
        while self.la_suffix()? {
            e = self.primary_suffix(e)?;
        }
        Ok(e)
    }

    fn primary_prefix(&mut self) -> R<ExprId> {
        let k = self.peek();
        match k {
            _ if has(kind::LITERALS, k) => self.literal(),
            kind::LPAREN => {
                let start = self.consume(kind::LPAREN)?;
                let inner = self.expression()?;
                self.consume(kind::RPAREN)?;
                let span = self.span_from(start);
                Ok(self.expr(ExprKind::Paren(inner), span))
            }
            kind::NEW => self.allocation(),
            kind::IDENTIFIER => {
                let i = self.consume(k)?;
                let id = self.ident(i);
                Ok(self.expr(ExprKind::Name(id), id.span))
            }
            _ => self.missing_operand(kind::PRIMARY_START),
        }
    }

    fn primary_suffix(&mut self, recv: ExprId) -> R<ExprId> {
        let start = self.espan(recv);
        match self.peek() {
            kind::LBRACKET => {
                self.consume(kind::LBRACKET)?;
                let index = self.expression()?;
                let end = self.consume(kind::RBRACKET)?;
                let span = start.to(self.span_at(end));
                Ok(self.expr(ExprKind::Index { recv, index }, span))
            }
            kind::DOT => {
                self.consume(kind::DOT)?;
                let i = self.consume(kind::IDENTIFIER)?;
                let name = self.ident(i);
                if self.peek() == kind::LPAREN {
                    let args = self.arguments()?;
                    let span = start.to(self.span_at(self.nt - 1));
                    Ok(self.expr(ExprKind::Call { recv, name, args }, span))
                } else {
                    self.record(set(&[kind::LPAREN]));
                    let span = start.to(name.span);
                    Ok(self.expr(ExprKind::Field { recv, name }, span))
                }
            }
            _ => Err(self.fail_choice(set(&[kind::LBRACKET, kind::DOT]))),
        }
    }

    fn literal(&mut self) -> R<ExprId> {
        let k = self.peek();
        let i = self.consume(k)?;
        let t = self.tok(i);
        let text = self.text_of(t);
        let span = self.span_of(t);
        let value = match k {
            kind::TRUE => Literal::Bool(true),
            kind::FALSE => Literal::Bool(false),
            kind::NULL => Literal::Null,
            kind::FLOATING_POINT_LITERAL => Literal::Float(literal::float_value(text)),
            kind::INTEGER_LITERAL => match literal::int_value(text) {
                Ok(v) => Literal::Int(v),
                Err(m) => return self.bad_literal(SyntaxErrorKind::NumberFormat, m, span),
            },
            _ if t.bad => return Ok(self.expr(ExprKind::Error, span)),
            // The value of a literal without escapes is its text between the quotes,
            // which `prog.texts` starts with; decoded values go after the program text.
            _ if t.plain => Literal::Str(StrRef {
                start: t.start + 1,
                end: t.end - 1,
            }),
            _ => match literal::string_value(text) {
                Ok(Cow::Borrowed(_)) => Literal::Str(StrRef {
                    start: t.start + 1,
                    end: t.end - 1,
                }),
                Ok(Cow::Owned(v)) => {
                    let texts = &mut self.prog.texts;
                    let start = texts.len() as u32;
                    texts.push_str(&v);
                    Literal::Str(StrRef {
                        start,
                        end: texts.len() as u32,
                    })
                }
                Err(m) => return self.bad_literal(SyntaxErrorKind::InvalidEscape, m, span),
            },
        };
        Ok(self.expr(ExprKind::Literal(value), span))
    }

    /// A literal whose value the reference cannot compute (just consumed).
    #[cold]
    fn bad_literal(&mut self, kind: SyntaxErrorKind, message: String, span: Span) -> R<ExprId> {
        // The reference raises this as soon as the literal is consumed.
        self.nt -= 1;
        let f = self.report(kind, message, span);
        self.nt += 1;
        if DIAG {
            return Err(f);
        }
        Ok(self.expr(ExprKind::Error, span))
    }

    /// `"(" [ expression { "," expression } ] ")"`
    fn arguments(&mut self) -> R<Vec<ExprId>> {
        let base = self.list.len();
        let r = self.arguments_onto_list();
        self.take_list(base, r)
    }

    /// The elements of a list under construction go onto the `list` stack (lists nest:
    /// `f(g(a, b), c)`); this takes them off, also on failure, as an exact-size `Vec`.
    fn take_list(&mut self, base: usize, r: R<()>) -> R<Vec<ExprId>> {
        let elems = match r {
            Ok(()) => Ok(self.list[base..].to_vec()),
            Err(f) => Err(f),
        };
        self.list.truncate(base);
        elems
    }

    fn arguments_onto_list(&mut self) -> R<()> {
        self.consume(kind::LPAREN)?;
        if has(kind::EXPR_START, self.peek()) {
            let e = self.expression()?;
            self.list.push(e);
            loop {
                if self.peek() == kind::COMMA {
                    self.consume(kind::COMMA)?;
                    let e = self.expression()?;
                    self.list.push(e);
                } else {
                    self.record(set(&[kind::COMMA]));
                    break;
                }
            }
        } else {
            self.record(kind::EXPR_START);
        }
        self.consume(kind::RPAREN)?;
        Ok(())
    }

    /// `"new" prim-type array-part | "new" IDENT ( array-part | arguments )`
    fn allocation(&mut self) -> R<ExprId> {
        let start = self.nt;
        let ty = if self.la_new_primitive()? {
            self.consume(kind::NEW)?;
            let k = self.peek();
            self.bump()?;
            TypeName::Primitive(primitive(k).unwrap_or(PrimitiveType::Int))
        } else if self.peek() == kind::NEW {
            self.consume(kind::NEW)?;
            let i = self.consume(kind::IDENTIFIER)?;
            let class = self.ident(i);
            match self.peek() {
                kind::LBRACKET => TypeName::Class(class),
                kind::LPAREN => {
                    let args = self.arguments()?;
                    let span = self.span_from(start);
                    return Ok(self.expr(ExprKind::New { class, args }, span));
                }
                _ => return Err(self.fail_choice(set(&[kind::LPAREN, kind::LBRACKET]))),
            }
        } else {
            return Err(self.fail_choice(set(&[kind::NEW])));
        };
        // array-part
        if self.la_array_dims()? {
            self.consume(kind::LBRACKET)?;
            let len = self.expression()?;
            self.consume(kind::RBRACKET)?;
            let span = self.span_from(start);
            return Ok(self.expr(ExprKind::NewArray { ty, len }, span));
        }
        if self.peek() != kind::LBRACKET {
            return Err(self.fail_choice(set(&[kind::LBRACKET])));
        }
        self.consume(kind::LBRACKET)?;
        self.consume(kind::RBRACKET)?;
        let elems = self.array_initializer()?;
        let span = self.span_from(start);
        Ok(self.expr(ExprKind::NewArrayInit { ty, elems }, span))
    }

    /// `"{" [ expression { "," expression } ] [ "," ] "}"`
    fn array_initializer(&mut self) -> R<Vec<ExprId>> {
        let base = self.list.len();
        let r = self.array_initializer_onto_list();
        self.take_list(base, r)
    }

    fn array_initializer_onto_list(&mut self) -> R<()> {
        self.consume(kind::LBRACE)?;
        if has(kind::EXPR_START, self.peek()) {
            let e = self.expression()?;
            self.list.push(e);
            while self.la_init_comma()? {
                self.consume(kind::COMMA)?;
                let e = self.expression()?;
                self.list.push(e);
            }
        } else {
            self.record(kind::EXPR_START);
        }
        if self.peek() == kind::COMMA {
            self.consume(kind::COMMA)?;
        } else {
            self.record(set(&[kind::COMMA]));
        }
        self.consume(kind::RBRACE)?;
        Ok(())
    }
}
