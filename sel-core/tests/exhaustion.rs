//! Exhaustion attacks (spec §8.3 and more): every one ends with the exact limit error,
//! within the configured limits, and the real heap an evaluation uses stays bounded.
//!
//! This is its own test binary so that it can install a counting global allocator. The
//! counters are per thread (the test harness runs tests in parallel, and an evaluation
//! runs entirely on the calling thread), so each test measures only its own evaluation.
//!
//! The bound on real memory: SEL's accounting (§8.2) counts values, not bytes: 32 per
//! created value plus 2 per UTF-16 unit of a created string, and `s += x` growth is
//! not charged at all. Real Rust memory relates to it as follows:
//! * strings take at most 3 bytes per UTF-16 unit (UTF-8), i.e. ≤ 1.5× their charge,
//!   and a string being built may briefly hold its old and new buffers;
//! * scalars, array elements and map entries take fewer real bytes than the 32 (a
//!   LONG_ARRAY element is 8 bytes, a map entry about 60–80 with its hash slot, charged
//!   64 or more with its key);
//! * uncharged `+=` growth is capped by the limit on its own (a separate counter);
//! * a built-in may build its result before charging it, at most once more the budget.
//!
//! So a run-away evaluation that is stopped correctly peaks at roughly 2–3× the limit;
//! the suite allows `4 × limit + 16 MiB` (the constant covers the parsed program, the
//! operand stack and regex compilation). Without the limits these attacks reach
//! gigabytes, so the bound still catches any run-away growth.

use sel_core::{ErrorKind, Evaluator, Limits, SelError, Value};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

struct Counting;

thread_local! {
    static CURRENT: Cell<i64> = const { Cell::new(0) };
    static PEAK: Cell<i64> = const { Cell::new(0) };
}

fn record(delta: i64) {
    // `try_with`: the allocator also runs while thread-locals are being torn down.
    let _ = CURRENT.try_with(|c| {
        let now = c.get() + delta;
        c.set(now);
        let _ = PEAK.try_with(|p| p.set(p.get().max(now)));
    });
}

// SAFETY: every call forwards to the system allocator unchanged; the counters are
// thread-local `Cell`s with const initialisers, so recording never allocates.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            record(layout.size() as i64);
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc_zeroed(layout);
        if !p.is_null() {
            record(layout.size() as i64);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        record(-(layout.size() as i64));
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = System.realloc(ptr, layout, new_size);
        if !p.is_null() {
            record(new_size as i64 - layout.size() as i64);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const MIB: u64 = 1 << 20;

/// Evaluates `src` and returns the result with the peak heap growth (bytes above what
/// this thread held before the call) and the elapsed time.
fn measured(
    ev: &Evaluator,
    src: &str,
    vars: &HashMap<String, Value>,
) -> (Result<Value, SelError>, u64, Duration) {
    let base = CURRENT.with(Cell::get);
    PEAK.with(|p| p.set(base));
    let start = Instant::now();
    let r = ev.evaluate(src, vars, None);
    let elapsed = start.elapsed();
    let peak = PEAK.with(Cell::get) - base;
    (r, peak.max(0) as u64, elapsed)
}

/// The wall-clock limit the attacks run under. Each must be stopped by its own limit
/// long before this: one that is not ends with a `TimeoutException` instead of the
/// expected error, and fails. (Far above the time an attack takes, so that a loaded
/// machine cannot make a test flaky; far below the production 120 s, so that a
/// regression fails fast.)
const ATTACK_TIMEOUT: Duration = Duration::from_secs(30);

fn limits_with_memory(memory: u64) -> Limits {
    Limits {
        memory,
        timeout: ATTACK_TIMEOUT,
        ..Limits::default()
    }
}

/// Runs `src` under `limits` (no inputs, the timeout at most [`ATTACK_TIMEOUT`]),
/// asserts the error text and kind, and that real memory stayed within
/// `4 × memory limit + 16 MiB`.
fn attack(limits: Limits, src: &str, kind: ErrorKind, message: &str) {
    attack_with(limits, src, &HashMap::new(), kind, message);
}

fn attack_with(
    limits: Limits,
    src: &str,
    vars: &HashMap<String, Value>,
    kind: ErrorKind,
    message: &str,
) {
    let bound = 4 * limits.memory + 16 * MIB;
    let ev = Evaluator::new(Limits {
        timeout: limits.timeout.min(ATTACK_TIMEOUT),
        ..limits
    });
    let (r, peak, elapsed) = measured(&ev, src, vars);
    let shown = src.chars().take(120).collect::<String>();
    let e = match r {
        Ok(v) => panic!("{shown}: expected {kind:?}, got {}", v.display()),
        Err(e) => e,
    };
    // Shown with `--nocapture`: how close each attack comes to the bound.
    println!("peak {peak:>10} of {bound:>10} in {elapsed:>12.3?}: {shown}");
    assert_eq!((e.kind, e.message.as_str()), (kind, message), "{shown}");
    assert!(
        peak <= bound,
        "{shown}: peak heap {peak} bytes is over the bound {bound}"
    );
}

fn memory_error(limit: u64) -> String {
    format!("SEL evaluation aborted as it takes too much memory (in byte) over the limit {limit}")
}

const TEN_MB: u64 = 10_000_000;

#[test]
fn infinite_loops_hit_the_loop_limit() {
    let msg = "Loop execution aborted as the iteration is over the loop limit 25001";
    for src in [
        "for (;;) {}",
        "while (true) {}",
        "for (i = 0; i >= 0; i += 0) { }",
        "x = 0; while (x < 1) { x = x * 1; }",
    ] {
        attack(
            Limits::default(),
            src,
            ErrorKind::IllegalStateException,
            msg,
        );
    }
}

#[test]
fn nested_loops_hit_the_visit_limit() {
    let limits = Limits {
        visits: 1_000_000,
        ..Limits::default()
    };
    attack(
        limits.clone(),
        "for (i = 0; i < 25000; i += 1) { for (j = 0; j < 25000; j += 1) { } }",
        ErrorKind::IllegalStateException,
        "SEL evaluation aborted as it takes too many operations over the limit 1000000",
    );
    attack(
        limits,
        "n = 0; for (a = 0; a < 100; a += 1) { for (b = 0; b < 100; b += 1) { \
         for (c = 0; c < 100; c += 1) { n += 1; } } } return n;",
        ErrorKind::IllegalStateException,
        "SEL evaluation aborted as it takes too many operations over the limit 1000000",
    );
}

#[test]
fn string_doubling_hits_the_memory_limit() {
    let msg = memory_error(TEN_MB);
    for src in [
        // Charged: every `s + s` creates a value.
        "s = 'x'; for (i = 0; i < 100; i += 1) { s = s + s; } return s.length();",
        // Not charged by the reference (§8.2), bounded here by the growth budget.
        "s = 'x'; for (i = 0; i < 100; i += 1) { s += s; } return s.length();",
        "String s = 'ab'; while (true) { s += s; }",
        // Fresh uncharged strings kept alive: this held 2 GB before the growth budget.
        "a = new String[1000]; for (i = 0; i < 1000; i += 1) { t = 'xy'; \
         for (j = 0; j < 20; j += 1) { t += t; } a[i] = t; } return a.length;",
        "m = new Map(); for (i = 0; i < 1000; i += 1) { t = 'xy'; \
         for (j = 0; j < 20; j += 1) { t += t; } m.put(t + i, t); } return m.size();",
    ] {
        attack(
            limits_with_memory(TEN_MB),
            src,
            ErrorKind::IllegalStateException,
            &msg,
        );
    }
}

#[test]
fn huge_arrays_and_maps_hit_their_limits() {
    attack(
        limits_with_memory(TEN_MB),
        "a = new int[25000]; for (i = 0; i < 25000; i += 1) { a = new int[25000]; }",
        ErrorKind::IllegalStateException,
        &memory_error(TEN_MB),
    );
    attack(
        limits_with_memory(TEN_MB),
        "m = new Map(); for (i = 0; i < 25000; i += 1) { m.put('k' + i, new long[1000]); }",
        ErrorKind::IllegalStateException,
        &memory_error(TEN_MB),
    );
    attack(
        limits_with_memory(1_000_000),
        "m = new Map(); for (i = 0; i < 25000; i += 1) { m.put('key-' + i, 'value-' + i); }",
        ErrorKind::IllegalStateException,
        &memory_error(1_000_000),
    );
    for (src, n) in [
        ("new int[25001];", 25001),
        ("new String[2147483647];", 2147483647),
        ("int[] a = new int[]{1, 2}; new boolean[100000];", 100000),
    ] {
        attack(
            limits_with_memory(TEN_MB),
            src,
            ErrorKind::IllegalArgumentException,
            &format!("New array size is over the limit: 25001 vs length: {n}"),
        );
    }
    attack(
        Limits::default(),
        "new int[-1];",
        ErrorKind::NegativeArraySizeException,
        "-1",
    );
}

fn nest(open: &str, mid: &str, close: &str, n: usize) -> String {
    format!("{}{}{}", open.repeat(n), mid, close.repeat(n))
}

#[test]
fn nesting_beyond_max_depth_is_a_clean_error() {
    let n = sel_grammar::MAX_DEPTH as usize + 1;
    let msg = "Program nested too deeply: more than 1000 levels of parentheses, operators, blocks or statements";
    for src in [
        nest("(", "1", ")", n) + ";",
        nest("{", "1;", "}", n),
        format!("x = {}0;", "c ? 1 : ".repeat(n)),
        nest("Math.max(1, ", "1", ")", n) + ";",
        nest("if (true) ", "1;", "", n),
        format!("x = {}1;", "- ".repeat(n)),
        // Far beyond: must not overflow the native stack either.
        nest("(", "1", ")", 4900) + ";",
    ] {
        // A longer expression limit than production, so that nesting is what fails.
        let limits = Limits {
            length: 100_000,
            ..Limits::default()
        };
        attack(limits, &src, ErrorKind::StackOverflowError, msg);
    }
    // Below MAX_DEPTH, deep right-nested expressions hit the operand stack limit.
    attack(
        Limits::default(),
        &(nest("Math.max(1, ", "1", ")", 300) + ";"),
        ErrorKind::ArrayIndexOutOfBoundsException,
        "Array index out of range: 129",
    );
    attack(
        Limits::default(),
        &(nest("1 + (", "1", ")", 900) + ";"),
        ErrorKind::ArrayIndexOutOfBoundsException,
        "Array index out of range: 129",
    );
}

#[test]
fn expression_length_is_checked_before_parsing() {
    let src = format!("x = {};", "1 + ".repeat(2500)); // 10005 characters
    attack(
        Limits::default(),
        &src,
        ErrorKind::IllegalArgumentException,
        "Expression length is over the limit: 10000 vs length: 10005",
    );
}

#[test]
fn huge_format_widths_fail_without_allocating() {
    // The reference builds the string and fails on charging it (§8.2): its memory-limit
    // error, raised here before anything is built.
    for src in [
        "String.format('%999999999d', 1);",
        "String.format('%-999999999s', 'a');",
        "String.format('%.999999999f', 1.0);",
        "String.format('%0999999999d', 7);",
        "String.format('%4999984s', 'a');", // 32 + 2 × 4999984 = the limit
    ] {
        attack(
            limits_with_memory(TEN_MB),
            src,
            ErrorKind::IllegalStateException,
            &memory_error(TEN_MB),
        );
    }
    // One unit less fits: the bound is the reference's charge, not a guess.
    let ev = Evaluator::new(limits_with_memory(TEN_MB));
    let r = ev.evaluate("String.format('%4999983s', 'a');", &HashMap::new(), None);
    assert!(
        matches!(&r, Ok(Value::String(Some(s))) if s.len() == 4999983),
        "{r:?}"
    );
    // An error of the formatter's own after the long part is still the one raised.
    attack(
        limits_with_memory(TEN_MB),
        "String.format('%999999999d %s', 1);",
        ErrorKind::MissingFormatArgumentException,
        "Format specifier '%s'",
    );
    // Many widths each under the bound still add up to a charged result.
    attack(
        limits_with_memory(TEN_MB),
        "s = ''; for (i = 0; i < 100; i += 1) { s = s + String.format('%1000000d', i); }",
        ErrorKind::IllegalStateException,
        &memory_error(TEN_MB),
    );
}

#[test]
fn pathological_regexes_finish_quickly() {
    let ev = Evaluator::new(limits_with_memory(TEN_MB));
    // Within ATTACK_TIMEOUT, or the evaluation fails instead of giving this result.
    let (r, peak, _) = measured(
        &ev,
        "'aaaaaaaaaaaaaaaaaaaaaaaaaaaa!'.split('(a+)+$');",
        &HashMap::new(),
    );
    assert_eq!(
        r.unwrap(),
        Value::StringArray(vec![Some("aaaaaaaaaaaaaaaaaaaaaaaaaaaa!".into())])
    );
    assert!(peak < 16 * MIB);
    let a60 = "a".repeat(60);
    let (r, _, _) = measured(
        &ev,
        &format!("'{a60}'.replaceAll('(a|aa)+b', 'x');"),
        &HashMap::new(),
    );
    assert_eq!(r.unwrap(), Value::String(Some(a60.clone())));
    // A backreference forces backtracking: the backtracking limit stops it.
    attack(
        limits_with_memory(TEN_MB),
        &format!("'{a60}'.replaceAll('(a*)*\\\\1b', 'X');"),
        ErrorKind::IllegalStateException,
        "regex is too complex: it exceeded the backtracking limit while matching",
    );
}

#[test]
fn string_results_that_would_explode_fail_before_allocating() {
    // Each squares (or multiplies) a 65536-char string: the replaceAll case aborted the
    // process with an 8 GiB allocation before the bound.
    let big = "s = 'x'; for (j = 0; j < 16; j += 1) { s += s; } ";
    for tail in [
        "t = s.replaceAll('', s); return t.length();",
        "t = s.replace('x', s); return t.length();",
        "t = s.replace('', s); return t.length();",
        "a = new String[1000]; return String.join(s, a).length();",
        "return String.join(s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, \
         s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, \
         s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, \
         s, s, s, s, s).length();",
    ] {
        attack(
            limits_with_memory(TEN_MB),
            &format!("{big}{tail}"),
            ErrorKind::IllegalStateException,
            &memory_error(TEN_MB),
        );
    }
    // split('') of a 2-million-char string: millions of parts, stopped while splitting.
    attack(
        limits_with_memory(TEN_MB),
        "s = 'x'; for (j = 0; j < 21; j += 1) { s += s; } return s.split('').length;",
        ErrorKind::IllegalStateException,
        &memory_error(TEN_MB),
    );
}

#[test]
fn long_method_chains_and_many_declarations_stay_bounded() {
    let ev = Evaluator::new(limits_with_memory(TEN_MB));
    let chain = format!("return 'abc'{};", ".toUpperCase()".repeat(600));
    let (r, peak, _) = measured(&ev, &chain, &HashMap::new());
    assert_eq!(r.unwrap(), Value::String(Some("ABC".into())));
    assert!(peak < 16 * MIB, "peak {peak}");
    let chain = format!("return 'abc'{}.length();", ".trim()".repeat(1400));
    assert_eq!(
        measured(&ev, &chain, &HashMap::new()).0.unwrap(),
        Value::Long(3)
    );
    // 650 declarations (about what the length limit allows): fine, and cheap.
    let decls: String = (0..650).map(|i| format!("int a{i} = {i};")).collect();
    let src = format!("{decls} return a649;");
    assert!(src.len() < 10_000);
    assert_eq!(
        measured(&ev, &src, &HashMap::new()).0.unwrap(),
        Value::Long(649)
    );
    // Declarations with a literal initialiser share the literal (§8.2: not charged);
    // without one each creates a default value, and under a small limit they fail.
    let bare: String = (0..650).map(|i| format!("long a{i};")).collect();
    attack(
        limits_with_memory(10_000),
        &bare,
        ErrorKind::IllegalStateException,
        &memory_error(10_000),
    );
}

#[test]
fn huge_params_are_charged_when_read() {
    let mut vars = HashMap::new();
    vars.insert("big".to_string(), Value::String(Some("x".repeat(10 << 20))));
    vars.insert("many".to_string(), Value::LongArray(vec![7; 1_000_000]));
    // The inputs exist before the evaluation (outside the measured growth); reading
    // one charges it (§8.2) and 10 MiB of text is 20 MiB of UTF-16.
    for src in [
        "big.length();",
        "return many.length;",
        "x = 1; many[0] + 1;",
    ] {
        attack_with(
            limits_with_memory(TEN_MB),
            src,
            &vars,
            ErrorKind::IllegalStateException,
            &memory_error(TEN_MB),
        );
    }
    // With room for them, they are usable, and unread ones cost nothing.
    let ev = Evaluator::new(limits_with_memory(100_000_000));
    let (r, _, _) = measured(&ev, "big.length() + many.length;", &vars);
    assert_eq!(r.unwrap(), Value::Long((10 << 20) + 1_000_000));
    let ev = Evaluator::new(limits_with_memory(1_000));
    assert_eq!(measured(&ev, "return 1;", &vars).0.unwrap(), Value::Long(1));
}

#[test]
fn util_ranges_hit_the_memory_limit() {
    for src in [
        "Util.intsBetween(0, 2147483647, 1);",
        "Util.intsBetween(-2147483648, 2147483647, 1);",
        "Util.intsBetween(2147483647, 0, -1);",
    ] {
        attack(
            limits_with_memory(TEN_MB),
            src,
            ErrorKind::IllegalStateException,
            &memory_error(TEN_MB),
        );
    }
}

#[test]
fn date_ranges_over_millennia_hit_the_memory_limit() {
    for src in [
        "Util.dateIntsBetween(10000101, 29991231, 1);",
        "Util.dateIntsBetween(20240101, 99991231, 1).length;",
        "Util.dateIntsBetween('10000101', '99991231', 1);",
    ] {
        attack(
            limits_with_memory(TEN_MB),
            src,
            ErrorKind::IllegalStateException,
            &memory_error(TEN_MB),
        );
    }
}

#[test]
fn cyclic_maps_fail_cleanly() {
    let msg = "Self-referencing map cannot be displayed or converted";
    for src in [
        "m = new Map(); m.put('a', m); return m;",
        "m = new Map(); m.put('a', m); return 'x' + m;",
        "m = new Map(); n = new Map(); m.put('n', n); n.put('m', m); return m;",
        "m = new Map(); m.put('a', m); s = ''; s += m;",
    ] {
        attack(
            limits_with_memory(TEN_MB),
            src,
            ErrorKind::StackOverflowError,
            msg,
        );
    }
}

/// `c.put('a', new Map()); c = c.get('a');` `n` times: a chain of `n` nested maps.
fn map_chain(n: usize) -> String {
    format!(
        "r = new Map(); c = r; for (i = 0; i < {n}; i += 1) {{ c.put('a', new Map()); c = c.get('a'); }} "
    )
}

#[test]
fn deeply_nested_maps_do_not_overflow_the_native_stack() {
    // Both used to abort the process: dropping the chain (recursive drop) and walking
    // it (recursive display and conversion), 20,000 levels down.
    let ev = Evaluator::new(limits_with_memory(TEN_MB));
    let src = format!("{} return r.size();", map_chain(20_000));
    assert_eq!(
        measured(&ev, &src, &HashMap::new()).0.unwrap(),
        Value::Long(1)
    );
    let msg = "Map nested too deeply to be displayed or converted: more than 1000 levels";
    for tail in [
        "return r;",
        "return '' + r;",
        "s = 'x'; s += r;",
        "String.format('%s', r);",
    ] {
        attack(
            limits_with_memory(TEN_MB),
            &format!("{} {tail}", map_chain(20_000)),
            ErrorKind::StackOverflowError,
            msg,
        );
    }
    // 1000 levels are still displayed, on a small thread stack too.
    let src = format!("{} return '' + r;", map_chain(999));
    let shown = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            Evaluator::new(Limits::default())
                .evaluate(&src, &(), None)
                .map(|v| v.display())
        })
        .unwrap()
        .join()
        .unwrap()
        .unwrap();
    assert_eq!(
        shown,
        format!("{}{{}}{}", "{a=".repeat(999), "}".repeat(999))
    );
    attack(
        limits_with_memory(TEN_MB),
        &format!("{} c.put('a', new Map()); return r;", map_chain(999)),
        ErrorKind::StackOverflowError,
        msg,
    );
}

#[test]
fn maps_shared_many_times_do_not_expand_without_bound() {
    // Each map holds the previous one twice: 2^26 entries to display or convert, from
    // a few kilobytes of charged values.
    let mut src = "m0 = new Map(); m0.put('k', 'v'); ".to_string();
    for i in 1..=26 {
        let p = i - 1;
        src += &format!("m{i} = new Map(); m{i}.put('a', m{p}); m{i}.put('b', m{p}); ");
    }
    let msg = "Map too large to be displayed or converted: the maps it holds in several places repeat more than 65536 entries";
    for tail in ["return m26;", "return '' + m26;", "s = ''; s += m26;"] {
        attack(
            limits_with_memory(TEN_MB),
            &format!("{src}{tail}"),
            ErrorKind::IllegalStateException,
            msg,
        );
    }
    // Modest sharing displays as the reference does.
    let ev = Evaluator::new(limits_with_memory(TEN_MB));
    let (r, _, _) = measured(&ev, &format!("{src}return '' + m3;"), &HashMap::new());
    let m1 = "{a={k=v}, b={k=v}}";
    let m2 = format!("{{a={m1}, b={m1}}}");
    assert_eq!(
        r.unwrap(),
        Value::String(Some(format!("{{a={m2}, b={m2}}}")))
    );
}

/// Limits under which the spin below runs for hours: only the clock can stop it. (The
/// memory limit too must be out of reach: each iteration charges its comparison's
/// result, and compiled loops reach the default 100 MB in well under a second.)
fn unbounded() -> Limits {
    Limits {
        loops: 2_000_000_000,
        visits: 9_000_000_000_000_000_000,
        memory: u64::MAX,
        ..Limits::default()
    }
}

const SPIN: &str =
    "n = 0; for (i = 0; i < 2000000000; i += 1) { for (j = 0; j < 2000000000; j += 1) { n += 1; } }";

#[test]
fn timeout_stops_a_long_evaluation() {
    let timeout = Duration::from_millis(200);
    let ev = Evaluator::new(Limits {
        timeout,
        ..unbounded()
    });
    let start = Instant::now();
    let e = ev.evaluate(SPIN, &(), None).unwrap_err();
    let elapsed = start.elapsed();
    assert_eq!(e.kind, ErrorKind::TimeoutException);
    assert!(e.is_limit());
    assert!(elapsed >= timeout, "stopped after {elapsed:?}");
    // Generous: a loaded CI machine must not make this flaky.
    assert!(elapsed < 10 * timeout, "stopped after {elapsed:?}");
}

#[test]
fn timeout_stops_loops_of_slow_built_in_calls() {
    // Each call scans a 4-million-char string: few node visits, much time. Before the
    // calls were weighed for the deadline this ran for many minutes past its timeout.
    let timeout = Duration::from_millis(300);
    let ev = Evaluator::new(Limits {
        timeout,
        memory: 100_000_000,
        ..unbounded()
    });
    for body in [
        "s.length();",
        "s.contains('ab');",
        "s.lastIndexOf('b');",
        "s.compareTo(s);",
    ] {
        let src = format!(
            "s = 'a'; for (j = 0; j < 22; j += 1) {{ s += s; }} \
             for (i = 0; i < 25000; i += 1) {{ {body} }}"
        );
        let start = Instant::now();
        let e = ev.evaluate(&src, &(), None).unwrap_err();
        let elapsed = start.elapsed();
        assert_eq!(
            (e.kind, e.message.as_str()),
            (
                ErrorKind::TimeoutException,
                "SEL evaluation timed out after 300 ms"
            ),
            "{body}"
        );
        assert!(elapsed < 10 * timeout, "{body}: stopped after {elapsed:?}");
    }
}

#[test]
fn cancellation_from_another_thread_stops_the_evaluation() {
    let ev = Evaluator::new(unbounded());
    let cancel = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&cancel);
    let canceller = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(100));
        flag.store(true, Ordering::SeqCst);
    });
    let start = Instant::now();
    let e = ev
        .evaluate_with_cancel(SPIN, &(), None, &cancel)
        .unwrap_err();
    let elapsed = start.elapsed();
    canceller.join().unwrap();
    assert_eq!(
        (e.kind, e.message.as_str()),
        (
            ErrorKind::Cancelled,
            "SEL evaluation was cancelled by the host"
        )
    );
    assert!(elapsed >= Duration::from_millis(100), "{elapsed:?}");
    // Generous, like the timeout tests: what matters is that it stops.
    assert!(elapsed < Duration::from_secs(10), "{elapsed:?}");
    // The evaluator is reusable afterwards.
    assert_eq!(ev.evaluate("1 + 1;", &(), None).unwrap(), Value::Long(2));
}

#[test]
fn the_allocator_counts_this_thread() {
    // Guards the measurement itself: a 32 MiB allocation must show up in the peak.
    let base = CURRENT.with(Cell::get);
    PEAK.with(|p| p.set(base));
    let v = vec![1u8; 32 << 20];
    assert_eq!(v.len(), 32 << 20);
    drop(v);
    assert!(PEAK.with(Cell::get) - base >= 32 << 20);
    assert!(CURRENT.with(Cell::get) - base < 1 << 20);
}

#[test]
fn cyclic_maps_do_not_leak_across_evaluations() {
    // Reference counting never frees a map that holds itself: each of these runs
    // leaked its 32 KB before maps were emptied at the end of every evaluation.
    let ev = Evaluator::new(Limits::default());
    let src = "m = new Map(); m.put('a', m); s = 'x'; \
               for (i = 0; i < 100; i += 1) { m.put('k' + i, s + i); } return m.size();";
    let err_src = "m = new Map(); m.put('a', m); m.put('b', 'x' + m);";
    // Warm-up: anything cached on first use is allocated here.
    assert_eq!(ev.evaluate(src, &(), None).unwrap(), Value::Long(101));
    let base = CURRENT.with(Cell::get);
    for _ in 0..200 {
        assert_eq!(ev.evaluate(src, &(), None).unwrap(), Value::Long(101));
        let e = ev.evaluate(err_src, &(), None).unwrap_err();
        assert_eq!(e.kind, ErrorKind::StackOverflowError);
    }
    let leaked = CURRENT.with(Cell::get) - base;
    assert!(
        leaked < 4096,
        "{leaked} bytes still held after 400 evaluations"
    );
}
