//! Fuzzy matching of completion labels against the typed prefix: case-insensitive,
//! ranked so that what the user most likely means comes first (exact-case prefix, then
//! any-case prefix, then a match at a word start of `camelCase`/`snake_case`, then a
//! substring, then a scattered subsequence). The server filters and ranks, so clients
//! get a short list in a useful order even for workflows with thousands of params.

/// The rank of `label` for `pattern` (lower is better), or `None` when it does not match.
pub fn score(pattern: &str, label: &str) -> Option<u32> {
    if pattern.is_empty() || label.starts_with(pattern) {
        return Some(0);
    }
    let lp = pattern.to_lowercase();
    let ll = label.to_lowercase();
    if ll.starts_with(&lp) {
        return Some(1);
    }
    if let Some(i) = ll.find(&lp) {
        return Some(if word_start(label, i) { 2 } else { 3 });
    }
    let mut rest = ll.chars();
    let all = lp.chars().all(|c| rest.any(|x| x == c));
    if !all {
        return None;
    }
    let same_first = lp.chars().next() == ll.chars().next();
    Some(if same_first { 4 } else { 5 })
}

/// Whether byte `i` of `label` starts a word: after `_`, `.` or `/`, or an upper-case
/// letter after a lower-case one.
fn word_start(label: &str, i: usize) -> bool {
    // `i` comes from the lower-cased text; lower-casing may change byte lengths, so an
    // index that is not a boundary here is simply not a word start.
    let (Some(head), Some(tail)) = (label.get(..i), label.get(i..)) else {
        return false;
    };
    let before = head.chars().next_back();
    let here = tail.chars().next();
    match (before, here) {
        (None, _) => true,
        (Some('_' | '.' | '/' | '-'), _) => true,
        (Some(b), Some(h)) => b.is_lowercase() && h.is_uppercase(),
        _ => false,
    }
}

/// The indices of `labels` that match `pattern`, best first (ties keep their order),
/// at most `limit` of them, and whether some were cut.
pub fn rank<'a>(
    pattern: &str,
    labels: impl Iterator<Item = &'a str>,
    limit: usize,
) -> (Vec<usize>, bool) {
    let mut scored: Vec<(u32, usize)> = labels
        .enumerate()
        .filter_map(|(i, l)| score(pattern, l).map(|s| (s, i)))
        .collect();
    scored.sort_unstable();
    let cut = scored.len() > limit;
    scored.truncate(limit);
    (scored.into_iter().map(|(_, i)| i).collect(), cut)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_prefix_then_word_start_then_substring_then_subsequence() {
        let labels = [
            "getFromStep",
            "get",
            "GET_X",
            "budget",
            "stepGet",
            "gxext",
            "target",
            "other",
        ];
        let (order, cut) = rank("get", labels.iter().copied(), 10);
        let got: Vec<&str> = order.iter().map(|&i| labels[i]).collect();
        assert_eq!(
            got,
            [
                "getFromStep",
                "get",
                "GET_X",
                "stepGet",
                "budget",
                "target",
                "gxext"
            ]
        );
        assert!(!cut);
        assert_eq!(score("gfs", "getFromStep"), Some(4));
        assert_eq!(score("FS", "getFromStep"), Some(5));
        assert_eq!(score("xyz", "getFromStep"), None);
        assert_eq!(score("", "anything"), Some(0));
    }

    #[test]
    fn cuts_at_the_limit_and_says_so() {
        let labels: Vec<String> = (0..10).map(|i| format!("p{i}")).collect();
        let (order, cut) = rank("p", labels.iter().map(String::as_str), 3);
        assert_eq!((order, cut), (vec![0, 1, 2], true));
        let (order, cut) = rank("p9", labels.iter().map(String::as_str), 3);
        assert_eq!((order, cut), (vec![9], false));
    }

    #[test]
    fn case_insensitive_and_non_ascii() {
        assert_eq!(score("zü", "Zürich"), Some(1));
        assert_eq!(score("RICH", "Zürich"), Some(3));
        assert_eq!(score("ZH", "Zürich"), Some(4));
    }
}
