//! Syntactic look-ahead, the JavaCC way.
//!
//! The reference decides a few choices by scanning ahead without building anything:
//! `Type IDENT` for a declaration (GUARD A), `IDENT [ "[" expression "]" ] assign-op`
//! for an assignment (GUARD B), and some two-token checks. In diagnostic mode we run
//! those scans exactly as JavaCC does (same order of alternatives, same token budget),
//! remember each one (its start, budget and how far it went), and when an error is
//! reported we re-scan the ones that went past the error and add the token sequences
//! they try to the expected list, bug included: JavaCC appends such a sequence only when
//! an identical one is already listed, which is where the reference's trailing second
//! `<IDENTIFIER>` comes from.
//!
//! In fast mode the look-aheads are plain token checks that agree with the scans on
//! every valid program.

use super::{Parser, SavedScan, R, RED_ZONE, STACK_GROWTH};
use crate::kind::{self, has, Kind};
use crate::MAX_DEPTH;

/// Why a scan stopped early.
pub(super) enum Stop {
    /// The token budget was used up with everything matching: the look-ahead succeeds.
    Success,
    /// The lexer failed, nesting went too deep or the scan budget ran out: the whole
    /// parse stops.
    Fatal,
}

/// `Ok(true)` means the scan failed to match (JavaCC's convention).
type S = Result<bool, Stop>;

/// JavaCC's budget for an unbounded look-ahead.
const UNBOUNDED: i64 = i32::MAX as i64;

impl<const DIAG: bool> Parser<'_, DIAG> {
    // ---- the look-ahead decisions -------------------------------------------------

    /// GUARD B: `IDENT [ "[" expression "]" ] assign-op`. `slot` tells the expression
    /// look-ahead (2) from the statement-expression one (7).
    pub(super) fn la_assignment(&mut self, slot: usize) -> R<bool> {
        if DIAG {
            return self.lookahead(slot, UNBOUNDED, |p| p.s_assignment_head());
        }
        if self.peek() != kind::IDENTIFIER {
            return Ok(false);
        }
        let after = match self.kind_at(self.nt + 1) {
            kind::LBRACKET => match self.matching_bracket(self.nt + 1) {
                Some(close) => close + 1,
                None => return Ok(false),
            },
            _ => self.nt + 1,
        };
        Ok(has(kind::ASSIGN_OPS, self.kind_at(after)))
    }

    /// GUARD A: `type IDENT`. `slot` is 6 for a block item, 8 for a `for` init.
    pub(super) fn la_declaration(&mut self, slot: usize) -> R<bool> {
        if DIAG {
            return self.lookahead(slot, UNBOUNDED, |p| {
                Ok(p.s_type()? || p.scan(kind::IDENTIFIER)?)
            });
        }
        let n = self.nt;
        Ok(has(kind::TYPE_START, self.kind_at(n))
            && (self.kind_at(n + 1) == kind::IDENTIFIER
                || (self.kind_at(n + 1) == kind::LBRACKET
                    && self.kind_at(n + 2) == kind::RBRACKET
                    && self.kind_at(n + 3) == kind::IDENTIFIER)))
    }

    /// `"." IDENT` continuing an import path.
    pub(super) fn la_import_part(&mut self) -> R<bool> {
        if DIAG {
            return self.lookahead(
                0,
                2,
                |p| Ok(p.scan(kind::DOT)? || p.scan(kind::IDENTIFIER)?),
            );
        }
        Ok(self.peek() == kind::DOT && self.kind_at(self.nt + 1) == kind::IDENTIFIER)
    }

    /// `"," expression` inside an array initialiser.
    pub(super) fn la_init_comma(&mut self) -> R<bool> {
        if DIAG {
            return self.lookahead(1, 2, |p| Ok(p.scan(kind::COMMA)? || p.s_expr()?));
        }
        Ok(self.peek() == kind::COMMA && has(kind::EXPR_START, self.kind_at(self.nt + 1)))
    }

    /// A primary suffix: `"[" expression` or `"." IDENT`.
    pub(super) fn la_suffix(&mut self) -> R<bool> {
        if DIAG {
            return self.lookahead(3, 2, |p| p.s_suffix());
        }
        Ok(match self.peek() {
            kind::LBRACKET => has(kind::EXPR_START, self.kind_at(self.nt + 1)),
            kind::DOT => self.kind_at(self.nt + 1) == kind::IDENTIFIER,
            _ => false,
        })
    }

    /// `"new" prim-type`.
    pub(super) fn la_new_primitive(&mut self) -> R<bool> {
        if DIAG {
            return self.lookahead(4, 2, |p| {
                Ok(p.scan(kind::NEW)? || p.s_prim_type()? || p.s_dims()?)
            });
        }
        Ok(self.peek() == kind::NEW && has(kind::PRIMITIVE_TYPES, self.kind_at(self.nt + 1)))
    }

    /// `"[" expression` after `new T`.
    pub(super) fn la_array_dims(&mut self) -> R<bool> {
        if DIAG {
            return self.lookahead(5, 2, |p| p.s_index());
        }
        Ok(self.peek() == kind::LBRACKET && has(kind::EXPR_START, self.kind_at(self.nt + 1)))
    }

    // ---- JavaCC's machinery -------------------------------------------------------

    /// Runs a look-ahead scan with a token budget and saves it for a later re-scan
    /// (JavaCC's `jj_2_N` and `jj_save`).
    fn lookahead(&mut self, slot: usize, budget: i64, f: fn(&mut Self) -> S) -> R<bool> {
        self.la = budget;
        self.scanpos = self.nt as isize - 1;
        self.lastpos = self.scanpos;
        let ok = match f(self) {
            Ok(failed) => !failed,
            Err(Stop::Success) => true,
            Err(Stop::Fatal) => return Err(super::Fail),
        };
        let chain = &mut self.saved[slot];
        let mut i = 0;
        loop {
            if i == chain.len() {
                chain.push(SavedScan::default());
                break;
            }
            if chain[i].gen <= self.gen {
                break;
            }
            i += 1;
        }
        chain[i] = SavedScan {
            gen: self.gen + budget - self.la,
            first: self.nt as isize - 1,
            arg: budget,
        };
        Ok(ok)
    }

    /// JavaCC's `jj_scan_token`.
    fn scan(&mut self, k: Kind) -> S {
        self.scan_steps += 1;
        if self.scan_steps > super::SCAN_BUDGET {
            self.gave_up = true;
            return Err(Stop::Fatal);
        }
        if self.scanpos == self.lastpos {
            self.la -= 1;
            let next = (self.scanpos + 1) as usize;
            if self.fetch(next).is_err() {
                return Err(Stop::Fatal);
            }
            self.scanpos += 1;
            self.lastpos = self.scanpos;
        } else {
            self.scanpos += 1;
        }
        if self.rescan {
            let current = self.nt as isize - 1;
            if self.scanpos >= current {
                self.add_error_token(k, (self.scanpos - current) as usize);
            }
        }
        if self.kind_at(self.scanpos as usize) != k {
            return Ok(true);
        }
        if self.la == 0 && self.scanpos == self.lastpos {
            return Err(Stop::Success);
        }
        Ok(false)
    }

    /// Tries `f`; on failure puts the scan position back (an optional part).
    fn opt(&mut self, f: fn(&mut Self) -> S) -> Result<(), Stop> {
        let save = self.scanpos;
        if f(self)? {
            self.scanpos = save;
        }
        Ok(())
    }

    /// Repeats `f` until it fails (a `( ... )*` loop).
    fn many(&mut self, f: fn(&mut Self) -> S) -> Result<(), Stop> {
        loop {
            let save = self.scanpos;
            if f(self)? {
                self.scanpos = save;
                return Ok(());
            }
        }
    }

    /// Tries the alternatives in order; fails if all do.
    fn alt(&mut self, alts: &[fn(&mut Self) -> S]) -> S {
        let save = self.scanpos;
        for f in alts {
            if !f(self)? {
                return Ok(false);
            }
            self.scanpos = save;
        }
        Ok(true)
    }

    fn any_of(&mut self, kinds: &[Kind]) -> S {
        let save = self.scanpos;
        for &k in kinds {
            if !self.scan(k)? {
                return Ok(false);
            }
            self.scanpos = save;
        }
        Ok(true)
    }

    /// JavaCC's `jj_add_error_token`, with its duplicate-check bug.
    fn add_error_token(&mut self, k: Kind, pos: usize) {
        if pos >= 100 {
            return;
        }
        if pos == self.endpos + 1 {
            self.last_tokens[self.endpos] = k;
            self.endpos += 1;
        } else if self.endpos != 0 {
            self.flush_sequence();
            if pos != 0 {
                self.endpos = pos;
                self.last_tokens[pos - 1] = k;
            }
        }
    }

    fn flush_sequence(&mut self) {
        let seq = &self.last_tokens[..self.endpos];
        // Only single-token sequences exist in the list, so only those can be repeated.
        if let [k] = seq {
            let k = *k;
            if self.expected_buf.contains(&k) {
                self.expected_buf.push(k);
            }
        }
    }

    /// Re-scans the saved look-aheads that went past the error (JavaCC's
    /// `jj_rescan_token`) and appends what they add to `expected`.
    pub(super) fn rescan_saved(&mut self, expected: &mut Vec<Kind>) {
        self.expected_buf = std::mem::take(expected);
        self.endpos = 0;
        self.rescan = true;
        for slot in 0..9 {
            let mut i = 0;
            while i < self.saved[slot].len() {
                let c = self.saved[slot][i];
                i += 1;
                if c.gen <= self.gen {
                    continue;
                }
                self.la = c.arg;
                self.scanpos = c.first;
                self.lastpos = c.first;
                let r = match slot {
                    0 => self
                        .scan(kind::DOT)
                        .and_then(|f| Ok(f || self.scan(kind::IDENTIFIER)?)),
                    1 => self.scan(kind::COMMA).and_then(|f| Ok(f || self.s_expr()?)),
                    2 | 7 => self.s_assignment_head(),
                    3 => self.s_suffix(),
                    4 => self
                        .scan(kind::NEW)
                        .and_then(|f| Ok(f || self.s_prim_type()? || self.s_dims()?)),
                    5 => self.s_index(),
                    _ => self
                        .s_type()
                        .and_then(|f| Ok(f || self.scan(kind::IDENTIFIER)?)),
                };
                if r.is_err() {
                    // A look-ahead success ends this slot's re-scan (as in JavaCC).
                    break;
                }
            }
        }
        self.rescan = false;
        if self.endpos != 0 {
            self.flush_sequence();
        }
        *expected = std::mem::take(&mut self.expected_buf);
    }

    // ---- the scanning grammar (mirrors the productions) ---------------------------

    fn s_assignment_head(&mut self) -> S {
        Ok(self.scan(kind::IDENTIFIER)? || {
            self.opt(Self::s_index)?;
            self.s_assign_op()?
        })
    }

    fn s_assign_op(&mut self) -> S {
        self.any_of(&[
            kind::ASSIGN,
            kind::STARASSIGN,
            kind::SLASHASSIGN,
            kind::REMASSIGN,
            kind::PLUSASSIGN,
            kind::MINUSASSIGN,
        ])
    }

    /// `"[" expression "]"`
    fn s_index(&mut self) -> S {
        Ok(self.scan(kind::LBRACKET)? || self.s_expr()? || self.scan(kind::RBRACKET)?)
    }

    fn s_prim_type(&mut self) -> S {
        self.any_of(&[
            kind::BOOLEAN,
            kind::INT,
            kind::LONG,
            kind::FLOAT,
            kind::DOUBLE,
        ])
    }

    fn s_type(&mut self) -> S {
        if self.alt(&[Self::s_prim_type, |p| p.scan(kind::IDENTIFIER)])? {
            return Ok(true);
        }
        self.opt(|p| Ok(p.scan(kind::LBRACKET)? || p.scan(kind::RBRACKET)?))?;
        Ok(false)
    }

    fn s_expr(&mut self) -> S {
        self.scan_depth += 1;
        if self.scan_depth > MAX_DEPTH {
            self.scan_depth -= 1;
            let _ = self.too_deep();
            return Err(Stop::Fatal);
        }
        let r = stacker::maybe_grow(RED_ZONE, STACK_GROWTH, || {
            self.alt(&[
                |p| Ok(p.s_assignment_head()? || p.s_expr()?),
                Self::s_conditional,
            ])
        });
        self.scan_depth -= 1;
        r
    }

    fn s_conditional(&mut self) -> S {
        if self.s_binary(0)? {
            return Ok(true);
        }
        self.opt(|p| {
            Ok(p.scan(kind::HOOK)? || p.s_expr()? || p.scan(kind::COLON)? || p.s_expr()?)
        })?;
        Ok(false)
    }

    fn s_binary(&mut self, level: usize) -> S {
        const OPS: [&[Kind]; 6] = [
            &[kind::SC_OR],
            &[kind::SC_AND],
            &[kind::EQ, kind::NE],
            &[kind::LT, kind::GT, kind::LE, kind::GE],
            &[kind::PLUS, kind::MINUS],
            &[kind::STAR, kind::SLASH, kind::REM],
        ];
        let operand = |p: &mut Self| {
            if level == 5 {
                p.s_unary()
            } else {
                p.s_binary(level + 1)
            }
        };
        if operand(self)? {
            return Ok(true);
        }
        loop {
            let save = self.scanpos;
            // Each operator is its own alternative, operand included.
            let mut matched = false;
            for &op in OPS[level] {
                if !(self.scan(op)? || operand(self)?) {
                    matched = true;
                    break;
                }
                self.scanpos = save;
            }
            if !matched {
                self.scanpos = save;
                return Ok(false);
            }
        }
    }

    fn s_unary(&mut self) -> S {
        let save = self.scanpos;
        for op in [kind::MINUS, kind::PLUS, kind::BANG] {
            if !(self.scan(op)? || self.s_unary_nested()?) {
                return Ok(false);
            }
            self.scanpos = save;
        }
        self.s_primary()
    }

    fn s_unary_nested(&mut self) -> S {
        self.scan_depth += 1;
        if self.scan_depth > MAX_DEPTH {
            self.scan_depth -= 1;
            let _ = self.too_deep();
            return Err(Stop::Fatal);
        }
        let r = stacker::maybe_grow(RED_ZONE, STACK_GROWTH, || self.s_unary());
        self.scan_depth -= 1;
        r
    }

    fn s_primary(&mut self) -> S {
        if self.s_prefix()? {
            return Ok(true);
        }
        self.many(Self::s_suffix)?;
        Ok(false)
    }

    fn s_prefix(&mut self) -> S {
        self.alt(&[
            |p| {
                p.any_of(&[
                    kind::INTEGER_LITERAL,
                    kind::FLOATING_POINT_LITERAL,
                    kind::STRING_LITERAL,
                    kind::TRUE,
                    kind::FALSE,
                    kind::NULL,
                ])
            },
            |p| Ok(p.scan(kind::LPAREN)? || p.s_expr()? || p.scan(kind::RPAREN)?),
            Self::s_allocation,
            |p| p.scan(kind::IDENTIFIER),
        ])
    }

    fn s_allocation(&mut self) -> S {
        self.alt(&[
            |p| Ok(p.scan(kind::NEW)? || p.s_prim_type()? || p.s_dims()?),
            |p| {
                Ok(p.scan(kind::NEW)?
                    || p.scan(kind::IDENTIFIER)?
                    || p.alt(&[Self::s_dims, Self::s_arguments])?)
            },
        ])
    }

    /// `"[" expression "]" | "[" "]" array-init`
    fn s_dims(&mut self) -> S {
        self.alt(&[Self::s_index, |p| {
            Ok(p.scan(kind::LBRACKET)? || p.scan(kind::RBRACKET)? || p.s_array_init()?)
        }])
    }

    fn s_array_init(&mut self) -> S {
        if self.scan(kind::LBRACE)? {
            return Ok(true);
        }
        self.opt(|p| {
            if p.s_expr()? {
                return Ok(true);
            }
            p.many(|p| Ok(p.scan(kind::COMMA)? || p.s_expr()?))?;
            Ok(false)
        })?;
        self.opt(|p| p.scan(kind::COMMA))?;
        self.scan(kind::RBRACE)
    }

    fn s_arguments(&mut self) -> S {
        if self.scan(kind::LPAREN)? {
            return Ok(true);
        }
        self.opt(|p| {
            if p.s_expr()? {
                return Ok(true);
            }
            p.many(|p| Ok(p.scan(kind::COMMA)? || p.s_expr()?))?;
            Ok(false)
        })?;
        self.scan(kind::RPAREN)
    }

    /// `"[" expression "]" | "." IDENT [ arguments ]`
    fn s_suffix(&mut self) -> S {
        self.alt(&[Self::s_index, |p| {
            if p.scan(kind::DOT)? || p.scan(kind::IDENTIFIER)? {
                return Ok(true);
            }
            p.opt(Self::s_arguments)?;
            Ok(false)
        }])
    }
}
