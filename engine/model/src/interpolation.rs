//! Param references inside interpolated literals (SPEC §2.4): `$name`, `${name}`, and
//! the `$$` escape. These are not SEL; they name params whose values are spliced in.

/// One unescaped reference in a literal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    /// The referenced param name (for `${job.1__p}`, `job.1__p`).
    pub name: String,
    /// Decoded byte range of the name.
    pub name_range: (usize, usize),
    /// Decoded byte range of the whole token (`$`, braces and name).
    pub token_range: (usize, usize),
    pub braced: bool,
}

/// If a reference (`name` or `{name}`) starts at `i`, its name range and end.
fn reference_at(b: &[u8], i: usize) -> Option<(usize, usize, usize, bool)> {
    match b.get(i) {
        Some(c) if c.is_ascii_alphabetic() => {
            let mut e = i + 1;
            while e < b.len() && (b[e] == b'_' || b[e].is_ascii_alphanumeric()) {
                e += 1;
            }
            Some((i, e, e, false))
        }
        Some(b'{') => {
            let s = i + 1;
            if !b.get(s).is_some_and(u8::is_ascii_alphabetic) {
                return None;
            }
            let mut e = s + 1;
            while e < b.len() && (b"-_./".contains(&b[e]) || b[e].is_ascii_alphanumeric()) {
                e += 1;
            }
            (b.get(e) == Some(&b'}')).then_some((s, e, e + 1, true))
        }
        _ => None,
    }
}

/// Every unescaped reference in `text`, in order.
pub fn references(text: &str) -> Vec<Reference> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'$' {
            i += 1;
            continue;
        }
        if b.get(i + 1) == Some(&b'$') {
            // `$$` is a literal `$`; a reference right after it is left as text.
            i += 2;
            if let Some((_, _, end, _)) = reference_at(b, i) {
                i = end;
            }
            continue;
        }
        match reference_at(b, i + 1) {
            Some((s, e, end, braced)) => {
                out.push(Reference {
                    name: text[s..e].to_string(),
                    name_range: (s, e),
                    token_range: (i, end),
                    braced,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// Substitutes every unescaped reference of `text` with `lookup(name)`, applying the
/// `$$` escape (§2.4). Substituted text is not scanned again.
pub fn interpolate<E>(
    text: &str,
    mut lookup: impl FnMut(&str) -> Result<String, E>,
) -> Result<String, E> {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut copied = 0;
    while i < b.len() {
        if b[i] != b'$' {
            i += 1;
            continue;
        }
        out.push_str(&text[copied..i]);
        if b.get(i + 1) == Some(&b'$') {
            out.push('$');
            i += 2;
            copied = i;
            if let Some((_, _, end, _)) = reference_at(b, i) {
                out.push_str(&text[i..end]);
                i = end;
                copied = i;
            }
            continue;
        }
        match reference_at(b, i + 1) {
            Some((s, e, end, _)) => {
                out.push_str(&lookup(&text[s..e])?);
                i = end;
            }
            None => {
                out.push('$');
                i += 1;
            }
        }
        copied = i;
    }
    out.push_str(&text[copied..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interpolates_maestro_examples() {
        let vars = |n: &str| -> Result<String, String> {
            Ok(match n {
                "var" => "0",
                "var1" => "true",
                "var2" => "2",
                "foo" => "$bar",
                "bar" => "$baz",
                "baz" => "$foo",
                _ => return Err(n.to_string()),
            }
            .to_string())
        };
        assert_eq!(
            interpolate("$$var$var $var1$$var1 $$$var2 $$$$var2", vars).unwrap(),
            "$var0 true$var1 $2 $$var2"
        );
        assert_eq!(
            interpolate("no variables$$ $$$$ in this string", vars).unwrap(),
            "no variables$ $$ in this string"
        );
        assert_eq!(interpolate("$foo$bar$baz", vars).unwrap(), "$bar$baz$foo");
        assert_eq!(interpolate("cost: $5 ${x", vars).unwrap(), "cost: $5 ${x");
        assert_eq!(interpolate("$nope", vars).unwrap_err(), "nope");
    }

    fn names(t: &str) -> Vec<String> {
        references(t).into_iter().map(|r| r.name).collect()
    }

    #[test]
    fn maestro_examples() {
        assert_eq!(
            names("$$var$var $var1$$var1 $$$var2 $$$$var2"),
            vec!["var", "var1", "var2"]
        );
        assert_eq!(
            names("no variables$$ $$$$ in this string"),
            Vec::<String>::new()
        );
        assert_eq!(names("$foo$bar$baz"), vec!["foo", "bar", "baz"]);
        assert_eq!(
            names("$a.b ${job.1__param} ${a/b-c.d}"),
            vec!["a", "job.1__param", "a/b-c.d"]
        );
        assert_eq!(
            names("echo $${error_retries} && $$MAESTRO_OUTPUT_START"),
            Vec::<String>::new()
        );
        let r = &references("x ${job1__sleep_seconds} + 1")[0];
        assert_eq!(
            (r.name_range, r.token_range, r.braced),
            ((4, 23), (2, 24), true)
        );
    }
}
