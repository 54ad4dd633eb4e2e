//! What the cursor is in, read from the tokens before it: a member access (`recv.pa|`),
//! a call's argument list (`recv.name(a, |`), a string argument (`forID('Eu|`), or
//! plain code. Text being typed rarely parses, so this works on tokens, and the receiver
//! expression is parsed and typed on its own against the unit's environment.

use super::types::{self, Inputs, Ty};
use super::Unit;
use sel_core::catalog::{self, ANY};
use sel_grammar::ast::{ExprKind, StmtKind};
use sel_grammar::{Token, TokenKind};

/// The receiver of a member access or call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Receiver {
    pub text: String,
    pub ty: Ty,
    /// The receiver is a bare static name (`String`, `DateTime`), not a value.
    pub is_static: bool,
}

/// A call whose argument list contains the cursor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallSite {
    pub receiver: Receiver,
    pub method: String,
    /// Index of the argument the cursor is in.
    pub arg: usize,
    /// The string literals of the earlier arguments (`None` where not a literal).
    pub literal_args: Vec<Option<String>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Context {
    /// After `recv.`, with the partial member name typed so far.
    Member { receiver: Receiver, partial: String },
    /// Inside a string literal that is argument `call.arg` of a call.
    StringArg { call: CallSite, partial: String },
    /// Inside a comment or a string that is not a call argument: nothing to offer.
    Nothing,
    /// Anywhere else, with the partial identifier typed so far.
    Code { partial: String },
}

/// The environment a receiver is typed in: the unit's variables as bound at `offset`,
/// then the site's inputs.
pub struct Env<'a> {
    pub unit: &'a Unit,
    pub offset: u32,
    pub site: Option<&'a dyn Inputs>,
}

impl Inputs for Env<'_> {
    fn input(&self, name: &str) -> Option<Ty> {
        if let Some(b) = self.unit.types.binding_at(name, self.offset) {
            return Some(b.ty);
        }
        self.site.and_then(|s| s.input(name))
    }
}

/// Tokens of `text` in source order (the grammar lists comments and errors last).
pub fn sorted_tokens(text: &str) -> Vec<Token> {
    let mut toks = sel_grammar::tokens(text);
    toks.sort_by_key(|t| (t.span.start, t.span.end));
    toks
}

fn tok_text<'t>(text: &'t str, t: &Token) -> &'t str {
    text.get(t.span.range()).unwrap_or("")
}

/// The context at unit offset `offset`.
pub fn at(env: &Env<'_>, offset: usize) -> Context {
    let text = env.unit.text();
    let Some(prefix) = text.get(..offset) else {
        return Context::Nothing;
    };
    let toks = sorted_tokens(prefix);
    let last_end = toks.last().map_or(0, |t| t.span.end as usize);
    let tail = &prefix[last_end..];
    // An unterminated string at the end of the prefix is the string being typed.
    if let Some(q) = tail.find(['\'', '"']) {
        if tail[..q].trim().is_empty() {
            let partial = tail[q + 1..].to_string();
            return match call_site(env, prefix, &toks, toks.len()) {
                Some(call) => Context::StringArg { call, partial },
                None => Context::Nothing,
            };
        }
    }
    let Some(last) = toks.last() else {
        return Context::Code {
            partial: String::new(),
        };
    };
    let touching = last.span.end as usize == offset;
    if touching && matches!(last.kind, TokenKind::Comment | TokenKind::StringLiteral) {
        return Context::Nothing;
    }
    if touching && last.kind == TokenKind::Error && tok_text(prefix, last).starts_with(['\'', '"'])
    {
        let partial = tok_text(prefix, last)[1..].to_string();
        return match call_site(env, prefix, &toks, toks.len() - 1) {
            Some(call) => Context::StringArg { call, partial },
            None => Context::Nothing,
        };
    }
    let (partial, end) = if touching
        && matches!(
            last.kind,
            TokenKind::Identifier | TokenKind::Keyword | TokenKind::Constant
        ) {
        (tok_text(prefix, last).to_string(), toks.len() - 1)
    } else {
        (String::new(), toks.len())
    };
    if end > 0 && tok_text(prefix, &toks[end - 1]) == "." {
        if let Some(receiver) = receiver(env, prefix, &toks, end - 1) {
            return Context::Member { receiver, partial };
        }
        return Context::Nothing;
    }
    Context::Code { partial }
}

/// The receiver chain ending just before token `dot` (a `.` or `(`'s method name start).
pub fn receiver(env: &Env<'_>, text: &str, toks: &[Token], dot: usize) -> Option<Receiver> {
    let mut i = dot;
    let mut start = None;
    loop {
        if i == 0 {
            break;
        }
        let t = &toks[i - 1];
        let s = tok_text(text, t);
        match s {
            ")" | "]" => {
                let open = if s == ")" { "(" } else { "[" };
                let mut depth = 0i32;
                let mut j = i - 1;
                loop {
                    let x = tok_text(text, &toks[j]);
                    if x == s {
                        depth += 1;
                    } else if x == open {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    if j == 0 {
                        return None;
                    }
                    j -= 1;
                }
                start = Some(toks[j].span.start);
                i = j;
                continue;
            }
            _ if matches!(
                t.kind,
                TokenKind::Identifier
                    | TokenKind::StringLiteral
                    | TokenKind::IntLiteral
                    | TokenKind::FloatLiteral
                    | TokenKind::Constant
            ) =>
            {
                start = Some(t.span.start);
                i -= 1;
                if i > 0 && tok_text(text, &toks[i - 1]) == "new" {
                    start = Some(toks[i - 1].span.start);
                    break;
                }
                if i > 0 && tok_text(text, &toks[i - 1]) == "." {
                    i -= 1;
                    continue;
                }
                break;
            }
            _ => break,
        }
    }
    let start = start? as usize;
    let end = toks[dot].span.start as usize;
    let recv_text = text.get(start..end)?.trim().to_string();
    if recv_text.is_empty() {
        return None;
    }
    let src = format!("{recv_text};");
    let parse = sel_grammar::parse(&src);
    if !parse.errors.is_empty() {
        return None;
    }
    let p = &parse.program;
    let Some(StmtKind::Expr(e)) = p.items.first().map(|&s| &p.stmt(s).kind) else {
        return None;
    };
    let inferred = types::infer(p, env);
    let is_static = match &p.expr(*e).kind {
        ExprKind::Name(id) => {
            let name = p.name(id.sym);
            env.input(name).is_none() && catalog::static_name(name).is_some_and(|s| s.value)
        }
        _ => false,
    };
    Some(Receiver {
        text: recv_text,
        ty: inferred.of(*e),
        is_static,
    })
}

/// The call whose argument list is open before token index `end`.
pub fn call_site(env: &Env<'_>, text: &str, toks: &[Token], end: usize) -> Option<CallSite> {
    let mut depth = 0i32;
    let mut arg = 0usize;
    let mut i = end;
    while i > 0 {
        i -= 1;
        match tok_text(text, &toks[i]) {
            ")" | "]" | "}" => depth += 1,
            "[" | "{" => {
                if depth == 0 {
                    return None;
                }
                depth -= 1;
            }
            "(" => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            "," if depth == 0 => arg += 1,
            ";" if depth == 0 => return None,
            _ => {}
        }
        if i == 0 {
            return None;
        }
    }
    if i < 2 || tok_text(text, &toks[i]) != "(" {
        return None;
    }
    let name_tok = &toks[i - 1];
    if name_tok.kind != TokenKind::Identifier || tok_text(text, &toks[i - 2]) != "." {
        return None;
    }
    let receiver = receiver(env, text, toks, i - 2)?;
    // Literal arguments before the cursor's (split at depth-0 commas).
    let mut literal_args = Vec::new();
    let mut current: Vec<&Token> = Vec::new();
    let mut d = 0i32;
    for t in &toks[i + 1..end] {
        let s = tok_text(text, t);
        match s {
            "(" | "[" | "{" => d += 1,
            ")" | "]" | "}" => d -= 1,
            _ => {}
        }
        if s == "," && d == 0 {
            literal_args.push(string_literal(text, &current));
            current.clear();
        } else {
            current.push(t);
        }
    }
    Some(CallSite {
        receiver,
        method: tok_text(text, name_tok).to_string(),
        arg,
        literal_args,
    })
}

fn string_literal(text: &str, toks: &[&Token]) -> Option<String> {
    match toks {
        [t] if t.kind == TokenKind::StringLiteral => {
            let s = tok_text(text, t);
            s.get(1..s.len().saturating_sub(1)).map(str::to_string)
        }
        _ => None,
    }
}

/// Whether `ty` is the type of the receivers the catalogue calls `params`.
pub fn is_params(r: &Receiver) -> bool {
    r.ty == "PRESET_PARAMS" || (r.ty == ANY && r.text == "params")
}
