//! Property tests: escape mappings round-trip for random strings written as JSON and as
//! YAML in every scalar style, and random damage to samples never panics.

use maestro_model::{
    load, name_tables, parse_json, parse_yaml, sel_sites, Format, NodeKind, SourceMap, Str,
};
use proptest::prelude::*;

/// Characters that exercise escapes, multi-byte UTF-8 and surrogate pairs.
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just('a'),
            Just('Z'),
            Just(' '),
            Just('"'),
            Just('\\'),
            Just('\''),
            Just('\n'),
            Just('\t'),
            Just('é'),
            Just('€'),
            Just('😀'),
            Just('\u{1}'),
            Just('$'),
            Just('#'),
            Just(':'),
        ],
        0..24,
    )
    .prop_map(|v| v.into_iter().collect())
}

/// Writes `s` as a JSON string, escaping some characters as \uXXXX (surrogate pairs for
/// astral ones) depending on `mask`.
fn json_encode(s: &str, mask: u32) -> String {
    encode(s, mask, false)
}

/// Like [`json_encode`]; YAML has no surrogate escapes, so astral characters use `\U`.
fn encode(s: &str, mask: u32, yaml: bool) -> String {
    let mut out = String::from("\"");
    for (i, c) in s.chars().enumerate() {
        let escape_u = mask >> (i % 32) & 1 == 1;
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if yaml && (c as u32) > 0xffff && escape_u => {
                out.push_str(&format!("\\U{:08x}", c as u32))
            }
            c if (c as u32) < 0x20 || escape_u => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Checks that every char boundary maps into `src` and back, and that the document text
/// at a decoded character's span decodes to that character (exact or via its escape).
fn check_map(src: &str, decoded: &str, map: &SourceMap, decode: &dyn Fn(&str) -> Option<String>) {
    for (k, c) in decoded.char_indices() {
        let span = map.doc_span(k, k + c.len_utf8());
        assert_eq!(
            map.text_offset(span.start),
            Some(k),
            "offset {k} in {decoded:?} / {src:?}"
        );
        let piece = &src[span.start..span.end];
        if piece != c.to_string() {
            // An escape or a folded break: it must decode to text starting with c.
            let got = decode(piece).unwrap_or_default();
            assert!(
                got.starts_with(c) || got.is_empty() && c == '\n',
                "{piece:?} for {c:?} in {src:?}"
            );
        }
    }
    assert_eq!(
        map.text_offset(map.doc_offset(decoded.len())),
        Some(decoded.len())
    );
}

/// Text a single-quoted scalar can hold: no control characters or tabs, and no white
/// space next to a line break or at the ends (folding would eat it).
fn single_quotable(s: String) -> String {
    let chars: Vec<char> = s
        .chars()
        .map(|c| if c == '\u{1}' || c == '\t' { 'x' } else { c })
        .collect();
    let n = chars.len();
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let near_break = (i > 0 && chars[i - 1] == '\n') || (i + 1 < n && chars[i + 1] == '\n');
            if c == ' ' && (i == 0 || i + 1 == n || near_break) {
                '_'
            } else {
                c
            }
        })
        .collect()
}

fn single_string(root: &maestro_model::Node) -> Str {
    match &root.get("k").unwrap().kind {
        NodeKind::String(s) => s.clone(),
        other => panic!("not a string: {other:?}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn json_escapes_round_trip(s in text(), mask in any::<u32>(), pad in 0usize..3) {
        let src = format!("{}{{\"k\": {}}}", " ".repeat(pad), json_encode(&s, mask));
        let (root, diags) = parse_json(&src);
        prop_assert!(diags.is_empty(), "{diags:?}");
        let v = single_string(&root.unwrap());
        prop_assert_eq!(&v.value, &s);
        let expected: String = serde_json::from_str::<serde_json::Value>(&src).unwrap()["k"].as_str().unwrap().to_string();
        prop_assert_eq!(&v.value, &expected);
        check_map(&src, &s, &v.map, &|piece| serde_json::from_str::<String>(&format!("\"{piece}\"")).ok());
    }

    #[test]
    fn yaml_double_quoted_round_trip(s in text(), mask in any::<u32>()) {
        // YAML double-quoted escapes are a superset of JSON's.
        let src = format!("k: {}\n", encode(&s, mask, true));
        let (root, diags) = parse_yaml(&src);
        prop_assert!(diags.is_empty(), "{diags:?}");
        let v = single_string(&root.unwrap());
        prop_assert_eq!(&v.value, &s);
        check_map(&src, &s, &v.map, &|piece| {
            let (root, _) = parse_yaml(&format!("k: \"{piece}\""));
            root.and_then(|r| r.get("k").and_then(|k| k.as_str().map(str::to_string)))
        });
    }

    #[test]
    fn yaml_single_quoted_round_trip(s in text().prop_map(single_quotable)) {
        // Single quotes cannot escape a newline or control characters: fold newlines as
        // blank lines (one blank line reads back as one newline).
        // A run of k newlines is a fold with k blank lines.
        let mut body = String::new();
        let mut run = 0;
        for c in s.replace('\'', "''").chars().chain(['\0']) {
            if c == '\n' {
                run += 1;
                continue;
            }
            if run > 0 {
                body.push_str(&"\n".repeat(run + 1));
                body.push_str("  ");
                run = 0;
            }
            if c != '\0' {
                body.push(c);
            }
        }
        let src = format!("k: '{body}'\n");
        let (root, diags) = parse_yaml(&src);
        prop_assert!(diags.is_empty(), "{diags:?}");
        let v = single_string(&root.unwrap());
        prop_assert_eq!(&v.value, &s);
        check_map(&src, &s, &v.map, &|piece| Some(piece.replace("''", "'")));
        // Nothing fell back to a whole-scalar map.
        if !s.is_empty() {
            prop_assert!(v.map.pieces().iter().any(|p| p.exact) || !s.chars().any(|c| c != '\'' && c != '\n'));
        }
    }

    #[test]
    fn yaml_literal_block_round_trip(lines in proptest::collection::vec("[a-z $#:'\"é😀]{0,8}", 1..6), indent in 1usize..5) {
        prop_assume!(lines.iter().any(|l| !l.trim().is_empty()));
        // A line of spaces only is a blank line with odd indentation rules; leave it out.
        prop_assume!(lines.iter().all(|l| l.is_empty() || !l.trim().is_empty()));
        // The first content line sets the indentation, so it must not start with a space.
        prop_assume!(!lines.iter().find(|l| !l.is_empty()).unwrap().starts_with(' '));
        let pad = " ".repeat(indent);
        let body: String = lines.iter().map(|l| if l.is_empty() { "\n".to_string() } else { format!("{pad}{l}\n") }).collect();
        let src = format!("k: |\n{body}n: 1\n");
        let (root, diags) = parse_yaml(&src);
        prop_assert!(diags.is_empty(), "{diags:?}");
        let v = single_string(&root.unwrap());
        // Exact pieces for every non-newline character: the map did not fall back.
        for (k, c) in v.value.char_indices() {
            if c != '\n' {
                let at = v.map.doc_offset(k);
                prop_assert!(src[at..].starts_with(c), "{c:?} at {k} of {:?} in {src:?}", v.value);
            }
        }
        check_map(&src, &v.value.clone(), &v.map, &|p| Some(p.trim_start_matches(' ').to_string()));
    }

    #[test]
    fn damaged_samples_never_panic(which in 0usize..34, cuts in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..6)) {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
        let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_file()).collect();
        files.sort();
        let path = &files[which % files.len()];
        let mut bytes = std::fs::read(path).unwrap();
        for (at, b, op) in cuts {
            if bytes.is_empty() { break; }
            let i = at.index(bytes.len());
            match op {
                0 => bytes[i] = b,
                1 => { bytes.truncate(i); }
                _ => { bytes.remove(i); }
            }
        }
        let src = String::from_utf8_lossy(&bytes).into_owned();
        for format in [Format::Json, Format::Yaml] {
            let doc = load(&src, format);
            for d in &doc.diagnostics {
                prop_assert!(d.span.start <= d.span.end && d.span.end <= src.len(), "{d:?}");
                prop_assert!(src.is_char_boundary(d.span.start) && src.is_char_boundary(d.span.end));
            }
            for s in sel_sites(&doc) {
                for k in 0..=s.text.len() {
                    let o = s.map.doc_offset(k);
                    prop_assert!(o <= src.len());
                    let _ = s.map.text_offset(o);
                }
            }
            let _ = name_tables(&doc);
        }
    }
}
