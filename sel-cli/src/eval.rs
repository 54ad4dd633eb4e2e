//! `sel eval`: evaluate one expression and print `TYPE: display` the way the reference
//! shows results, or a rendered error.

use crate::diagnostic::{self, Color, Phase, Source};
use crate::exit::Exit;
use sel_core::{Evaluator, FixedClock, Limits, SelError, Value};
use std::collections::HashMap;
use std::sync::Arc;

/// How to evaluate.
#[derive(Clone, Debug, Default)]
pub struct EvalOptions {
    pub vars: HashMap<String, Value>,
    /// Pin "now" (epoch milliseconds) instead of reading the system clock.
    pub now: Option<i64>,
    pub limits: Limits,
    /// Print `{"type":..,"value":..}` instead of `TYPE: display`.
    pub json: bool,
    /// Evaluate the text as is, without Maestro's sanitize (trim, add a missing `;`).
    pub raw: bool,
}

/// What a command produced: text for stdout and stderr, and the exit status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    pub exit: Exit,
}

impl Output {
    pub fn ok(stdout: String) -> Output {
        Output {
            stdout,
            stderr: String::new(),
            exit: Exit::Ok,
        }
    }

    pub fn fail(stderr: String, exit: Exit) -> Output {
        Output {
            stdout: String::new(),
            stderr,
            exit,
        }
    }
}

/// Builds the evaluator for these options: Maestro's Util.toJson is registered, as it
/// is in Maestro.
pub fn evaluator(opts: &EvalOptions) -> Evaluator {
    let mut ev = Evaluator::new(opts.limits.clone())
        .with_util_function("toJson", sel_core::maestro::to_json());
    if let Some(now) = opts.now {
        ev = ev.with_clock(Arc::new(FixedClock(now)));
    }
    ev
}

/// Evaluates `source` (named `name` in diagnostics).
pub fn eval(source: &str, name: &str, opts: &EvalOptions, color: Color) -> Output {
    let ev = evaluator(opts);
    let (text, shown) = if opts.raw {
        (source.to_string(), Source::plain(name, source))
    } else {
        (sel_core::sanitize(source), Source::sanitized(name, source))
    };
    if let Some(out) = check_before_evaluation(&ev, &text, &shown, color) {
        return out;
    }
    match ev.evaluate(&text, &opts.vars, None) {
        Err(e) => {
            let notes = unbound_receiver_note(&ev, &text, &e, |n| opts.vars.contains_key(n));
            Output::fail(
                diagnostic::sel_error_with_notes(&e, &shown, Phase::Evaluation, notes, color),
                error_exit(&e),
            )
        }
        ok => outcome(ok, &shown, opts.json, color),
    }
}

/// A note under the reference's `NULL DO NOT support calling m` when the receiver of a
/// call to `m` is a name that nothing binds (no param, no assignment): the reference
/// reads such a name as null without a word, which hides a typo or a missing param.
/// `is_param` tells the params given.
pub fn unbound_receiver_note(
    ev: &Evaluator,
    text: &str,
    e: &SelError,
    is_param: impl Fn(&str) -> bool,
) -> Vec<String> {
    let Some(method) = e.message.strip_prefix("NULL DO NOT support calling ") else {
        return Vec::new();
    };
    let Ok(read) = ev.validate(text) else {
        return Vec::new();
    };
    let parse = sel_grammar::parse(text);
    let p = &parse.program;
    let types = sel_core::typecheck::infer(p, &());
    let unbound = |name: &str| {
        read.contains(name)
            && name != "params"
            && !sel_core::STATIC_NAMES.contains(&name)
            && !types.bindings.iter().any(|b| b.name == name)
            && !is_param(name)
    };
    let mut names: Vec<&str> = p
        .exprs
        .iter()
        .filter_map(|x| match &x.kind {
            sel_grammar::ast::ExprKind::Call { recv, name, .. } if p.name(name.sym) == method => {
                match &p.expr(*recv).kind {
                    sel_grammar::ast::ExprKind::Name(id) => Some(p.name(id.sym)),
                    _ => None,
                }
            }
            _ => None,
        })
        .filter(|n| unbound(n))
        .collect();
    names.dedup();
    names
        .into_iter()
        .map(|n| {
            format!("`{n}` is not bound (no param or variable of that name), so it reads as null")
        })
        .collect()
}

/// Turns an evaluation's result into output: the value line on stdout (exit 0, or 5
/// for a thrown ERROR), or the rendered error on stderr with its exit code.
pub fn outcome(
    result: Result<Value, SelError>,
    shown: &Source<'_>,
    json: bool,
    color: Color,
) -> Output {
    match result {
        Ok(value) => {
            let exit = if matches!(value, Value::Error(_)) {
                Exit::Runtime
            } else {
                Exit::Ok
            };
            Output {
                stdout: value_line(&value, json) + "\n",
                stderr: String::new(),
                exit,
            }
        }
        Err(e) => Output::fail(
            diagnostic::sel_error(&e, shown, Phase::Evaluation, color),
            error_exit(&e),
        ),
    }
}

/// The exit code of an evaluation error.
pub fn error_exit(e: &SelError) -> Exit {
    if e.is_limit() {
        Exit::Limit
    } else {
        Exit::Runtime
    }
}

/// A value as `sel eval` prints it: `TYPE: display` (the reference's display form), or
/// with `json` `{"type":..,"value":..}` with the value in Maestro's param JSON form.
///
/// A thrown error displays as `ERROR: msg` already, so it is printed as is rather than
/// as `ERROR: ERROR: msg`.
pub fn value_line(value: &Value, json: bool) -> String {
    if json {
        serde_json::json!({"type": value.type_name(), "value": value.to_json()}).to_string()
    } else if matches!(value, Value::Error(_)) {
        value.display()
    } else {
        format!("{}: {}", value.type_name(), value.display())
    }
}

/// Parses and validates `text`; on failure renders every syntax error (the parser
/// recovers, so all of them) or the validation error, in `shown`.
pub fn check_before_evaluation(
    ev: &Evaluator,
    text: &str,
    shown: &Source<'_>,
    color: Color,
) -> Option<Output> {
    let err = ev.validate(text).err()?;
    let parse = sel_grammar::parse(text);
    if parse.errors.is_empty() {
        // Rejected before evaluation (the length limit is checked here, as Maestro's
        // validate does): a validation error, not a run-time limit.
        return Some(Output::fail(
            diagnostic::sel_error(&err, shown, Phase::Validation, color),
            Exit::Validation,
        ));
    }
    let rendered = parse
        .errors
        .iter()
        .map(|e| diagnostic::syntax_error(e, shown, color))
        .collect::<String>();
    Some(Output::fail(rendered, Exit::Syntax))
}

/// The evaluation options shared by `sel eval` and `sel repl`, from their arguments:
/// `--vars` JSON text or `--vars-file` contents, `--now`, and `--limit NAME=VALUE`s.
pub fn options(
    vars_json: Option<&str>,
    now: Option<&str>,
    limit_args: &[String],
) -> Result<EvalOptions, String> {
    let mut opts = EvalOptions::default();
    if let Some(v) = vars_json {
        opts.vars = parse_vars(v)?;
    }
    if let Some(n) = now {
        opts.now = Some(parse_now(n)?);
    }
    for arg in limit_args {
        let (name, value) = arg
            .split_once('=')
            .ok_or_else(|| format!("--limit {arg:?}: expected NAME=VALUE"))?;
        opts.limits
            .set(name.trim(), value)
            .map_err(|e| format!("--limit {arg:?}: {e}"))?;
    }
    Ok(opts)
}

/// Parses `--now`: an RFC 3339 instant (`2024-03-01T00:00:00Z`) or epoch milliseconds.
pub fn parse_now(text: &str) -> Result<i64, String> {
    if let Ok(ms) = text.parse::<i64>() {
        return Ok(ms);
    }
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|t| t.timestamp_millis())
        .map_err(|e| format!("--now {text:?}: not an RFC 3339 instant or epoch milliseconds ({e})"))
}

/// Parses `--vars` JSON: an object whose members become params with Maestro's
/// conversion rules.
pub fn parse_vars(json: &str) -> Result<HashMap<String, Value>, String> {
    let parsed: serde_json::Value =
        serde_json::from_str(json).map_err(|e| format!("--vars: invalid JSON: {e}"))?;
    let serde_json::Value::Object(map) = parsed else {
        return Err("--vars: expected a JSON object of param names to values".into());
    };
    Ok(map
        .iter()
        .map(|(k, v)| (k.clone(), Value::from_json(v)))
        .collect())
}
