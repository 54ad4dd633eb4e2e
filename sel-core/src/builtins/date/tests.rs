//! SEL-level tests of the date classes: argument conversion and narrowing, which
//! errors are wrapped in "Failed calling method", statics, null receivers, display and
//! string conversion. Expected values come from the spec (§7.12–§7.17) and the
//! conformance corpus.

use crate::{Evaluator, FixedClock, Limits};
use std::sync::Arc;

/// 2019-06-01T12:00:00Z.
const NOW: i64 = 1_559_390_400_000;

fn evaluator(zone: &str) -> Evaluator {
    Evaluator::new(Limits::default())
        .with_clock(Arc::new(FixedClock(NOW)))
        .with_default_zone(zone)
        .with_util_function("toJson", crate::maestro::to_json())
}

/// `TYPE: display`, or `<class>: <message>` with ` <- <cause>` when wrapped.
fn run_in(zone: &str, src: &str) -> String {
    match evaluator(zone).evaluate(src, &(), None) {
        Ok(v) => format!("{}: {}", v.type_name(), v.display()),
        Err(e) => match &e.cause {
            Some(c) => format!("{e} <- {c}"),
            None => e.to_string(),
        },
    }
}

fn run(src: &str) -> String {
    run_in("UTC", src)
}

fn check(cases: &[(&str, &str)]) {
    for (src, want) in cases {
        assert_eq!(run(src), *want, "{src}");
    }
}

const FAILED: &str = "java.lang.IllegalArgumentException: Failed calling method";
const CCE: &str = "java.lang.ClassCastException";

#[test]
fn int_parameters_take_only_integers() {
    check(&[
        (
            "new DateTime(0).plusDays(3000000000);",
            &format!("{FAILED} plusDays1 <- {CCE}: Cannot cast java.lang.Long to java.lang.Integer"),
        ),
        (
            "new DateTime(0).plusDays(1.5);",
            &format!("{FAILED} plusDays1 <- {CCE}: Cannot cast java.lang.Double to java.lang.Integer"),
        ),
        (
            "new DateTime(0).withYear('2019');",
            &format!("{FAILED} withYear1 <- {CCE}: Cannot cast java.lang.String to java.lang.Integer"),
        ),
        (
            "new DateTime(0).plusHours(null);",
            &format!("{FAILED} plusHours1 <- java.lang.NullPointerException: Cannot invoke \"java.lang.Integer.intValue()\" because argument is null"),
        ),
        // Below Integer.MIN_VALUE the value is truncated to its low 32 bits (Q8).
        (
            "new DateTime(0).plusDays(-4294967295);",
            "DATETIME: 1970-01-02T00:00:00.000Z",
        ),
    ]);
}

#[test]
fn reference_parameters_are_cast() {
    check(&[
        (
            "new DateTime(0).withZone('UTC');",
            &format!("{FAILED} withZone1 <- {CCE}: Cannot cast java.lang.String to org.joda.time.DateTimeZone"),
        ),
        (
            "new DateTime(0).isAfter(1);",
            &format!("{FAILED} isAfter1 <- {CCE}: Cannot cast java.lang.Integer to org.joda.time.ReadableInstant"),
        ),
        (
            "new DateTime(0).toString(5);",
            &format!("{FAILED} toString1 <- {CCE}: Cannot cast java.lang.Integer to java.lang.String"),
        ),
        (
            "new DateTime(0).isBefore(UUID.randomUUID());",
            &format!("{FAILED} isBefore1 <- java.lang.UnsupportedOperationException: class com.netflix.sel.type.SelJavaUUID does not support getInternalVal operation."),
        ),
        // A null zone is the default zone; a null instant is now; a null pattern is ISO.
        (
            "new DateTime(0, DateTimeZone.forID('Asia/Tokyo')).withZone(null);",
            "DATETIME: 1970-01-01T00:00:00.000Z",
        ),
        ("new DateTime(0).isBefore(null);", "BOOLEAN: true"),
        ("new DateTime(0).toString(null);", "STRING: 1970-01-01T00:00:00.000Z"),
    ]);
}

#[test]
fn joda_errors_are_wrapped_only_for_datetime_methods() {
    check(&[
        (
            "new DateTime(0).withDayOfMonth(32);",
            &format!("{FAILED} withDayOfMonth1 <- org.joda.time.IllegalFieldValueException: Value 32 for dayOfMonth must be in the range [1,31]"),
        ),
        (
            "new DateTime(2019, 3, 10, 12, 0, 0, 0, DateTimeZone.forID('America/Los_Angeles')).withHourOfDay(2);",
            &format!("{FAILED} withHourOfDay1 <- org.joda.time.IllegalFieldValueException: Value 2 for hourOfDay is not supported: Illegal instant due to time zone offset transition (daylight savings time 'gap'): 2019-03-10T02:00:00.000 (America/Los_Angeles)"),
        ),
        (
            "new DateTime(0).toString('yyyy q');",
            &format!("{FAILED} toString1 <- java.lang.IllegalArgumentException: Illegal pattern component: q"),
        ),
        // Constructors, formatters, zones, properties and Days do not wrap.
        (
            "new DateTime(2019, 2, 30, 0, 0, 0, 0, DateTimeZone.UTC);",
            "org.joda.time.IllegalFieldValueException: Value 30 for dayOfMonth must be in the range [1,28]: year: 2019 month: 2",
        ),
        (
            "DateTimeFormat.forPattern('yyyyMMdd').parseDateTime('20190230');",
            "org.joda.time.IllegalFieldValueException: Cannot parse \"20190230\": Value 30 for dayOfMonth must be in the range [1,28]",
        ),
        (
            "DateTimeFormat.forPattern('yyyy q');",
            "java.lang.IllegalArgumentException: Illegal pattern component: q",
        ),
        (
            "DateTimeZone.forID('PST');",
            "java.lang.IllegalArgumentException: The datetime zone id 'PST' is not recognised",
        ),
        (
            "Days.daysBetween(new DateTime(0), DateTime);",
            "java.lang.IllegalArgumentException: ReadableInstant objects must not be null",
        ),
        (
            "new DateTime(2011, 10, 16, 12, 0, 0, 0, DateTimeZone.forID('America/Sao_Paulo')).hourOfDay().withMinimumValue();",
            "DATETIME: 2011-10-16T01:00:00.000-02:00",
        ),
    ]);
}

#[test]
fn statics_and_null_receivers() {
    check(&[
        (
            "DateTime.parse('2019-02-03', DateTimeFormat.forPattern('yyyy-MM-dd'));",
            "DATETIME: 2019-02-03T00:00:00.000Z",
        ),
        (
            "new DateTime(0).parse('2019', DateTimeFormat.forPattern('yyyy'));",
            &format!("{FAILED} parse2 <- java.lang.invoke.WrongMethodTypeException: cannot convert MethodHandle(String,DateTimeFormatter)DateTime to (Object,Object,Object)Object"),
        ),
        (
            "DateTime.parse('2019', null);",
            &format!("{FAILED} parse2 <- java.lang.NullPointerException: Cannot invoke \"org.joda.time.format.DateTimeFormatter.parseDateTime(String)\" because \"formatter\" is null"),
        ),
        (
            "DateTime.parse('2019');",
            "java.lang.UnsupportedOperationException: DATETIME DO NOT support calling method: parse1 with args: [2019]",
        ),
        (
            "DateTime d; return d.plusDays(1);",
            &format!("{FAILED} plusDays1 <- java.lang.invoke.WrongMethodTypeException: cannot convert MethodHandle(DateTime,Integer)DateTime to (Object)Object"),
        ),
        (
            "DateTime.getYear();",
            &format!("{FAILED} getYear0 <- java.lang.invoke.WrongMethodTypeException: cannot convert MethodHandle(DateTime)Integer to ()Object"),
        ),
        (
            "Days.getDays();",
            "java.lang.NullPointerException: Cannot invoke \"org.joda.time.Days.getDays()\" because \"this.val\" is null",
        ),
        (
            "Property.getAsText();",
            "java.lang.NullPointerException: Cannot invoke \"org.joda.time.DateTime$Property.getAsText()\" because \"this.val\" is null",
        ),
        (
            "DateTimeZone.getOffset(new DateTime(0));",
            "java.lang.NullPointerException: Cannot invoke \"org.joda.time.DateTimeZone.getOffset(org.joda.time.ReadableInstant)\" because \"this.val\" is null",
        ),
        (
            "DateTimeFormat.withZone(DateTimeZone.UTC);",
            "java.lang.NullPointerException: Cannot invoke \"org.joda.time.format.DateTimeFormatter.withZone(org.joda.time.DateTimeZone)\" because \"this.val\" is null",
        ),
        // The argument cast comes before the call on the null payload.
        (
            "DateTimeFormat.withZone(null);",
            &format!("{CCE}: class com.netflix.sel.type.SelType$1 cannot be cast to class com.netflix.sel.type.SelJodaDateTimeZone (com.netflix.sel.type.SelType$1 and com.netflix.sel.type.SelJodaDateTimeZone are in unnamed module of loader 'app')"),
        ),
        // The "static" methods work on any value of the type (Q11).
        ("DateTimeFormatter.forPattern('yyyy').forPattern('MM').print(0);", "STRING: 01"),
        ("DateTimeZone.forID('Asia/Tokyo').UTC;", "DATETIME_ZONE: UTC"),
        ("Days.daysBetween(new DateTime(0), new DateTime(86400000)).daysBetween(new DateTime(0), new DateTime(0));", "DATETIME_DAYS: P0D"),
        ("String s; return DateTimeZone.forID(s);", "DATETIME_ZONE: UTC"),
        (
            "String s; return DateTimeFormat.forPattern(s);",
            "java.lang.IllegalArgumentException: Invalid pattern specification",
        ),
    ]);
}

#[test]
fn unknown_methods_and_fields() {
    check(&[
        (
            "new DateTime(0).plus(1);",
            "java.lang.UnsupportedOperationException: DATETIME DO NOT support calling method: plus1 with args: [1]",
        ),
        (
            "new DateTime(0).dayOfWeek().get(1);",
            "java.lang.UnsupportedOperationException: DATETIME_PROPERTY DO NOT support calling method: get with args: [1]",
        ),
        (
            "DateTimeZone.UTC.getID();",
            "java.lang.UnsupportedOperationException: DATETIME_ZONE DO NOT support calling method: getID with args: []",
        ),
        (
            "DateTimeFormat.forPattern('y').print(true);",
            "java.lang.UnsupportedOperationException: DATETIME_FORMATTER DO NOT support calling method: print with args: [true]",
        ),
        (
            "new DateTime(0).millis;",
            "java.lang.UnsupportedOperationException: DATETIME DO NOT support accessing field: millis",
        ),
        (
            "DateTimeZone.LOCAL;",
            "java.lang.UnsupportedOperationException: DATETIME_ZONE DO NOT support accessing field: LOCAL",
        ),
    ]);
}

#[test]
fn display_and_string_conversion() {
    check(&[
        ("DateTime;", "DATETIME: null"),
        ("DateTime d; return 'x' + d;", "STRING: xnull"),
        ("'x' + new DateTime(0);", "STRING: x1970-01-01T00:00:00.000Z"),
        ("DateTimeZone.forID('+05:30');", "DATETIME_ZONE: +05:30"),
        ("'' + DateTimeZone.forID('US/Pacific');", "STRING: America/Los_Angeles"),
        ("Days.daysBetween(new DateTime(0), new DateTime(-86400000 * 2));", "DATETIME_DAYS: P-2D"),
        ("'' + Days;", "STRING: null"),
        ("new DateTime(0).dayOfWeek();", "DATETIME_PROPERTY: Property[dayOfWeek]"),
        ("'' + new DateTime(0).minuteOfDay();", "STRING: Property[minuteOfDay]"),
        (
            "DateTimeFormat.forPattern('y');",
            "DATETIME_FORMATTER: com.netflix.sel.type.SelJodaDateTimeFormatter@0",
        ),
        ("DateTimeFormat;", "DATETIME_FORMATTER: com.netflix.sel.type.SelJodaDateTimeFormatter@0"),
        ("'' + DateTimeFormat.forPattern('y');", "STRING: org.joda.time.format.DateTimeFormatter@0"),
        ("'' + DateTimeFormat;", "STRING: null"),
        ("String.valueOf(DateTime);", "STRING: null"),
        (
            "String.format('%s|%s', new DateTime(0), DateTime);",
            "STRING: 1970-01-01T00:00:00.000Z|null",
        ),
        (
            "m = new Map(); m.put('d', new DateTime(0)); m.put('z', DateTimeZone.UTC); return m;",
            "MAP: {d=1970-01-01T00:00:00.000Z, z=UTC}",
        ),
        ("null == DateTime;", "BOOLEAN: true"),
        ("null == new DateTime(0);", "BOOLEAN: false"),
        (
            "new DateTime(0) == null;",
            "java.lang.UnsupportedOperationException: DATETIME DO NOT support expression operation ==",
        ),
        (
            "1.5 == new DateTime(0);",
            &format!("{CCE}: class org.joda.time.DateTime cannot be cast to class java.lang.Number (org.joda.time.DateTime is in unnamed module of loader 'app'; java.lang.Number is in module java.base of loader 'bootstrap')"),
        ),
        (
            "d = new DateTime(0); d = 'x';",
            "java.lang.IllegalArgumentException: Type mismatch, lhs type: DATETIME, rhs object type: STRING",
        ),
        (
            "d = new DateTime(0); d += 1;",
            "java.lang.UnsupportedOperationException: DATETIME DO NOT support assignment operation +=",
        ),
        ("DateTime d = new DateTime(0); d = new DateTime(1); return d;", "DATETIME: 1970-01-01T00:00:00.001Z"),
    ]);
}

#[test]
fn constructors() {
    check(&[
        ("new DateTime();", "DATETIME: 2019-06-01T12:00:00.000Z"),
        ("new DateTime(null);", "DATETIME: 2019-06-01T12:00:00.000Z"),
        (
            "new DateTime('2019-01-01T10:20:30.123+05:30');",
            "DATETIME: 2019-01-01T04:50:30.123Z",
        ),
        ("new DateTime('20190101');", "DATETIME: 20190101-01-01T00:00:00.000Z"),
        (
            "new DateTime('2019-06-01 10:20');",
            "java.lang.IllegalArgumentException: Invalid format: \"2019-06-01 10:20\" is malformed at \" 10:20\"",
        ),
        (
            "new DateTime('2019-06-01T10:20', DateTimeZone.forID('Asia/Tokyo'));",
            "DATETIME: 2019-06-01T10:20:00.000+09:00",
        ),
        // Joda's instant converter keeps the zone of the instant it copies.
        (
            "new DateTime(new DateTime(0, DateTimeZone.forID('Asia/Tokyo')));",
            "DATETIME: 1970-01-01T09:00:00.000+09:00",
        ),
        (
            "new DateTime(new DateTime(0), DateTimeZone.forID('Asia/Tokyo'));",
            "DATETIME: 1970-01-01T09:00:00.000+09:00",
        ),
        (
            "new DateTime(1.5);",
            "java.lang.IllegalArgumentException: No instant converter found for type: java.lang.Double",
        ),
        (
            "new DateTime(new long[]{1});",
            "java.lang.IllegalArgumentException: No instant converter found for type: [J",
        ),
        (
            "new DateTime(0, null);",
            &format!("{CCE}: class com.netflix.sel.type.SelType$1 cannot be cast to class com.netflix.sel.type.SelJodaDateTimeZone (com.netflix.sel.type.SelType$1 and com.netflix.sel.type.SelJodaDateTimeZone are in unnamed module of loader 'app')"),
        ),
        (
            "new DateTime(2019, 1, 1, 0, 0, 0, 1.5, DateTimeZone.UTC);",
            &format!("{CCE}: class com.netflix.sel.type.SelDouble cannot be cast to class com.netflix.sel.type.SelLong (com.netflix.sel.type.SelDouble and com.netflix.sel.type.SelLong are in unnamed module of loader 'app')"),
        ),
        (
            "new DateTime(2019, 11, 3, 1, 30, 0, 0, DateTimeZone.forID('America/Los_Angeles'));",
            "DATETIME: 2019-11-03T01:30:00.000-07:00",
        ),
        (
            "new DateTime(2019, 1, 1, 0, 0, 0, 0);",
            "java.lang.IllegalArgumentException: Invalid input arguments ([2019, 1, 1, 0, 0, 0, 0]) for DateTime constructor",
        ),
        (
            "new DateTimeZone();",
            "java.lang.UnsupportedOperationException: DATETIME_ZONE DO NOT support calling constructor",
        ),
    ]);
}

#[test]
fn default_zone_is_the_evaluators() {
    let la = "America/Los_Angeles";
    assert_eq!(
        run_in(la, "new DateTime(0);"),
        "DATETIME: 1969-12-31T16:00:00.000-08:00"
    );
    assert_eq!(
        run_in(la, "DateTimeFormat.forPattern('HH').print(0);"),
        "STRING: 16"
    );
    assert_eq!(
        run_in(
            la,
            "DateTimeFormat.forPattern('yyyyMMdd').parseDateTime('20190601');"
        ),
        "DATETIME: 2019-06-01T00:00:00.000-07:00"
    );
    assert_eq!(
        run_in(la, "new DateTime(0).withZone(null).getHourOfDay();"),
        "LONG: 16"
    );
    // The date-int helpers are always UTC.
    assert_eq!(
        run_in(la, "Util.dateIntToTs(20190101);"),
        "LONG: 1546300800000"
    );
}

#[test]
fn formatters() {
    check(&[
        (
            "f = DateTimeFormat.forPattern('yyyyMMdd').withZone(DateTimeZone.UTC); return f.print(f.parseDateTime('20240301').minusDays(7));",
            "STRING: 20240223",
        ),
        ("DateTimeFormat.forPattern('yyyyMMdd').parseDateTime(20190101);", "DATETIME: 2019-01-01T00:00:00.000Z"),
        (
            "DateTimeFormat.forPattern('yyyyMMdd').parseMillis(20190101);",
            &format!("{CCE}: class com.netflix.sel.type.SelLong cannot be cast to class com.netflix.sel.type.SelString (com.netflix.sel.type.SelLong and com.netflix.sel.type.SelString are in unnamed module of loader 'app')"),
        ),
        ("DateTimeFormat.forPattern('HH').print(new DateTime(0, DateTimeZone.forID('Asia/Tokyo')));", "STRING: 09"),
        (
            "DateTimeFormat.forPattern('HH').withZone(DateTimeZone.UTC).print(new DateTime(0, DateTimeZone.forID('Asia/Tokyo')));",
            "STRING: 00",
        ),
        // A null instant prints as now.
        ("DateTimeFormat.forPattern('yyyyMMdd').print(DateTime);", "STRING: 20190601"),
        // Two-digit years pivot around the clock's year (2019 − 30).
        ("DateTimeFormat.forPattern('yy').parseDateTime('38').getYear();", "LONG: 2038"),
        ("DateTimeFormat.forPattern('yy').parseDateTime('39').getYear();", "LONG: 1939"),
    ]);
}

#[test]
fn pattern_cache_keeps_results_right_past_its_size() {
    let src = "String[] ps = new String[]{'y', 'M', 'd', 'H', 'm', 's', 'S', 'E', 'a', 'e'}; \
               r = ''; for (i = 0; i < 20; i += 1) { r = r + new DateTime(0).toString(ps[i % 10]) + ','; } return r;";
    let once = "1970,1,1,0,0,0,0,Thu,AM,4,";
    assert_eq!(run(src), format!("STRING: {once}{once}"));
}

#[test]
fn zones_and_days() {
    check(&[
        ("DateTimeZone.forID('US/Pacific').getOffset(new DateTime(1561939200000L));", "LONG: -25200000"),
        ("DateTimeZone.UTC.getOffset(DateTime);", "LONG: 0"),
        (
            "DateTimeZone.forID(null);",
            &format!("{CCE}: class com.netflix.sel.type.SelType$1 cannot be cast to class com.netflix.sel.type.SelString (com.netflix.sel.type.SelType$1 and com.netflix.sel.type.SelString are in unnamed module of loader 'app')"),
        ),
        ("Days.daysBetween(new DateTime(0), new DateTime(86400000 * 31)).getDays();", "LONG: 31"),
        (
            "Days.daysBetween(new DateTime(0), 1);",
            &format!("{CCE}: class com.netflix.sel.type.SelLong cannot be cast to class com.netflix.sel.type.SelJodaDateTime (com.netflix.sel.type.SelLong and com.netflix.sel.type.SelJodaDateTime are in unnamed module of loader 'app')"),
        ),
        ("new DateTime(0).monthOfYear().getAsText();", "STRING: January"),
        ("new DateTime(47107009).millisOfDay().getAsText();", "STRING: 47107009"),
        ("new DateTime(0).dayOfMonth().withMaximumValue();", "DATETIME: 1970-01-31T00:00:00.000Z"),
    ]);
}

#[test]
fn util_date_helpers() {
    check(&[
        (
            "Util.dateIntsBetween(20190226, 20190303, 1);",
            "LONG_ARRAY: [20190226, 20190227, 20190228, 20190301, 20190302]",
        ),
        (
            "Util.dateIntsBetween('20190303', 20190226, '-1');",
            "LONG_ARRAY: [20190302, 20190301, 20190228, 20190227, 20190226]",
        ),
        (
            "Util.dateIntsBetween(20181228, '20191002', 90);",
            "LONG_ARRAY: [20181228, 20190328, 20190626, 20190924]",
        ),
        (
            "Util.dateIntsBetween(20190101, 20190105, 3000000000);",
            "java.lang.NumberFormatException: For input string: \"3000000000\"",
        ),
        (
            "Util.dateIntsBetween(20190101, 20190105, 0);",
            "java.lang.IllegalArgumentException: Invalid incremental interval value: 0",
        ),
        (
            "Util.tsToDateInt(1.5);",
            "java.lang.IllegalArgumentException: Invalid input argument (1.5) for Long constructor",
        ),
        ("Util.tsToDateInt('-1');", "STRING: 19691231"),
        ("Util.incrementDateInt('2019011', -1);", "STRING: 20181231"),
        (
            "Util.dateIntHourToTs('20210707', '01', 'UTC', 0, 0);",
            "LONG: 1625619600000",
        ),
        (
            "Util.dateIntHourToTs('20190310', '02', 'America/Los_Angeles', 0, 0);",
            "org.joda.time.IllegalInstantException: Cannot parse \"2019031002\": Illegal instant due to time zone offset transition (America/Los_Angeles)",
        ),
        (
            "Util.timeoutForDateTimeDeadline(new DateTime(1559390400000L), '1 day, 2 hours');",
            "STRING: 93600000 milliseconds",
        ),
        (
            "Util.timeoutForDateIntDeadline(20190601, 5);",
            &format!("{CCE}: class com.netflix.sel.type.SelLong cannot be cast to class com.netflix.sel.type.SelString (com.netflix.sel.type.SelLong and com.netflix.sel.type.SelString are in unnamed module of loader 'app')"),
        ),
        (
            "Util.timeoutForDateIntDeadline(20190601, '1 month');",
            "java.lang.UnsupportedOperationException: Cannot convert to Duration as this period contains months and months vary in length",
        ),
        // Ten millennia of days do not fit the default memory budget.
        (
            "Util.dateIntsBetween('00010101', 99991231, 1);",
            "java.lang.IllegalStateException: SEL evaluation aborted as it takes too much memory (in byte) over the limit 100000000",
        ),
        ("Util.toJson(DateTime);", "STRING: null"),
        (
            "Util.toJson(DateTimeZone.UTC);",
            "java.lang.IllegalStateException: Failed to write an object to json string due to [Joda date/time type `org.joda.time.UTCDateTimeZone` not supported by default: add Module \"com.fasterxml.jackson.datatype:jackson-datatype-joda\" to enable handling]",
        ),
    ]);
}

#[test]
fn memory_limit_errors_are_not_wrapped() {
    let eval = |memory: u64, src: &str| {
        let limits = Limits {
            memory,
            ..Limits::default()
        };
        Evaluator::new(limits).evaluate(src, &(), None)
    };
    // The smallest budget the receiver fits in leaves nothing for the method's result.
    let budget = (1..10_000u64)
        .find(|m| eval(*m, "new DateTime(0);").is_ok())
        .unwrap_or(0);
    let e = eval(budget, "new DateTime(0).plusDays(1);").unwrap_err();
    assert_eq!(e.kind, crate::ErrorKind::IllegalStateException);
    assert!(e.cause.is_none());
}

/// Every date method the catalogue (what the language server offers) lists exists in
/// the interpreter: called with arguments of the documented types, no call is rejected
/// as unsupported.
#[test]
fn catalogue_methods_exist() {
    let receivers = [
        ("DATETIME", "new DateTime(0)", "DateTime"),
        (
            "DATETIME_PROPERTY",
            "new DateTime(0).dayOfWeek()",
            "Property",
        ),
        (
            "DATETIME_FORMATTER",
            "DateTimeFormat.forPattern('yyyy')",
            "DateTimeFormat",
        ),
        ("DATETIME_ZONE", "DateTimeZone.UTC", "DateTimeZone"),
        (
            "DATETIME_DAYS",
            "Days.daysBetween(new DateTime(0), new DateTime(0))",
            "Days",
        ),
    ];
    let arg = |ty: &str| match ty.split('|').next().unwrap_or("") {
        "int" | "LONG" => "1",
        "STRING" => "'2019'",
        "DATETIME" => "new DateTime(0)",
        "DATETIME_ZONE" => "DateTimeZone.UTC",
        "DATETIME_FORMATTER" => "DateTimeFormat.forPattern('yyyy')",
        _ => "null",
    };
    let mut checked = 0;
    for (ty, value, static_name) in receivers {
        for m in crate::catalog::methods_of(ty) {
            let recv = if m.call == crate::catalog::Call::Static {
                static_name
            } else {
                value
            };
            let args: Vec<&str> = m.params.iter().map(|p| arg(p.ty)).collect();
            let src = format!("{recv}.{}({});", m.name, args.join(", "));
            let out = run(&src);
            assert!(!out.contains("DO NOT support"), "{src} => {out}");
            checked += 1;
        }
    }
    assert!(checked > 60, "only {checked} catalogue methods");
}
