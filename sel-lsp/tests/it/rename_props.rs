//! Rename keeps documents well formed: on generated JSON and YAML workflows (params
//! whose expressions read each other, with JSON and SEL escapes and non-ASCII text),
//! renaming a param gives a document that loads with the same structure, whose
//! references to the new name are as many as there were to the old one, and renaming
//! back restores the original text byte for byte. Cases: `PROPTEST_CASES` (default 256).

use proptest::prelude::*;
use sel_lsp::analysis::{refs, rename};
use sel_lsp::document::{Analysis, Document, Language};
use sel_lsp::workflow::ParseCache;

fn analysis(text: &str, language: Language) -> Analysis {
    let doc = Document::new(text.to_string(), 1, language);
    Analysis::build(&doc, &ParseCache::default(), &mut ParseCache::default())
}

/// Applies edits (document offsets) from the end backwards.
fn apply(text: &str, mut edits: Vec<rename::Edit>) -> String {
    edits.sort_by_key(|e| e.start);
    let mut out = text.to_string();
    for e in edits.into_iter().rev() {
        out.replace_range(e.start..e.end, &e.text);
    }
    out
}

/// `(name, expression)` pairs: param `i` reads some earlier params.
fn params() -> impl Strategy<Value = Vec<(String, Option<String>)>> {
    (2usize..6)
        .prop_flat_map(|n| {
            (
                proptest::collection::vec("[a-y]{1,3}", n),
                proptest::collection::vec(proptest::collection::vec(any::<usize>(), 0..3), n),
                proptest::collection::vec(0usize..3, n),
            )
        })
        .prop_map(|(prefixes, reads, decor)| {
            let names: Vec<String> = prefixes
                .iter()
                .enumerate()
                .map(|(i, p)| format!("{p}{i}"))
                .collect();
            names
                .iter()
                .enumerate()
                .map(|(i, name)| {
                    if i == 0 {
                        return (name.clone(), None);
                    }
                    let mut terms: Vec<String> =
                        reads[i].iter().map(|r| names[r % i].clone()).collect();
                    terms.push(match decor[i] {
                        0 => "1".to_string(),
                        1 => "'é'.length()".to_string(),
                        _ => format!("params.get('{}')", names[0]),
                    });
                    (name.clone(), Some(terms.join(" + ")))
                })
                .collect()
        })
}

fn json(params: &[(String, Option<String>)]) -> String {
    let defs: Vec<String> = params
        .iter()
        .map(|(n, e)| match e {
            None => format!("    \"{n}\": {{\"type\": \"LONG\", \"value\": 1}}"),
            // Escape the expression's `é` as JSON `\u00e9` to exercise the source map.
            Some(e) => format!(
                "    \"{n}\": {{\"type\": \"LONG\", \"expression\": \"{}\"}}",
                e.replace('é', "\\u00e9")
            ),
        })
        .collect();
    format!(
        "{{\"workflow\": {{\"id\": \"w\", \"params\": {{\n{}\n  }}, \"steps\": []}}}}\n",
        defs.join(",\n")
    )
}

fn yaml(params: &[(String, Option<String>)]) -> String {
    let mut out = String::from("workflow:\n  id: w\n");
    for (n, e) in params {
        match e {
            None => out.push_str(&format!("  {n}: 1\n")),
            // Single-quoted YAML: SEL's `'` is written `''`.
            Some(e) => out.push_str(&format!("  '!{n}': '{}'\n", e.replace('\'', "''"))),
        }
    }
    out
}

fn check(text: &str, language: Language, target: usize, new: &str) -> Result<(), TestCaseError> {
    let a = analysis(text, language);
    let index = refs::index(&a);
    let old = a.workflow.as_ref().expect("workflow").names.workflow_params[target]
        .name
        .clone();
    let def = refs::of(&index, &refs::Symbol::WorkflowParam(old.clone()))[0].start;
    let count = refs::of(&index, &refs::Symbol::WorkflowParam(old.clone())).len();
    let edits = rename::rename(&a, def, new).map_err(TestCaseError::fail)?;
    let renamed = apply(text, edits);
    let b = analysis(&renamed, language);
    let (wa, wb) = (a.workflow.as_ref().unwrap(), b.workflow.as_ref().unwrap());
    prop_assert_eq!(
        wa.doc.diagnostics.len(),
        wb.doc.diagnostics.len(),
        "{}",
        renamed
    );
    prop_assert_eq!(a.diagnostics.len(), b.diagnostics.len(), "{}", renamed);
    let names = |w: &sel_lsp::workflow::Workflow| -> Vec<String> {
        w.names
            .workflow_params
            .iter()
            .map(|p| p.name.clone())
            .collect()
    };
    let mut expected = names(wa);
    expected[target] = new.to_string();
    prop_assert_eq!(names(wb), expected);
    prop_assert_eq!(wa.sites.len(), wb.sites.len());
    let index_b = refs::index(&b);
    prop_assert_eq!(
        refs::of(&index_b, &refs::Symbol::WorkflowParam(new.to_string())).len(),
        count
    );
    // And back again.
    let def_b = refs::of(&index_b, &refs::Symbol::WorkflowParam(new.to_string()))[0].start;
    let back = rename::rename(&b, def_b, &old).map_err(TestCaseError::fail)?;
    prop_assert_eq!(apply(&renamed, back), text);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn rename_round_trips_in_json(ps in params(), t in any::<usize>(), new in "zz[a-z0-9]{0,4}") {
        let target = t % ps.len();
        check(&json(&ps), Language::Json, target, &new)?;
    }

    #[test]
    fn rename_round_trips_in_yaml(ps in params(), t in any::<usize>(), new in "zz[a-z0-9]{0,4}") {
        let target = t % ps.len();
        check(&yaml(&ps), Language::Yaml, target, &new)?;
    }
}
