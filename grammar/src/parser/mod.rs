//! The parser: hand-written recursive descent that follows the reference grammar's
//! productions and decision points one for one.
//!
//! It runs in one of two modes, chosen by the `DIAG` const parameter:
//!
//! * **fast** (`DIAG = false`): builds the tree, decides the two unbounded syntactic
//!   look-aheads (GUARD A/B of §3.1) with cheap token checks that agree with the
//!   reference on every valid program, and recovers from errors (synchronising on `;`,
//!   `}` and statement keywords) so that all errors are collected;
//! * **diagnostic** (`DIAG = true`): run only when the fast pass found an error. It does
//!   JavaCC's bookkeeping exactly (consumed-token generation counter, one-token choice
//!   points that fall through, saved syntactic look-aheads and their re-scan, lazy
//!   lexing) and stops at the first error, whose text is then exactly the reference's.
//!
//! Both modes record the token sets of choice points that fall through, so even the
//! later errors of the fast pass get the reference's message format with a sensible
//! "Was expecting" list.

mod rules;
mod scan;

use crate::ast::*;
use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::javacc;
use crate::kind::{self, Kind, KindSet};
use crate::lexer::{FrontError, Lexed, Tok};
use crate::source::Source;
use crate::MAX_DEPTH;
use std::cell::Cell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Unwinding signal: an error was recorded (fast mode) or the parse is over (diagnostic).
#[derive(Debug)]
pub(crate) struct Fail;

pub(crate) type R<T> = Result<T, Fail>;

/// Stack the parser wants left before it recurses, and how much to add when short.
const RED_ZONE: usize = 128 * 1024;
const STACK_GROWTH: usize = 2 * 1024 * 1024;

/// Up to this many distinct names, identifiers are interned by linear search.
const LINEAR_SYMBOLS: usize = 24;

/// The most errors one parse reports; past it the parser stops.
pub(crate) const MAX_ERRORS: usize = 100;

/// A saved syntactic look-ahead (JavaCC's `JJCalls`).
#[derive(Clone, Copy, Default, Debug)]
struct SavedScan {
    gen: i64,
    first: isize,
    arg: i64,
}

/// FNV-1a: identifiers are short, so a simple hash beats SipHash here.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3);
        }
        self.0 = h;
    }
}

pub(crate) struct Parser<'s, const DIAG: bool> {
    src: &'s Source<'s>,
    text: &'s str,
    toks: &'s [Tok],
    /// The decoded offsets are the original ones (the text has no `\u` escape), so
    /// spans need no mapping.
    same_offsets: bool,
    /// Diagnostic mode: fetching this token index raises the lexer's first error.
    stop: Option<&'s (usize, FrontError)>,
    /// Index of the next token (JavaCC's `jj_nt`); the current token is `nt - 1`.
    nt: usize,
    /// JavaCC's `jj_gen`: the number of tokens consumed.
    gen: i64,
    /// Union of the token sets of choice points that fell through at generation `exp_gen`.
    exp_set: KindSet,
    exp_gen: i64,
    /// The kind a failed `consume` wanted (JavaCC's `jj_kind`).
    kind_err: Option<Kind>,
    depth: u32,
    // Diagnostic-mode look-ahead state (JavaCC's jj_scanpos, jj_lastpos, jj_la, ...).
    saved: [Vec<SavedScan>; 9],
    scanpos: isize,
    lastpos: isize,
    la: i64,
    rescan: bool,
    last_tokens: [Kind; 100],
    endpos: usize,
    expected_buf: Vec<Kind>,
    scan_depth: u32,
    /// Tokens scanned by look-aheads so far (see [`SCAN_BUDGET`]).
    scan_steps: u64,
    /// The look-aheads used up [`SCAN_BUDGET`]: the diagnostic pass gave up.
    gave_up: bool,
    // Output.
    pub prog: Program,
    /// The symbols by name once there are more than [`LINEAR_SYMBOLS`].
    names: HashMap<&'s str, Symbol, BuildHasherDefault<Fnv>>,
    pub errors: Vec<SyntaxError>,
    /// Diagnostic mode: the first error.
    pub fatal: Option<SyntaxError>,
    last_error_tok: usize,
    abort: bool,
    brackets: Option<Vec<u32>>,
    /// How many more tokens `matching_bracket` may scan before it builds `brackets`.
    bracket_scan_budget: usize,
    /// Elements of the argument lists and array initialisers under construction.
    list: Vec<ExprId>,
}

impl<'s, const DIAG: bool> Parser<'s, DIAG> {
    pub fn new(src: &'s Source<'s>, lexed: &'s Lexed) -> Self {
        let toks = &lexed.toks[..];
        let (exprs, stmts) = if DIAG { (0, 0) } else { node_bounds(toks) };
        Parser {
            src,
            text: &src.text,
            toks,
            same_offsets: src.same_offsets(),
            stop: if DIAG { lexed.stop.as_ref() } else { None },
            nt: 0,
            gen: 0,
            exp_set: 0,
            exp_gen: -1,
            kind_err: None,
            depth: 0,
            saved: Default::default(),
            scanpos: 0,
            lastpos: 0,
            la: 0,
            rescan: false,
            last_tokens: [0; 100],
            endpos: 0,
            expected_buf: Vec::new(),
            scan_depth: 0,
            prog: Program {
                exprs: Vec::with_capacity(exprs),
                stmts: Vec::with_capacity(stmts),
                // Also the stack of the items of open blocks (see `block_items`).
                items: Vec::with_capacity(stmts),
                // Names and literals are ranges of the program text (see `intern`).
                texts: if DIAG {
                    String::new()
                } else {
                    String::from(&*src.text)
                },
                // Programs mention a handful of names; growing from empty reallocates.
                symbols: Vec::with_capacity(if DIAG { 0 } else { 8 }),
                ..Program::default()
            },
            names: HashMap::default(),
            errors: Vec::new(),
            fatal: None,
            scan_steps: 0,
            gave_up: false,
            last_error_tok: usize::MAX,
            abort: false,
            brackets: None,
            bracket_scan_budget: toks.len(),
            list: Vec::new(),
        }
    }

    // ---- tokens -------------------------------------------------------------------

    /// The token at `i`; past the end, the end-of-file token (JavaCC keeps returning it).
    fn tok(&self, i: usize) -> Tok {
        match self.toks.get(i) {
            Some(&t) => t,
            None => self.toks[self.toks.len() - 1],
        }
    }

    /// The kind of the token at `i` (the tokens end with the end-of-file token).
    fn kind_at(&self, i: usize) -> Kind {
        self.toks.get(i).map_or(kind::EOF, |t| t.kind)
    }

    /// Kind of the next token.
    fn peek(&self) -> Kind {
        self.kind_at(self.nt)
    }

    fn text_of(&self, t: Tok) -> &'s str {
        &self.text[t.start as usize..t.end as usize]
    }

    fn span_of(&self, t: Tok) -> Span {
        if self.same_offsets {
            return Span::new(t.start, t.end);
        }
        Span::new(
            self.src.original_offset(t.start),
            self.src.original_offset(t.end),
        )
    }

    fn span_at(&self, i: usize) -> Span {
        self.span_of(self.tok(i))
    }

    /// An empty span where the next token starts.
    fn here(&self) -> Span {
        let s = self.src.original_offset(self.tok(self.nt).start);
        Span::new(s, s)
    }

    /// Span from token `i` to the last consumed token.
    fn span_from(&self, i: usize) -> Span {
        let start = self.span_at(i);
        if self.nt > i {
            start.to(self.span_at(self.nt - 1))
        } else {
            Span::new(start.start, start.start)
        }
    }

    /// Makes the lexer produce token `i` (diagnostic mode: raises the lexer's first error
    /// when `i` is where the reference's lexer would hit it).
    fn fetch(&mut self, i: usize) -> R<()> {
        if let Some((at, e)) = self.stop {
            if i >= *at {
                self.fatal = Some(crate::front_error(self.src, e));
                return Err(Fail);
            }
        }
        Ok(())
    }

    /// JavaCC's `jj_consume_token`: fetches the token after the next one, then checks.
    fn consume(&mut self, k: Kind) -> R<usize> {
        if DIAG {
            self.fetch(self.nt + 1)?;
        }
        if self.peek() == k {
            self.nt += 1;
            self.gen += 1;
            Ok(self.nt - 1)
        } else {
            self.kind_err = Some(k);
            Err(self.parse_error())
        }
    }

    /// Consumes the next token whatever it is (used after a choice point matched it).
    fn bump(&mut self) -> R<usize> {
        let k = self.peek();
        self.consume(k)
    }

    /// A one-token choice point fell through to its default branch.
    fn record(&mut self, set: KindSet) {
        if self.exp_gen != self.gen {
            self.exp_gen = self.gen;
            self.exp_set = 0;
        }
        self.exp_set |= set;
    }

    /// A choice point with no default branch failed (JavaCC's `jj_consume_token(-1)`).
    fn fail_choice(&mut self, set: KindSet) -> Fail {
        self.record(set);
        if DIAG {
            if let Err(f) = self.fetch(self.nt + 1) {
                return f;
            }
        }
        self.kind_err = None;
        self.parse_error()
    }

    // ---- errors -------------------------------------------------------------------

    fn parse_error(&mut self) -> Fail {
        let mut set = if self.exp_gen == self.gen {
            self.exp_set
        } else {
            0
        };
        if let Some(k) = self.kind_err.take() {
            set |= 1 << k;
        }
        let mut expected: Vec<Kind> = javacc::kinds_of(set).collect();
        if DIAG {
            self.rescan_saved(&mut expected);
        }
        let t = self.tok(self.nt);
        let pos = if t.kind == kind::EOF {
            self.src.eof_line_col()
        } else {
            self.src.line_col(t.start)
        };
        let message = javacc::parse_exception(t.kind, self.text_of(t), pos, &expected);
        let span = self.span_of(t);
        self.report(SyntaxErrorKind::Parse, message, span)
    }

    /// Records an error at the next token. Fast mode drops a second error at the same
    /// token (it is nearly always a consequence of the first).
    fn report(&mut self, kind: SyntaxErrorKind, message: String, span: Span) -> Fail {
        let e = SyntaxError {
            kind,
            message,
            span,
        };
        if DIAG {
            if self.fatal.is_none() {
                self.fatal = Some(e);
            }
        } else if self.last_error_tok != self.nt {
            self.last_error_tok = self.nt;
            self.errors.push(e);
            if self.errors.len() >= MAX_ERRORS {
                self.abort = true;
            }
        }
        Fail
    }

    fn too_deep(&mut self) -> Fail {
        let message = format!(
            "Program nested too deeply: more than {MAX_DEPTH} levels of parentheses, \
             operators, blocks or statements"
        );
        let span = self.span_at(self.nt);
        let f = self.report(SyntaxErrorKind::TooDeep, message, span);
        self.abort = true;
        f
    }

    /// Counts one level of nesting.
    fn enter(&mut self) -> R<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            return Err(self.too_deep());
        }
        Ok(())
    }

    // ---- tree building ------------------------------------------------------------

    fn expr(&mut self, kind: ExprKind, span: Span) -> ExprId {
        self.prog.exprs.push(Expr { kind, span });
        ExprId(self.prog.exprs.len() as u32 - 1)
    }

    fn stmt(&mut self, kind: StmtKind, span: Span) -> StmtId {
        self.prog.stmts.push(Stmt { kind, span });
        StmtId(self.prog.stmts.len() as u32 - 1)
    }

    fn espan(&self, e: ExprId) -> Span {
        self.prog.exprs[e.0 as usize].span
    }

    // Inlined into its callers (a token copy and a span), with the interning out of
    // line: 28 fewer instructions per parse than a call to both.
    #[inline]
    fn ident(&mut self, i: usize) -> Ident {
        let t = self.tok(i);
        let sym = self.intern(t);
        Ident {
            sym,
            span: self.span_of(t),
        }
    }

    /// The symbol for the name token `t`. A new name's text is the token's range of
    /// the program text, which `prog.texts` starts with. Programs mention few names,
    /// so a linear search over the symbol table is fastest; a hash map takes over past
    /// [`LINEAR_SYMBOLS`] names.
    #[inline(never)]
    fn intern(&mut self, t: Tok) -> Symbol {
        let text = self.text;
        let name = &text[t.start as usize..t.end as usize];
        let symbols = &mut self.prog.symbols;
        if symbols.len() <= LINEAR_SYMBOLS {
            // Most names differ in length or first byte: test those before `memcmp`.
            let (len, first) = (name.len(), name.as_bytes()[0]);
            if let Some(i) = symbols.iter().position(|&(s, e)| {
                (e - s) as usize == len
                    && text.as_bytes()[s as usize] == first
                    && text[s as usize..e as usize] == *name
            }) {
                return Symbol(i as u32);
            }
            symbols.push((t.start, t.end));
            if symbols.len() > LINEAR_SYMBOLS {
                for (i, &(s, e)) in symbols.iter().enumerate() {
                    self.names
                        .insert(&text[s as usize..e as usize], Symbol(i as u32));
                }
            }
            return Symbol(symbols.len() as u32 - 1);
        }
        if let Some(&sym) = self.names.get(name) {
            return sym;
        }
        let sym = Symbol(symbols.len() as u32);
        symbols.push((t.start, t.end));
        self.names.insert(name, sym);
        sym
    }

    // ---- recovery (fast mode) -----------------------------------------------------

    /// After a failed block item starting at token `start`: skips to a point where
    /// parsing can resume and returns a placeholder statement for what was skipped.
    fn recover(&mut self, start: usize) -> StmtId {
        loop {
            match self.peek() {
                kind::EOF | kind::RBRACE => break,
                kind::SEMICOLON => {
                    self.nt += 1;
                    break;
                }
                // `new long[2]{1}`: the `{` the error is at continues the failed
                // expression (an initialiser after a dimension); read as a block it
                // would only add errors, so it is skipped with what it encloses.
                kind::LBRACE
                    if self.nt == self.last_error_tok
                        && self.nt > 0
                        && self.tok(self.nt - 1).kind == kind::RBRACKET =>
                {
                    self.skip_braces();
                }
                kind::IF
                | kind::WHILE
                | kind::FOR
                | kind::RETURN
                | kind::THROW
                | kind::BREAK
                | kind::CONTINUE
                | kind::LBRACE
                    if self.nt > start =>
                {
                    break
                }
                _ => self.nt += 1,
            }
        }
        let span = self.span_from(start);
        self.stmt(StmtKind::Error, span)
    }

    /// Skips from a `{` past its matching `}` (or to the end of input).
    fn skip_braces(&mut self) {
        let mut depth = 0usize;
        loop {
            match self.peek() {
                kind::EOF => return,
                kind::LBRACE => depth += 1,
                kind::RBRACE => {
                    depth -= 1;
                    if depth == 0 {
                        self.nt += 1;
                        return;
                    }
                }
                _ => {}
            }
            self.nt += 1;
        }
    }

    /// The `[` at token `i`'s matching `]`, if any. Most programs ask about a few short
    /// `a[...]`, so a forward scan answers first; once the scans have walked as many
    /// tokens as the program has, a table of all matches (built in one pass) takes
    /// over, which keeps the total work linear. Both give the match of the usual
    /// stack pairing: the first `]` after `i` that brings the nesting back to zero.
    fn matching_bracket(&mut self, i: usize) -> Option<usize> {
        if self.brackets.is_none() && self.bracket_scan_budget > 0 {
            if self.toks.get(i)?.kind != kind::LBRACKET {
                return None;
            }
            let mut depth = 0usize;
            for (j, t) in self.toks.iter().enumerate().skip(i) {
                match t.kind {
                    kind::LBRACKET => depth += 1,
                    kind::RBRACKET => {
                        depth -= 1;
                        if depth == 0 {
                            self.bracket_scan_budget =
                                self.bracket_scan_budget.saturating_sub(j - i + 1);
                            return Some(j);
                        }
                    }
                    _ => {}
                }
            }
            // Unmatched: the scan went to the end, as a table would say.
            self.bracket_scan_budget = self.bracket_scan_budget.saturating_sub(self.toks.len() - i);
            return None;
        }
        if self.brackets.is_none() {
            let mut table = vec![u32::MAX; self.toks.len()];
            let mut stack = Vec::new();
            for (j, t) in self.toks.iter().enumerate() {
                match t.kind {
                    kind::LBRACKET => stack.push(j),
                    kind::RBRACKET => {
                        if let Some(o) = stack.pop() {
                            table[o] = j as u32;
                        }
                    }
                    _ => {}
                }
            }
            self.brackets = Some(table);
        }
        let m = *self.brackets.as_ref()?.get(i)?;
        (m != u32::MAX).then_some(m as usize)
    }
}

/// How each token kind counts towards [`node_bounds`]: 1 if the kind can own an
/// expression node, plus 2^32 if it can own a statement node (so one addition per
/// token counts both).
const NODE_CLASS: [u64; 128] = {
    let expr = kind::LITERALS
        | kind::ASSIGN_OPS
        | kind::EQUALITY_OPS
        | kind::RELATIONAL_OPS
        | kind::ADDITIVE_OPS
        | kind::MULTIPLICATIVE_OPS
        | kind::set(&[
            kind::IDENTIFIER,
            kind::LPAREN,
            kind::HOOK,
            kind::SC_OR,
            kind::SC_AND,
            kind::BANG,
            kind::DOT,
            kind::LBRACKET,
            kind::NEW,
        ]);
    let stmt = kind::set(&[
        kind::SEMICOLON,
        kind::LBRACE,
        kind::IF,
        kind::WHILE,
        kind::FOR,
    ]);
    let mut t = [0; 128];
    let mut k = 0;
    while k < 128 {
        t[k] = kind::has(expr, k as Kind) as u64 | (kind::has(stmt, k as Kind) as u64) << 32;
        k += 1;
    }
    t
};

/// Capacities for the node arenas: every expression node owns a token of its own (a
/// literal or name, an operator, the `(` of a parenthesis, the `.` of a call, ...) and
/// so does every statement (its `;`, `{` or keyword), so counting those tokens bounds
/// both arenas of a valid program without over-allocating much. (Error recovery can
/// add nodes; the arenas then grow as usual.)
fn node_bounds(toks: &[Tok]) -> (usize, usize) {
    // Neither count can reach 2^32: the lexer's offsets are `u32`.
    let counts: u64 = toks
        .iter()
        .map(|t| NODE_CLASS[(t.kind & 127) as usize])
        .sum();
    (counts as u32 as usize, (counts >> 32) as usize)
}

/// Most tokens the diagnostic pass's look-aheads may scan. JavaCC's nested unbounded
/// look-aheads take time exponential in the nesting of unclosed brackets
/// (`a[b[c[...` a few dozen deep scans for hours); the reference's texts are only worth
/// matching within bounded time. Real programs scan a few thousand tokens at most.
pub(crate) const SCAN_BUDGET: u64 = 200_000;

/// The diagnostic pass's look-aheads ran out of [`SCAN_BUDGET`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GaveUp;

/// Runs the parser in `DIAG` mode and returns its first error, or [`GaveUp`] when the
/// look-aheads ran out of [`SCAN_BUDGET`] (the fast pass's errors stand then).
pub(crate) fn first_error(src: &Source, lexed: &Lexed) -> Result<Option<SyntaxError>, GaveUp> {
    let mut p = Parser::<true>::new(src, lexed);
    let _ = p.execute();
    if p.gave_up {
        return Err(GaveUp);
    }
    Ok(p.fatal)
}

thread_local! {
    /// The list stack of this thread's last fast parse, reused by the next one (it is
    /// empty between parses; most parses need one, and a fresh one is an allocation).
    static LIST: Cell<Vec<ExprId>> = const { Cell::new(Vec::new()) };
}

/// Runs the fast parser.
pub(crate) fn parse_fast<'s>(src: &'s Source<'s>, lexed: &'s Lexed) -> (Program, Vec<SyntaxError>) {
    let mut p = Parser::<false>::new(src, lexed);
    p.list = LIST.take();
    let _ = p.execute();
    let mut list = std::mem::take(&mut p.list);
    if list.capacity() <= 1024 {
        list.clear();
        LIST.set(list);
    }
    (p.prog, p.errors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexer::lex;

    /// The forward scan of `matching_bracket` agrees with the table it falls back to.
    #[test]
    fn bracket_scan_matches_table() {
        // Every sequence of up to 7 tokens from `[`, `]` and `a`.
        for n in 0..=7u32 {
            for code in 0..3u32.pow(n) {
                let mut text = String::new();
                let mut c = code;
                for _ in 0..n {
                    text.push_str(["[ ", "] ", "a "][(c % 3) as usize]);
                    c /= 3;
                }
                let src = Source::new(&text);
                let lexed = lex(&src);
                let mut scan = Parser::<false>::new(&src, &lexed);
                let mut table = Parser::<false>::new(&src, &lexed);
                table.bracket_scan_budget = 0;
                for i in 0..lexed.toks.len() + 1 {
                    scan.bracket_scan_budget = usize::MAX;
                    assert_eq!(
                        scan.matching_bracket(i),
                        table.matching_bracket(i),
                        "{text:?} at {i}"
                    );
                }
            }
        }
    }
}
