//! Translation of `java.util.regex` syntax into fancy-regex syntax.
//!
//! The output never relies on Rust's flags or on Rust's definitions of `.`, `^`, `$`,
//! `\d`, `\s`, `\w`, `\b` (they differ from Java's): every construct is spelled out
//! explicitly, and Java's inline flags are applied while translating (with Java's
//! scoping: `(?i)` lasts until the end of the enclosing group).
//! Syntax errors are reported like Java's `PatternSyntaxException` messages.

mod class;
mod escape;

use super::props;
use crate::error::{ErrorKind, SelError};

pub(super) struct Translated {
    pub pattern: String,
    pub group_count: usize,
    /// Named groups and their numbers.
    pub names: Vec<(String, usize)>,
}

#[derive(Clone, Copy, Default)]
struct Flags {
    case_insensitive: bool,
    multiline: bool,
    dotall: bool,
    comments: bool,
    unicode_case: bool,
    unix_lines: bool,
    unicode_classes: bool,
}

struct Tr<'a> {
    java: &'a str,
    chars: Vec<char>,
    pos: usize,
    out: String,
    flags: Flags,
    groups_opened: usize,
    /// Total number of groups (known in the second pass; backreferences to groups the
    /// pattern does not have never match in Java).
    total_groups: usize,
    names: Vec<(String, usize)>,
    /// Set whenever something that consumes input is emitted; used to spot quantified
    /// zero-width atoms (`(?=x)*`), which Java allows and fancy-regex rejects.
    consumed: bool,
}

/// Line terminators (Java's, or just `\n` with UNIX_LINES), as class contents.
fn terminators(unix: bool) -> &'static str {
    if unix {
        r"\n"
    } else {
        r"\n\r\x{85}\x{2028}\x{2029}"
    }
}

/// A char as Rust regex text, safe inside and outside classes.
fn esc(c: char) -> String {
    if c.is_ascii_alphanumeric() || c == '_' || !c.is_ascii() {
        c.to_string()
    } else {
        format!(r"\x{{{:x}}}", c as u32)
    }
}

pub(super) fn translate(java: &str) -> Result<Translated, SelError> {
    // First pass counts the groups (Java resolves `\7` against the whole pattern).
    let first = Tr::new(java, usize::MAX).run()?;
    let total = first.group_count;
    Tr::new(java, total).run()
}

impl<'a> Tr<'a> {
    fn new(java: &'a str, total_groups: usize) -> Self {
        Tr {
            java,
            chars: java.chars().collect(),
            pos: 0,
            out: String::with_capacity(java.len() * 2),
            flags: Flags::default(),
            groups_opened: 0,
            total_groups,
            names: Vec::new(),
            consumed: false,
        }
    }

    fn run(mut self) -> Result<Translated, SelError> {
        self.expr()?;
        if self.pos < self.chars.len() {
            // Only an unmatched ')' stops the top-level expression early.
            return Err(self.error("Unmatched closing ')'", self.pos as i64 - 1));
        }
        Ok(Translated {
            pattern: self.out,
            group_count: self.groups_opened,
            names: self.names,
        })
    }

    /// A `PatternSyntaxException` message: description, ` near index N` (UTF-16 index,
    /// omitted when negative), the pattern, and a caret line when the index is inside it.
    fn error(&self, desc: &str, char_index: i64) -> SelError {
        let mut msg = desc.to_string();
        let mut caret = None;
        if char_index >= 0 {
            let ci = (char_index as usize).min(self.chars.len());
            let idx: usize = self.chars[..ci].iter().map(|c| c.len_utf16()).sum();
            msg.push_str(&format!(" near index {idx}"));
            if ci < self.chars.len() {
                let pad: String = self.chars[..ci]
                    .iter()
                    .flat_map(|&c| {
                        std::iter::repeat_n(if c == '\t' { '\t' } else { ' ' }, c.len_utf16())
                    })
                    .collect();
                caret = Some(pad + "^");
            }
        }
        msg.push('\n');
        msg.push_str(self.java);
        if let Some(c) = caret {
            msg.push('\n');
            msg.push_str(&c);
        }
        SelError::new(ErrorKind::PatternSyntaxException, msg)
    }

    /// A Java construct the Rust engines cannot express.
    fn unsupported(&self, what: &str, at: usize) -> SelError {
        self.error(
            &format!("Unsupported regex construct {what} (not available in this implementation)"),
            at as i64,
        )
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek_at(&self, k: usize) -> Option<char> {
        self.chars.get(self.pos + k).copied()
    }

    /// In COMMENTS mode, skips white space and `#` comments.
    fn skip_comments(&mut self) {
        if !self.flags.comments {
            return;
        }
        while let Some(c) = self.peek() {
            if matches!(c, ' ' | '\t' | '\n' | '\u{b}' | '\u{c}' | '\r') {
                self.pos += 1;
            } else if c == '#' {
                while let Some(c) = self.peek() {
                    if c == '\n' || (!self.flags.unix_lines && c == '\r') {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    fn expr(&mut self) -> Result<(), SelError> {
        loop {
            self.sequence()?;
            if self.peek() == Some('|') {
                self.pos += 1;
                self.out.push('|');
            } else {
                return Ok(());
            }
        }
    }

    fn sequence(&mut self) -> Result<(), SelError> {
        loop {
            self.skip_comments();
            let Some(c) = self.peek() else { return Ok(()) };
            if c == '|' || c == ')' {
                return Ok(());
            }
            let atom_start = self.out.len();
            let outer_consumed = std::mem::replace(&mut self.consumed, false);
            match c {
                '(' => self.group()?,
                '[' => {
                    let class = self.class()?;
                    self.push_class(&class);
                }
                '\\' => {
                    if let Some(start) = self.escape()? {
                        // After \Q…\E a quantifier applies to the last quoted char.
                        self.quantifier(start)?;
                        self.consumed |= outer_consumed;
                        continue;
                    }
                }
                '^' => {
                    self.pos += 1;
                    self.caret();
                }
                '$' => {
                    self.pos += 1;
                    self.dollar();
                }
                '.' => {
                    self.pos += 1;
                    self.consumed = true;
                    if self.flags.dotall {
                        self.out.push_str(r"[\x00-\x{10FFFF}]");
                    } else {
                        let t = terminators(self.flags.unix_lines);
                        self.out.push_str(&format!("[^{t}]"));
                    }
                }
                '*' | '+' | '?' => {
                    return Err(
                        self.error(&format!("Dangling meta character '{c}'"), self.pos as i64)
                    )
                }
                // Java reads a `{` where an atom should be as a repetition of nothing.
                '{' => {
                    self.quantifier(atom_start)?;
                    self.out.truncate(atom_start);
                    self.consumed = outer_consumed;
                    continue;
                }
                c => {
                    self.pos += 1;
                    self.literal(c);
                }
            }
            self.quantifier(atom_start)?;
            self.consumed |= outer_consumed;
        }
    }

    fn literal(&mut self, c: char) {
        self.consumed = true;
        let f = self.flags;
        if f.case_insensitive && f.unicode_case && c.to_lowercase().ne(c.to_uppercase()) {
            self.out.push_str(&format!("(?i:{})", esc(c)));
        } else if f.case_insensitive && c.is_ascii_alphabetic() {
            // Java's default case-insensitivity is ASCII-only.
            self.out.push_str(&format!(
                "[{}{}]",
                c.to_ascii_lowercase(),
                c.to_ascii_uppercase()
            ));
        } else {
            self.out.push_str(&esc(c));
        }
    }

    fn push_class(&mut self, class: &str) {
        self.consumed = true;
        if self.flags.case_insensitive && self.flags.unicode_case {
            self.out.push_str(&format!("(?i:{class})"));
        } else {
            self.out.push_str(class);
        }
    }

    fn caret(&mut self) {
        if !self.flags.multiline {
            self.out.push_str(r"\A");
        } else if self.flags.unix_lines {
            self.out.push_str(r"(?:(?!\z)(?:\A|(?<=\n)))");
        } else {
            // After any line terminator (CR LF counts once), never at the very end.
            self.out
                .push_str(r"(?:(?!\z)(?:\A|(?<=[\n\x{85}\x{2028}\x{2029}])|(?<=\r)(?!\n)))");
        }
    }

    fn dollar(&mut self) {
        let m = self.flags.multiline;
        let s = match (m, self.flags.unix_lines) {
            (false, true) => r"(?:\z|(?=\n\z))",
            (true, true) => r"(?:\z|(?=\n))",
            // At the end, or before a final line terminator (not inside CR LF).
            (false, false) => r"(?:\z|(?=\r\n\z)|(?=[\r\x{85}\x{2028}\x{2029}]\z)|(?<!\r)(?=\n\z))",
            (true, false) => r"(?:\z|(?=[\r\x{85}\x{2028}\x{2029}])|(?<!\r)(?=\n))",
        };
        self.out.push_str(s);
    }

    /// Parses an optional quantifier after the atom emitted from `atom_start`.
    fn quantifier(&mut self, atom_start: usize) -> Result<(), SelError> {
        self.skip_comments();
        let q = match self.peek() {
            Some(c @ ('*' | '+' | '?')) => {
                self.pos += 1;
                c.to_string()
            }
            Some('{') => {
                self.pos += 1;
                let (min, max) = self.counted()?;
                match max {
                    None => format!("{{{min},}}"),
                    Some(m) if m == min => format!("{{{min}}}"),
                    Some(m) => format!("{{{min},{m}}}"),
                }
            }
            _ => return Ok(()),
        };
        let (lazy, possessive) = match self.peek() {
            Some('?') => (true, false),
            Some('+') => (false, true),
            _ => (false, false),
        };
        if lazy || possessive {
            self.pos += 1;
        }
        if !self.consumed && self.out.len() > atom_start {
            // A repeated assertion: optional ones vanish, others hold once.
            let optional = q.starts_with('*') || q.starts_with('?') || q.starts_with("{0");
            if optional {
                self.out.truncate(atom_start);
            }
            return Ok(());
        }
        let unbounded = q.starts_with('*') || q.starts_with('+') || q.ends_with(",}");
        if unbounded
            && ["*?", "+?", "??", "}?"]
                .iter()
                .any(|l| self.out[atom_start..].contains(l))
        {
            // fancy-regex 0.20 stops such a loop after one iteration (`(\w+?)*` matches one
            // char); an impossible alternative avoids its faulty rewrite.
            self.out.push_str(r"|[^\x00-\x{10FFFF}]");
            self.out.insert_str(atom_start, "(?:");
            self.out.push(')');
        }
        if possessive {
            self.out.insert_str(atom_start, "(?>(?:");
            self.out.push(')');
            self.out.push_str(&q);
            self.out.push(')');
        } else {
            if self.out.len() > atom_start {
                // Group the atom so that Rust applies the quantifier to all of it.
                self.out.insert_str(atom_start, "(?:");
                self.out.push(')');
            }
            self.out.push_str(&q);
            if lazy {
                self.out.push('?');
            }
        }
        Ok(())
    }

    /// `{n}`, `{n,}`, `{n,m}` after the `{`.
    fn counted(&mut self) -> Result<(u32, Option<u32>), SelError> {
        let number = |t: &mut Self| -> Option<u32> {
            let start = t.pos;
            while t.peek().is_some_and(|c| c.is_ascii_digit()) {
                t.pos += 1;
            }
            let s: String = t.chars[start..t.pos].iter().collect();
            if s.is_empty() {
                None
            } else {
                Some(s.parse().unwrap_or(u32::MAX))
            }
        };
        let Some(min) = number(self) else {
            return Err(self.error("Illegal repetition", self.pos as i64));
        };
        let mut max = Some(min);
        if self.peek() == Some(',') {
            self.pos += 1;
            max = number(self);
        }
        match self.peek() {
            Some('}') => {}
            _ => return Err(self.error("Unclosed counted closure", self.pos as i64)),
        }
        if max.is_some_and(|m| m < min) {
            return Err(self.error("Illegal repetition range", self.pos as i64));
        }
        self.pos += 1;
        Ok((min, max))
    }

    fn group(&mut self) -> Result<(), SelError> {
        let saved = self.flags;
        self.pos += 1; // '('
        let mut lookaround = false;
        if self.peek() == Some('?') {
            self.pos += 1;
            match self.peek() {
                Some(':') => {
                    self.pos += 1;
                    self.out.push_str("(?:");
                }
                Some(c @ ('=' | '!' | '>')) => {
                    self.pos += 1;
                    self.out.push_str(&format!("(?{c}"));
                    lookaround = c != '>';
                }
                Some('<') if matches!(self.peek_at(1), Some('=' | '!')) => {
                    let c = self.peek_at(1).unwrap_or('=');
                    self.pos += 2;
                    self.out.push_str(&format!("(?<{c}"));
                    lookaround = true;
                }
                Some('<') => {
                    self.pos += 1;
                    let name = self.group_name()?;
                    self.groups_opened += 1;
                    self.names.push((name.clone(), self.groups_opened));
                    self.out.push_str(&format!("(?P<{name}>"));
                }
                _ => {
                    // Inline flags: `(?i)` changes the flags from here on, `(?i:…)` is a
                    // scoped non-capturing group.
                    if self.inline_flags()? {
                        return Ok(());
                    }
                    self.out.push_str("(?:");
                }
            }
        } else {
            self.groups_opened += 1;
            self.out.push('(');
        }
        self.expr()?;
        if self.peek() != Some(')') {
            return Err(self.error("Unclosed group", self.chars.len() as i64));
        }
        self.pos += 1;
        self.out.push(')');
        // Java restores the flags at the end of every group, so `(a(?i)b)c` keeps `c`
        // case-sensitive.
        self.flags = saved;
        if lookaround {
            self.consumed = false;
        }
        Ok(())
    }

    /// Parses `[idmsuxU]*(-[idmsuxU]*)?` then `)` (returns true) or `:` (returns false).
    fn inline_flags(&mut self) -> Result<bool, SelError> {
        let mut on = true;
        loop {
            let Some(c) = self.peek() else {
                return Err(self.error("Unknown inline modifier", self.pos as i64));
            };
            self.pos += 1;
            let f = &mut self.flags;
            match c {
                'i' => f.case_insensitive = on,
                'm' => f.multiline = on,
                's' => f.dotall = on,
                'x' => f.comments = on,
                'u' => f.unicode_case = on,
                'd' => f.unix_lines = on,
                'U' => {
                    // UNICODE_CHARACTER_CLASS implies UNICODE_CASE.
                    f.unicode_classes = on;
                    f.unicode_case = on;
                }
                '-' => on = false,
                ')' => return Ok(true),
                ':' => return Ok(false),
                _ => return Err(self.error("Unknown inline modifier", self.pos as i64 - 1)),
            }
        }
    }

    /// A group name after `(?<`, through the closing `>`.
    fn group_name(&mut self) -> Result<String, SelError> {
        if !self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
            return Err(self.error(
                "capturing group name does not start with a Latin letter",
                self.pos as i64,
            ));
        }
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_alphanumeric()) {
            self.pos += 1;
        }
        let name: String = self.chars[start..self.pos].iter().collect();
        if self.peek() != Some('>') {
            return Err(self.error(
                "named capturing group is missing trailing '>'",
                self.pos as i64,
            ));
        }
        if self.names.iter().any(|(n, _)| *n == name) {
            return Err(self.error(
                &format!("Named capturing group <{name}> is already defined"),
                self.pos as i64,
            ));
        }
        self.pos += 1;
        Ok(name)
    }

    /// Translates an escape outside classes. Returns where the quantifiable atom starts
    /// when that is not the start of the whole escape (`\Q…\E`).
    fn escape(&mut self) -> Result<Option<usize>, SelError> {
        let bs = self.pos;
        self.pos += 1;
        let Some(c) = self.peek() else {
            return Err(self.error("Unescaped trailing backslash", self.chars.len() as i64));
        };
        match c {
            '1'..='9' => self.backref(),
            'd' | 'D' | 's' | 'S' | 'w' | 'W' | 'h' | 'H' | 'v' | 'V' => {
                self.pos += 1;
                let class = props::predefined(c, self.flags.unicode_classes).unwrap_or_default();
                self.push_class(&class);
            }
            'p' | 'P' => {
                let class = self.property()?;
                self.push_class(&class);
            }
            'b' | 'B' => {
                self.pos += 1;
                if self.peek() == Some('{') {
                    return Err(self.unsupported(r"\b{g}", bs));
                }
                if self.flags.unicode_classes {
                    self.out.push('\\');
                    self.out.push(c);
                } else if c == 'b' {
                    // Java 19+ word boundaries use the ASCII \w (fancy-regex has no
                    // `(?-u:\b)`, so spell it out).
                    self.out.push_str(
                        r"(?:(?<=[a-zA-Z0-9_])(?![a-zA-Z0-9_])|(?<![a-zA-Z0-9_])(?=[a-zA-Z0-9_]))",
                    );
                } else {
                    self.out.push_str(
                        r"(?:(?<=[a-zA-Z0-9_])(?=[a-zA-Z0-9_])|(?<![a-zA-Z0-9_])(?![a-zA-Z0-9_]))",
                    );
                }
            }
            'G' => return Err(self.unsupported(r"\G", bs)),
            'A' | 'z' => {
                self.pos += 1;
                self.out.push('\\');
                self.out.push(c);
            }
            'Z' => {
                self.pos += 1;
                let t = if self.flags.unix_lines {
                    r"(?=\n?\z)"
                } else {
                    r"(?=(?:\r\n|[\n\r\x{85}\x{2028}\x{2029}])?\z)"
                };
                self.out.push_str(t);
            }
            'R' => {
                self.pos += 1;
                self.consumed = true;
                self.out
                    .push_str(r"(?>\r\n|[\n\x0B\f\r\x{85}\x{2028}\x{2029}])");
            }
            'X' => return Err(self.unsupported(r"\X (grapheme cluster)", bs)),
            'N' => return Err(self.unsupported(r"\N{name}", bs)),
            'k' => return self.named_backref(),
            'Q' => {
                self.pos += 1;
                let mut last = self.out.len();
                while self.pos < self.chars.len() {
                    if self.peek() == Some('\\') && self.peek_at(1) == Some('E') {
                        self.pos += 2;
                        break;
                    }
                    let c = self.chars[self.pos];
                    self.pos += 1;
                    last = self.out.len();
                    self.literal(c);
                }
                return Ok(Some(last));
            }
            'E' => {
                // A stray \E is ignored by Java.
                self.pos += 1;
            }
            _ => {
                let ch = self.escaped_char()?;
                self.literal(ch);
            }
        }
        Ok(None)
    }

    /// `\n…`: Java takes more digits only while the number stays a group opened so far.
    fn backref(&mut self) {
        self.consumed = true;
        let mut num = self.peek().and_then(|c| c.to_digit(10)).unwrap_or(0) as usize;
        self.pos += 1;
        while let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
            let next = num * 10 + d as usize;
            if next > self.groups_opened {
                break;
            }
            num = next;
            self.pos += 1;
        }
        if num > self.total_groups {
            // A reference to a group the pattern does not have never matches.
            self.out.push_str("(?!)");
        } else {
            self.out.push_str(&format!(r"(?:\{num})"));
        }
    }

    fn named_backref(&mut self) -> Result<Option<usize>, SelError> {
        self.pos += 1; // 'k'
        if self.peek() != Some('<') {
            return Err(self.error(
                "\\k is not followed by '<' for named capturing group",
                self.pos as i64,
            ));
        }
        self.pos += 1;
        let name = self.group_name_ref()?;
        if !self.names.iter().any(|(n, _)| *n == name) {
            return Err(self.error(
                &format!("named capturing group <{name}> does not exist"),
                self.pos as i64 - 1,
            ));
        }
        self.consumed = true;
        self.out.push_str(&format!(r"(?:\k<{name}>)"));
        Ok(None)
    }

    fn group_name_ref(&mut self) -> Result<String, SelError> {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_alphanumeric()) {
            self.pos += 1;
        }
        let name: String = self.chars[start..self.pos].iter().collect();
        if self.peek() != Some('>') {
            return Err(self.error(
                "named capturing group is missing trailing '>'",
                self.pos as i64,
            ));
        }
        self.pos += 1;
        Ok(name)
    }

    /// `\p{Name}`, `\pL`, `\P{…}` (pos at `p`/`P`).
    fn property(&mut self) -> Result<String, SelError> {
        let negated = self.peek() == Some('P');
        self.pos += 1;
        let name = match self.peek() {
            Some('{') => {
                self.pos += 1;
                let start = self.pos;
                while self.peek().is_some_and(|c| c != '}') {
                    self.pos += 1;
                }
                if self.peek().is_none() {
                    return Err(self.error("Unclosed character family", self.pos as i64));
                }
                let n: String = self.chars[start..self.pos].iter().collect();
                self.pos += 1;
                n
            }
            Some(c) => {
                self.pos += 1;
                c.to_string()
            }
            None => return Err(self.error("Illegal character family", self.pos as i64)),
        };
        if name.starts_with("In") || name.starts_with("block=") || name.starts_with("blk=") {
            return Err(self.unsupported(&format!(r"\p{{{name}}} (Unicode block)"), self.pos - 1));
        }
        let Some(class) = props::property(
            &name,
            self.flags.unicode_classes,
            self.flags.case_insensitive,
        ) else {
            return Err(self.error(
                &format!("Unknown character property name {{{name}}}"),
                self.pos as i64 - 1,
            ));
        };
        Ok(if negated {
            format!("[^{class}]")
        } else {
            class
        })
    }
}
