//! Rename: the edits that change every occurrence of a symbol (see [`super::refs`]),
//! or the reason it is refused. A new name must be written the same way in JSON
//! strings, YAML keys of every quoting style and SEL, so it is limited to characters
//! that need no escaping anywhere (and to a SEL identifier where SEL reads it as one);
//! names that would clash with another, change what some expression reads, or that SEL
//! or YAML reserve are refused with a message.

use super::refs::{self, Form, Occurrence, Symbol};
use crate::document::{Analysis, Language};
use std::collections::BTreeSet;

/// One replacement in document offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// The symbol at document offset `d` and the span of its occurrence there.
pub fn prepare(a: &Analysis, d: usize) -> Option<(Symbol, usize, usize)> {
    let index = refs::index(a);
    let o = refs::at(&index, d)?;
    Some((o.symbol.clone(), o.start, o.end))
}

/// The edits renaming the symbol at `d` to `new`, or why not.
pub fn rename(a: &Analysis, d: usize, new: &str) -> Result<Vec<Edit>, String> {
    let index = refs::index(a);
    let Some(at) = refs::at(&index, d) else {
        return Err("There is no renameable name here.".to_string());
    };
    let symbol = at.symbol.clone();
    let occurrences = refs::of(&index, &symbol);
    if symbol.name() == new {
        return Ok(Vec::new());
    }
    check_spelling(a, &symbol, &occurrences, new)?;
    check_clashes(a, &index, &symbol, &occurrences, new)?;
    Ok(occurrences
        .iter()
        .map(|o| Edit {
            start: o.start,
            end: o.end,
            text: new.to_string(),
        })
        .collect())
}

fn is_identifier(s: &str) -> bool {
    let mut c = s.chars();
    c.next()
        .is_some_and(|f| f.is_ascii_alphabetic() || f == '_')
        && c.all(|x| x.is_ascii_alphanumeric() || x == '_')
}

/// Whether the characters of `new` suit every place the symbol is written.
fn check_spelling(
    a: &Analysis,
    symbol: &Symbol,
    occurrences: &[&Occurrence],
    new: &str,
) -> Result<(), String> {
    let in_sel = occurrences
        .iter()
        .any(|o| matches!(o.form, Form::Identifier | Form::IdentifierPart));
    let loose = matches!(symbol, Symbol::Step(_) | Symbol::Signal(_)) && !in_sel;
    let ok = if loose {
        // Step ids and signal names that SEL never reads as identifiers may also use
        // `-` and `.` (as Maestro's own samples do), still needing no escapes.
        // Signal names may also be paths (`prod_db/foo/bar`).
        let slash = matches!(symbol, Symbol::Signal(_));
        new.chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
            && new.chars().all(|c| {
                c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.') || (slash && c == '/')
            })
    } else {
        is_identifier(new)
    };
    if !ok {
        let what = if loose {
            "letters, digits, `_`, `-` and `.` (and `/` in signal names)"
        } else {
            "a SEL identifier (letters, digits and `_`, not starting with a digit)"
        };
        return Err(format!("`{new}` is not a valid name here: use {what}."));
    }
    if new.contains("__") && !matches!(symbol, Symbol::Local { .. }) {
        return Err(format!(
            "`{new}` contains `__`, which SEL reads as a `stepId__param` reference."
        ));
    }
    if let Some(k) = sel_core::catalog::keywords().iter().find(|k| k.word == new) {
        let why = if k.meaningful {
            "a SEL keyword"
        } else {
            "a word SEL reserves"
        };
        return Err(format!("`{new}` is {why}."));
    }
    if sel_core::catalog::static_name(new).is_some() {
        return Err(format!(
            "`{new}` is the name of a SEL class or built-in (`{new}.…` would mean it)."
        ));
    }
    const YAML_WORDS: &[&str] = &["y", "n", "yes", "no", "on", "off", "true", "false", "null"];
    if a.language == Language::Yaml && YAML_WORDS.contains(&new.to_ascii_lowercase().as_str()) {
        return Err(format!(
            "`{new}` would be read by YAML as a boolean or null where it is unquoted."
        ));
    }
    Ok(())
}

/// The names a SEL unit already uses (variables, inputs), which a new name must avoid.
fn unit_names(a: &Analysis, unit: usize) -> BTreeSet<String> {
    let u = &a.units[unit];
    let p = u.program();
    let mut names: BTreeSet<String> = refs::identifiers(p)
        .into_iter()
        .map(|(i, _)| p.name(i.sym).to_string())
        .collect();
    names.extend(u.types.bindings.iter().map(|b| b.name.clone()));
    names
}

fn check_clashes(
    a: &Analysis,
    index: &[Occurrence],
    symbol: &Symbol,
    occurrences: &[&Occurrence],
    new: &str,
) -> Result<(), String> {
    let exists = |s: &Symbol| {
        index
            .iter()
            .any(|o| &o.symbol == s && o.form == Form::Definition)
    };
    match symbol {
        Symbol::WorkflowParam(_) if exists(&Symbol::WorkflowParam(new.to_string())) => {
            return Err(format!("A workflow param `{new}` already exists."));
        }
        Symbol::StepParam { step, .. } => {
            let other = Symbol::StepParam {
                step: step.clone(),
                name: new.to_string(),
            };
            if exists(&other) {
                return Err(format!("Step `{step}` already has a param `{new}`."));
            }
        }
        Symbol::Step(_) if exists(&Symbol::Step(new.to_string())) => {
            return Err(format!("A step `{new}` already exists."));
        }
        Symbol::Signal(_)
            if index
                .iter()
                .any(|o| o.symbol == Symbol::Signal(new.to_string())) =>
        {
            return Err(format!("A signal `{new}` already exists."));
        }
        _ => {}
    }
    // Where the symbol is read by its plain name, the new name must not already mean
    // something there (a local, or a param that would shadow or be shadowed).
    for o in occurrences.iter().filter(|o| o.form == Form::Identifier) {
        let Some(ui) = o.unit else { continue };
        if unit_names(a, ui).contains(new) {
            let p = a.index.position(&a.text, o.start);
            return Err(format!(
                "`{new}` is already used in the expression at line {}, column {}; renaming would change what it reads.",
                p.line + 1,
                p.character + 1
            ));
        }
        let u = &a.units[ui];
        if let (Some(w), Some(site)) = (&a.workflow, u.site) {
            let scope = w.sites[site].owner.scope();
            if let Some(s) = refs::resolve(&w.names, &scope, new) {
                return Err(format!(
                    "`{new}` already names {} where `{}` is read.",
                    describe(&s),
                    symbol.name()
                ));
            }
        }
    }
    Ok(())
}

fn describe(s: &Symbol) -> String {
    match s {
        Symbol::Local { name, .. } => format!("the local `{name}`"),
        Symbol::WorkflowParam(n) => format!("the workflow param `{n}`"),
        Symbol::StepParam { step, name } => format!("the param `{name}` of step `{step}`"),
        Symbol::Step(n) => format!("the step `{n}`"),
        Symbol::Signal(n) => format!("the signal `{n}`"),
    }
}
