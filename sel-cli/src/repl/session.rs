//! The state of a REPL session and how an entry is evaluated against it.
//!
//! **How variables persist.** The evaluator keeps nothing between evaluations (each one
//! is isolated by design), so the session carries the variables itself: after each
//! entry it captures the final values of the variables the entry mentions, and passes
//! all captured values to the next entries as params (input variables). An entry is
//! therefore evaluated exactly once, as its own program, under the same limits as
//! `sel eval`: nothing is re-run, so `Math.random()`, `UUID.randomUUID()` and the clock
//! give each entry fresh values and a stored value never changes behind your back, and a
//! loop in an old entry never counts against a new one.
//!
//! The values are captured in the same run as the result, by evaluating an
//! instrumented copy of the entry (see [`capture`](super::capture)) whose result is a
//! map holding both. If that copy fails, the entry is re-run as written so the error
//! shown is the one the user's text raises, and the entry changes no variable (an entry
//! that fails or throws is not kept, like a failed transaction).
//!
//! Passing values as params follows SEL's own rules, which gives the natural behaviour:
//! a name keeps the type of its first value (`x = 1;` then `x = 1.5;` is a type
//! mismatch), a declaration rebinds. What does not carry over: aliasing between
//! variables of different entries (params are copies, §4.7), values that cannot be
//! params (UUIDs, thrown errors, maps holding nulls: the session says so when it drops
//! one), uninitialised maps (they come back as null), and variables named like a
//! static class (`long Integer = 5;`), which statics shadow.

use super::capture::{self, MARK_KEY, RESULT_KEY};
use crate::diagnostic::{self, Color, Source};
use crate::eval::{self, check_before_evaluation, EvalOptions, Output};
use crate::exit::Exit;
use sel_core::{Evaluator, Limits, SelError, Value, Vars};
use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// The name errors of entries are reported under.
pub const ENTRY_NAME: &str = "<repl>";

/// Variables of a session, with the `--vars` params underneath.
pub struct Session {
    opts: EvalOptions,
    ev: Evaluator,
    /// Runs instrumented copies; its length limit is lifted because the copy is longer
    /// than the entry, whose own length was checked with `ev`.
    capture_ev: Evaluator,
    vars: BTreeMap<String, Value>,
    /// Set (by Ctrl-C) to stop the entry being evaluated; cleared before each entry.
    cancel: Arc<AtomicBool>,
}

/// Session variables over the `--vars` params: what an entry sees as inputs.
struct Layered<'a> {
    top: &'a BTreeMap<String, Value>,
    base: &'a HashMap<String, Value>,
}

impl Vars for Layered<'_> {
    fn get(&self, name: &str) -> Option<&Value> {
        self.top.get(name).or_else(|| self.base.get(name))
    }
    fn contains(&self, name: &str) -> bool {
        self.top.contains_key(name) || self.base.contains_key(name)
    }
}

impl Session {
    pub fn new(opts: EvalOptions) -> Session {
        let ev = eval::evaluator(&opts);
        let mut lifted = opts.clone();
        lifted.limits.length = usize::MAX;
        Session {
            capture_ev: eval::evaluator(&lifted),
            ev,
            opts,
            vars: BTreeMap::new(),
            cancel: Arc::new(AtomicBool::new(false)),
        }
    }

    /// The flag that stops the entry being evaluated (the interactive loop sets it on
    /// Ctrl-C); the entry then fails with the host-cancelled limit error.
    pub fn cancel_flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.cancel)
    }

    /// Evaluates `text` with the session's inputs, stoppable through the cancel flag.
    fn evaluate(&self, ev: &Evaluator, text: &str) -> Result<Value, SelError> {
        ev.evaluate_with_cancel(text, &self.inputs(), None, &self.cancel)
    }

    pub fn limits(&self) -> &Limits {
        &self.opts.limits
    }

    /// Every name an entry can read, with its value: session variables over params.
    pub fn visible(&self) -> BTreeMap<&str, &Value> {
        let mut all: BTreeMap<&str, &Value> = self
            .opts
            .vars
            .iter()
            .map(|(k, v)| (k.as_str(), v))
            .collect();
        all.extend(self.vars.iter().map(|(k, v)| (k.as_str(), v)));
        all
    }

    /// Forgets the session's variables (the `--vars` params stay).
    pub fn reset(&mut self) {
        self.vars.clear();
    }

    fn inputs(&self) -> Layered<'_> {
        Layered {
            top: &self.vars,
            base: &self.opts.vars,
        }
    }

    /// Evaluates an entry, prints its result like `sel eval`, and keeps its variables.
    pub fn run(&mut self, source: &str, name: &str, color: Color) -> Output {
        self.cancel.store(false, Ordering::SeqCst);
        let text = sel_core::sanitize(source);
        let shown = Source::sanitized(name, source);
        if let Some(out) = check_before_evaluation(&self.ev, &text, &shown, color) {
            return out;
        }
        let parsed = sel_grammar::parse(&text);
        let mut exclude: Vec<&str> = sel_core::STATIC_NAMES.to_vec();
        exclude.push("params");
        let copy = capture::instrument(&text, &parsed.program, &exclude);
        let result = self.evaluate(&self.capture_ev, &copy.program);
        let entries = match result {
            Ok(Value::Map(Some(entries))) if entries.iter().any(|(k, _)| k == MARK_KEY) => entries,
            // A thrown error: the copy's result is the entry's own.
            Ok(thrown @ Value::Error(_)) => return eval::outcome(Ok(thrown), &shown, false, color),
            // Anything else is a failure of the copy: report what the entry itself does.
            _ => {
                let mut out = match self.evaluate(&self.ev, &text) {
                    Err(e) => {
                        let inputs = self.inputs();
                        let notes = eval::unbound_receiver_note(&self.ev, &text, &e, |n| {
                            inputs.contains(n)
                        });
                        Output::fail(
                            diagnostic::sel_error_with_notes(
                                &e,
                                &shown,
                                diagnostic::Phase::Evaluation,
                                notes,
                                color,
                            ),
                            eval::error_exit(&e),
                        )
                    }
                    ok => eval::outcome(ok, &shown, false, color),
                };
                if out.exit == Exit::Ok {
                    out.stderr += "note: this entry's variables were not kept\n";
                }
                return out;
            }
        };
        let mut result = Value::Void;
        let mut values: HashMap<String, Value> = HashMap::new();
        for (k, v) in entries {
            if k == RESULT_KEY {
                result = v;
            } else {
                values.insert(k, v);
            }
        }
        let mut out = eval::outcome(Ok(result), &shown, false, color);
        for n in copy.names {
            match values.remove(&n) {
                // Unbound: the entry only read a name that does not exist.
                None | Some(Value::Null) => {}
                Some(v) if can_be_param(&v) => {
                    self.vars.insert(n, v);
                }
                Some(v) => {
                    self.vars.remove(&n);
                    out.stderr += &format!(
                        "note: `{n}` ({}) is not kept for later entries: only data values can be passed on\n",
                        v.type_name()
                    );
                }
            }
        }
        out
    }

    /// Evaluates `source` without keeping anything and prints only the result's type.
    pub fn type_of(&self, source: &str, color: Color) -> Output {
        self.cancel.store(false, Ordering::SeqCst);
        let text = sel_core::sanitize(source);
        let shown = Source::sanitized(ENTRY_NAME, source);
        if let Some(out) = check_before_evaluation(&self.ev, &text, &shown, color) {
            return out;
        }
        match self.evaluate(&self.ev, &text) {
            Ok(v) => Output::ok(format!("{}\n", v.type_name())),
            Err(e) => Output::fail(
                diagnostic::sel_error(&e, &shown, diagnostic::Phase::Evaluation, color),
                eval::error_exit(&e),
            ),
        }
    }
}

/// Whether a value survives the host → SEL conversion of params (§5.3).
fn can_be_param(v: &Value) -> bool {
    match v {
        Value::Long(_)
        | Value::Double(_)
        | Value::Bool(_)
        | Value::String(_)
        | Value::StringArray(_)
        | Value::LongArray(_)
        | Value::DoubleArray(_)
        | Value::BoolArray(_) => true,
        // Map entries must be data too: a null entry fails the conversion.
        Value::Map(Some(entries)) => entries
            .iter()
            .all(|(_, v)| !matches!(v, Value::Map(None)) && can_be_param(v)),
        _ => false,
    }
}
