//! Unit tests of the formatter; expected values were observed on a JDK (21+ rules).

#![allow(clippy::approx_constant)] // 3.14159 is the corpus value, not PI

use super::FormatArg::*;
use super::*;
use crate::error::ErrorKind::*;

fn s(t: &str) -> FormatArg {
    FormatArg::Str(t.to_string())
}

fn fmt(f: &str, args: &[FormatArg]) -> Result<String, SelError> {
    format(f, args, usize::MAX).map(|s| s.expect("unbounded"))
}

#[test]
fn outputs() {
    let cases: Vec<(&str, Vec<FormatArg>, &str)> = vec![
        // From the conformance corpus.
        ("%d", vec![Int(5)], "5"),
        ("%x", vec![Int(255)], "ff"),
        ("%X", vec![Int(255)], "FF"),
        ("%.2f", vec![Double(3.14159)], "3.14"),
        ("%.0f", vec![Double(2.5)], "3"),
        ("%.0f", vec![Double(3.5)], "4"),
        ("%-10s|", vec![s("l")], "l         |"),
        ("%s", vec![Double(1e10)], "1.0E10"),
        ("%s", vec![Double(1e23)], "1.0E23"),
        ("%b", vec![Bool(true)], "true"),
        ("%s", vec![Null], "null"),
        ("plain", vec![], "plain"),
        ("%1$s %1$s", vec![s("a")], "a a"),
        ("%s", vec![s("a"), s("b")], "a"),
        ("%05.1f", vec![Double(3.14159)], "003.1"),
        ("%+d", vec![Int(5)], "+5"),
        ("%o", vec![Int(8)], "10"),
        ("%c", vec![Int(65)], "A"),
        ("%S", vec![s("up")], "UP"),
        ("Q%s-%s", vec![Int(3), Int(2021)], "Q3-2021"),
        (
            "%s_%s",
            vec![s("data-eng"), s("20240301")],
            "data-eng_20240301",
        ),
        ("%s%02d", vec![s("20240301"), Int(7)], "2024030107"),
        ("%d", vec![Int(1294967296)], "1294967296"),
        (
            "%s",
            vec![Other {
                to_string: "{}".to_string(),
                class_name: "java.util.HashMap".to_string(),
            }],
            "{}",
        ),
        // Observed on a JDK.
        ("%s-%s", vec![s("a"), s("b")], "a-b"),
        ("%x", vec![Int(-1)], "ffffffff"),
        ("%x", vec![Long(-1)], "ffffffffffffffff"),
        ("%o", vec![Int(-8)], "37777777770"),
        ("%08.3f", vec![Double(-3.14159)], "-003.142"),
        ("%,d", vec![Int(1234567)], "1,234,567"),
        ("%0,10d", vec![Int(1234567)], "01,234,567"),
        ("%(d", vec![Int(-5)], "(5)"),
        ("%(8.2f", vec![Double(-3.14159)], "  (3.14)"),
        ("%e", vec![Double(12345.678)], "1.234568e+04"),
        ("%g", vec![Double(12345.678)], "12345.7"),
        ("%.2f", vec![Double(0.125)], "0.13"),
        ("%.1f", vec![Double(0.05)], "0.1"),
        ("%.2f", vec![Double(1.005)], "1.01"),
        ("%h", vec![s("hello")], "5e918d2"),
        ("%H", vec![Double(1.5)], "3FF80000"),
        ("%h", vec![Long(-3000000000)], "b2d05dff"),
        ("%h", vec![Bool(true)], "4cf"),
        ("%b", vec![Null], "false"),
        ("%B", vec![s("x")], "TRUE"),
        ("%c", vec![Int(128512)], "😀"),
        ("%-6s|", vec![s("😀")], "😀    |"),
        ("%.3s", vec![s("abcdef")], "abc"),
        ("%S", vec![s("straße")], "STRASSE"),
        ("%+d %+d", vec![Int(5), Int(-5)], "+5 -5"),
        ("% d", vec![Int(42)], " 42"),
        (
            "%#x %#o %#X",
            vec![Int(255), Int(8), Long(255)],
            "0xff 010 0XFF",
        ),
        ("%010x", vec![Int(-255)], "00ffffff01"),
        ("%,.3f", vec![Double(1000000.0)], "1,000,000.000"),
        ("%.0e", vec![Double(2.5)], "3e+00"),
        ("%#.0f", vec![Double(2.5)], "3."),
        ("%g", vec![Double(0.0)], "0.00000"),
        ("%g", vec![Double(0.0001)], "0.000100000"),
        ("%.3g", vec![Double(124999.5)], "1.25e+05"),
        ("%a", vec![Double(1.0)], "0x1.0p0"),
        ("%A", vec![Double(-3.0)], "-0X1.8P1"),
        (
            "%10.4f|%-10.4f|",
            vec![Double(f64::INFINITY), Double(f64::NAN)],
            "  Infinity|NaN       |",
        ),
        ("%e", vec![Double(-0.0)], "-0.000000e+00"),
        ("%tF %<tT", vec![Long(1709276400123)], "2024-03-01 07:00:00"),
        (
            "%s %S %b %h",
            vec![Double(f64::NAN), Double(f64::NEG_INFINITY), Null, Null],
            "NaN -INFINITY false null",
        ),
        ("%1$s %1$s %s %s", vec![s("a"), s("b")], "a a a b"),
        ("%5%|%-5%|%n", vec![], "    %|%    |\n"),
        (
            "%d",
            vec![Long(-9223372036854775808)],
            "-9223372036854775808",
        ),
        (
            "%,d",
            vec![Long(-9223372036854775808)],
            "-9,223,372,036,854,775,808",
        ),
        ("%.2f", vec![Double(1e20)], "100000000000000000000.00"),
        ("%.2f", vec![Double(1e23)], "100000000000000000000000.00"),
        ("%f", vec![Double(4.9e-324)], "0.000000"),
        ("%e", vec![Double(4.9e-324)], "4.900000e-324"),
        ("%.1e", vec![Double(4.9e-324)], "4.9e-324"),
        ("%g", vec![Double(4.9e-324)], "4.90000e-324"),
        ("%.20e", vec![Double(0.1)], "1.00000000000000000000e-01"),
        ("%s", vec![Double(1e20)], "1.0E20"),
        ("%s", vec![Int(-2147483648)], "-2147483648"),
        ("%-5c|", vec![Int(65)], "A    |"),
    ];
    for (f, args, want) in cases {
        assert_eq!(fmt(f, &args).as_deref(), Ok(want), "{f:?} {args:?}");
    }
}

#[test]
fn errors() {
    let cases: Vec<(&str, Vec<FormatArg>, ErrorKind, &str)> = vec![
        (
            "%d",
            vec![s("1")],
            IllegalFormatConversionException,
            "d != java.lang.String",
        ),
        (
            "%s-%s",
            vec![s("a")],
            MissingFormatArgumentException,
            "Format specifier '%s'",
        ),
        (
            "%d",
            vec![Other {
                to_string: "x".to_string(),
                class_name: "org.joda.time.DateTime".to_string(),
            }],
            IllegalFormatConversionException,
            "d != org.joda.time.DateTime",
        ),
        (
            "%d",
            vec![Double(1.5)],
            IllegalFormatConversionException,
            "d != java.lang.Double",
        ),
        (
            "%q",
            vec![],
            UnknownFormatConversionException,
            "Conversion = 'q'",
        ),
        (
            "%",
            vec![],
            UnknownFormatConversionException,
            "Conversion = '%'",
        ),
        (
            "%s %s",
            vec![s("a")],
            MissingFormatArgumentException,
            "Format specifier '%s'",
        ),
        (
            "%<s",
            vec![],
            MissingFormatArgumentException,
            "Format specifier '%<s'",
        ),
        (
            "%3$s",
            vec![s("a")],
            MissingFormatArgumentException,
            "Format specifier '%3$s'",
        ),
        (
            "%tY",
            vec![Int(0)],
            IllegalFormatConversionException,
            "Y != java.lang.Integer",
        ),
        (
            "%x",
            vec![Double(0.0)],
            IllegalFormatConversionException,
            "x != java.lang.Double",
        ),
        (
            "%c",
            vec![Long(65)],
            IllegalFormatConversionException,
            "c != java.lang.Long",
        ),
        (
            "%c",
            vec![s("A")],
            IllegalFormatConversionException,
            "c != java.lang.String",
        ),
        // Parse-time checks (observed on a JDK).
        (
            "%+ X",
            vec![Int(1)],
            IllegalFormatFlagsException,
            "Flags = '^+ '",
        ),
        (
            "%-08d",
            vec![Int(1)],
            IllegalFormatFlagsException,
            "Flags = '-0'",
        ),
        (
            "%99999999999s",
            vec![s("a")],
            IllegalFormatWidthException,
            "-2147483648",
        ),
        (
            "%.99999999999f",
            vec![Double(0.0)],
            IllegalFormatPrecisionException,
            "-2147483648",
        ),
        (
            "%-",
            vec![],
            UnknownFormatConversionException,
            "Conversion = '-'",
        ),
        (
            "%5",
            vec![],
            UnknownFormatConversionException,
            "Conversion = '5'",
        ),
        (
            "%.f",
            vec![],
            UnknownFormatConversionException,
            "Conversion = '.'",
        ),
        ("%--q", vec![], DuplicateFormatFlagsException, "Flags = '-'"),
        (
            "%tq",
            vec![Long(0)],
            UnknownFormatConversionException,
            "Conversion = 'tq'",
        ),
        (
            "%c",
            vec![Int(0x110000)],
            IllegalFormatCodePointException,
            "Code point = 0x110000",
        ),
        (
            "%c",
            vec![Int(-1)],
            IllegalFormatCodePointException,
            "Code point = 0xffffffff",
        ),
        (
            "%0$s",
            vec![s("a")],
            IllegalFormatArgumentIndexException,
            "Illegal format argument index = 0",
        ),
        ("%-s", vec![], MissingFormatWidthException, "%-s"),
        ("%-#s", vec![s("x")], MissingFormatWidthException, "%-#s"),
        (
            "%,s",
            vec![s("x")],
            FormatFlagsConversionMismatchException,
            "Conversion = s, Flags = ,",
        ),
        (
            "%#s",
            vec![Null],
            FormatFlagsConversionMismatchException,
            "Conversion = s, Flags = #",
        ),
        ("%.2c", vec![Int(65)], IllegalFormatPrecisionException, "2"),
        (
            "%#b",
            vec![Bool(true)],
            FormatFlagsConversionMismatchException,
            "Conversion = b, Flags = #",
        ),
        (
            "%,e",
            vec![Double(0.0)],
            FormatFlagsConversionMismatchException,
            "Conversion = e, Flags = ,",
        ),
        (
            "%+(.1h",
            vec![Null],
            FormatFlagsConversionMismatchException,
            "Conversion = h, Flags = +(",
        ),
        (
            "%+x",
            vec![Int(1)],
            FormatFlagsConversionMismatchException,
            "Conversion = x, Flags = +",
        ),
        ("%5n", vec![], IllegalFormatWidthException, "5"),
        ("%-n", vec![], IllegalFormatFlagsException, "Flags = '-'"),
        ("%.1%", vec![], IllegalFormatPrecisionException, "1"),
        ("%-%", vec![], MissingFormatWidthException, "%-%"),
        ("%2$-%", vec![], MissingFormatWidthException, "%-%"),
        ("%-Tc", vec![], MissingFormatWidthException, "%-TC"),
        // A parse error later in the string wins over an argument error before it.
        (
            "%d %q",
            vec![Double(1.5)],
            UnknownFormatConversionException,
            "Conversion = 'q'",
        ),
    ];
    for (f, args, kind, msg) in cases {
        let e = fmt(f, &args).unwrap_err();
        assert_eq!((e.kind, e.message.as_str()), (kind, msg), "{f:?} {args:?}");
    }
}

#[test]
fn printing_flags_are_checked_only_for_numbers() {
    assert_eq!(fmt("%+x", &[Null]).as_deref(), Ok("null"));
    assert_eq!(fmt("%X", &[Null]).as_deref(), Ok("NULL"));
}

#[test]
fn lengths_are_bounded() {
    for (f, args) in [
        ("%1000000000d", vec![Int(1)]),
        ("%.1000000000f", vec![Double(1.0)]),
        ("%0100000000d", vec![Int(1)]),
    ] {
        assert_eq!(format(f, &args, 10_000).unwrap(), None, "{f}");
    }
    assert_eq!(format("%s%s", &[s("abc"), s("def")], 5).unwrap(), None);
    // The bound counts UTF-16 units: the emoji is two.
    assert_eq!(
        format("%s%s", &[s("ab"), s("c😀")], 5).unwrap().as_deref(),
        Some("abc😀")
    );
    assert_eq!(format("%s%s", &[s("ab"), s("cd😀")], 5).unwrap(), None);
    assert_eq!(
        format("%5s", &[s("a")], 5).unwrap().as_deref(),
        Some("    a")
    );
    // A precision that only truncates is harmless.
    assert_eq!(
        format("%.1000000000s", &[s("a")], 5).unwrap().as_deref(),
        Some("a")
    );
}

#[test]
fn date_names_of_a_long() {
    // 2024-03-01 was a Friday; 1970-01-01 a Thursday.
    let friday = 1_709_251_200_000;
    assert_eq!(
        fmt(
            "%tA %ta %tB %tb",
            &[
                Long(friday),
                Long(friday + 2 * 86_400_000),
                Long(friday),
                Long(friday)
            ]
        )
        .unwrap(),
        "Friday Sun March Mar"
    );
    assert_eq!(fmt("%tA", &[Long(0)]).unwrap(), "Thursday");
    assert_eq!(fmt("%tA", &[Long(-86_400_000)]).unwrap(), "Wednesday");
}

/// The borrowed plain `%s` of a string gives what `render` gives.
#[test]
fn plain_s_matches_render() {
    for s in ["", "a", "data-eng", "日本語", "%s", "null", "x\ny"] {
        let pieces = spec::parse("%s").unwrap();
        let Piece::Spec(spec) = &pieces[0] else {
            panic!("not a spec")
        };
        assert!(is_plain_s(spec));
        let arg = FormatArg::Str(s.to_string());
        assert_eq!(render(spec, &arg).unwrap(), s);
        assert_eq!(
            format("%s", std::slice::from_ref(&arg), usize::MAX)
                .unwrap()
                .unwrap(),
            s
        );
        assert_eq!(
            format("<%s|%1$s>", &[arg], usize::MAX).unwrap().unwrap(),
            format!("<{s}|{s}>")
        );
    }
    for f in ["%S", "%5s", "%-5s", "%.2s", "%ts", "%#s"] {
        let Ok(pieces) = spec::parse(f) else { continue };
        if let Piece::Spec(spec) = &pieces[0] {
            assert!(!is_plain_s(spec), "{f}");
        }
    }
    // Too long still fails on the limit.
    assert_eq!(
        format("%s", &[FormatArg::Str("abcdef".into())], 5).unwrap(),
        None
    );
}

/// Past the bound the result is `None` (the caller's memory-limit error), but only once
/// the rest of the format has been checked: Java builds the long string first, so a
/// later error of its own is the one it raises.
#[test]
fn output_past_the_bound() {
    let bounded = |f: &str, args: &[FormatArg]| format(f, args, 5);
    assert_eq!(bounded("abcde", &[]).unwrap().as_deref(), Some("abcde"));
    assert_eq!(bounded("abcdef", &[]).unwrap(), None);
    assert_eq!(bounded("%5s", &[s("a")]).unwrap().as_deref(), Some("    a"));
    assert_eq!(bounded("%6s", &[s("a")]).unwrap(), None);
    assert_eq!(bounded("%-999999999s", &[s("a")]).unwrap(), None);
    assert_eq!(bounded("%.999999999f", &[Double(1.0)]).unwrap(), None);
    assert_eq!(bounded("%0999999999d", &[Int(7)]).unwrap(), None);
    assert_eq!(bounded("%999999999%", &[]).unwrap(), None);
    assert_eq!(bounded("%s%s", &[s("abc"), s("def")]).unwrap(), None);
    let e = bounded("%10s %s", &[s("a")]).unwrap_err();
    assert_eq!(
        (e.kind, e.message.as_str()),
        (MissingFormatArgumentException, "Format specifier '%s'")
    );
    let e = bounded("%999999999d", &[s("a")]).unwrap_err();
    assert_eq!(
        (e.kind, e.message.as_str()),
        (IllegalFormatConversionException, "d != java.lang.String")
    );
    let e = bounded("abcdef%d", &[Double(1.0)]).unwrap_err();
    assert_eq!(
        (e.kind, e.message.as_str()),
        (IllegalFormatConversionException, "d != java.lang.Double")
    );
}
