//! Lexer: `tokens` and `token_image` never panic, and token spans are ordered, do not
//! overlap and fall on character boundaries of the input (the language server slices
//! the document with them).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let mut prev_end = 0usize;
    for t in sel_grammar::tokens(src) {
        let (s, e) = (t.span.start as usize, t.span.end as usize);
        assert!(
            s <= e && e <= src.len(),
            "span {s}..{e} outside {}",
            src.len()
        );
        assert!(
            s >= prev_end,
            "token at {s} overlaps the previous one ending at {prev_end}"
        );
        assert!(
            src.is_char_boundary(s) && src.is_char_boundary(e),
            "span {s}..{e} splits a character"
        );
        prev_end = e;
    }
    let _ = sel_grammar::token_image(src);
});
