//! The system default params (SPEC §2.11): every fresh run's workflow params start from
//! these, and every step's params from the step defaults. They are SEL expressions
//! evaluated like user params, so they show in an instance the way Maestro shows them.

use maestro_model::instance::{Parameter, ParameterMap};
use maestro_model::{ParamMode, ParamType};

fn expr(ty: ParamType, text: &str) -> Parameter {
    Parameter::expression(ty, text)
        .with_mode(ParamMode::MutableOnStart)
        .with_meta("source", "SYSTEM_DEFAULT")
}

fn reserved(ty: ParamType, text: &str) -> Parameter {
    Parameter::expression(ty, text)
        .with_meta("internal_mode", "RESERVED")
        .with_meta("source", "SYSTEM_DEFAULT")
}

/// A date of `ts` in `zone` as `pattern`, optionally shifted first.
fn date_of(ts: &str, zone: &str, shift: &str, pattern: &str) -> String {
    format!(
        "return new DateTime({ts}).withZone(DateTimeZone.forID({zone})){shift}.toString(\"{pattern}\");"
    )
}

/// The default workflow params, in Maestro's order.
pub fn default_workflow_params() -> ParameterMap {
    use ParamType::{Long, String as S};
    let mut m = ParameterMap::new();
    let mut add = |name: &str, p: Parameter| {
        m.insert(name.to_string(), p);
    };
    add(
        "DSL_DEFAULT_TZ",
        expr(S, "String tz = params.getFromInstance(\"FIRST_TIME_TRIGGER_TIMEZONE\"); if (tz != null && !tz.isEmpty()) return tz; return \"UTC\";"),
    );
    add(
        "WORKFLOW_CRON_TIMEZONE",
        expr(S, "String tz = params.getFromInstance(\"INITIATOR_TIMEZONE\"); if (tz != null && !tz.isEmpty()) return tz; return DSL_DEFAULT_TZ;"),
    );
    add("RUN_TS", expr(Long, "return System.currentTimeMillis();"));
    let cron = "WORKFLOW_CRON_TIMEZONE";
    add(
        "TARGET_RUN_DATE",
        expr(S, &date_of("RUN_TS", cron, "", "yyyyMMdd")),
    );
    add(
        "TARGET_RUN_HOUR",
        expr(S, &date_of("RUN_TS", cron, "", "HH")),
    );
    add(
        "DERIVED_RUN_TS",
        expr(Long, "return DateTimeFormat.forPattern(\"yyyyMMddHH\").withZone(DateTimeZone.forID(WORKFLOW_CRON_TIMEZONE)).parseDateTime(TARGET_RUN_DATE + TARGET_RUN_HOUR).getMillis();"),
    );
    let la = "\"America/Los_Angeles\"";
    let utc = "\"UTC\"";
    let d = "DERIVED_RUN_TS";
    for (name, zone, shift, pattern) in [
        ("DERIVED_RUN_DATE_US_PACIFIC", la, "", "yyyyMMdd"),
        (
            "DERIVED_RUN_DATE_US_PACIFIC_MINUS_ONE",
            la,
            ".minusDays(1)",
            "yyyyMMdd",
        ),
        ("DERIVED_RUN_DATE_UTC", utc, "", "yyyyMMdd"),
        (
            "DERIVED_RUN_DATE_UTC_MINUS_ONE",
            utc,
            ".minusDays(1)",
            "yyyyMMdd",
        ),
        (
            "DERIVED_RUN_DATE_UTC_PLUS_ONE",
            utc,
            ".plusDays(1)",
            "yyyyMMdd",
        ),
        (
            "DERIVED_RUN_DATE_UTC_MINUS_ONE_HOUR",
            utc,
            ".minusHours(1)",
            "yyyyMMdd",
        ),
        (
            "DERIVED_RUN_DATE_UTC_PLUS_ONE_HOUR",
            utc,
            ".plusHours(1)",
            "yyyyMMdd",
        ),
        ("DERIVED_RUN_HOUR_US_PACIFIC", la, "", "HH"),
        ("DERIVED_RUN_HOUR_UTC", utc, "", "HH"),
        (
            "DERIVED_RUN_HOUR_UTC_MINUS_ONE_HOUR",
            utc,
            ".minusHours(1)",
            "HH",
        ),
        (
            "DERIVED_RUN_HOUR_UTC_PLUS_ONE_HOUR",
            utc,
            ".plusHours(1)",
            "HH",
        ),
    ] {
        add(name, expr(S, &date_of(d, zone, shift, pattern)));
    }
    add(
        "LOCAL_RUN_DATE",
        expr(S, &date_of("RUN_TS", cron, "", "yyyyMMdd")),
    );
    add("RUN_DATE", expr(S, &date_of("RUN_TS", utc, "", "yyyyMMdd")));
    add(
        "RUN_DATE_MINUS_1",
        expr(S, &date_of("RUN_TS", utc, ".minusDays(1)", "yyyyMMdd")),
    );
    add(
        "RUN_DATE_MINUS_7",
        expr(S, &date_of("RUN_TS", utc, ".minusDays(7)", "yyyyMMdd")),
    );
    let mut jtv = Parameter::literal(S, serde_json::Value::Null);
    jtv.value = None;
    add(
        "job_template_version",
        jtv.with_meta("internal_mode", "OPTIONAL")
            .with_meta("source", "SYSTEM_DEFAULT"),
    );
    add(
        "owner",
        reserved(S, "return params.getFromInstance(\"owner\");"),
    );
    add(
        "workflow_id",
        reserved(S, "return params.getFromInstance(\"workflow_id\");"),
    );
    m
}

/// The default params of every step (all reserved).
pub fn default_step_params() -> ParameterMap {
    let mut m = ParameterMap::new();
    for (name, ty, text) in [
        (
            "workflow_instance_id",
            ParamType::Long,
            "return params.getFromInstance(\"workflow_instance_id\");",
        ),
        (
            "step_instance_uuid",
            ParamType::String,
            "return params.getFromStep(\"step_instance_uuid\");",
        ),
        (
            "step_attempt_id",
            ParamType::Long,
            "return params.getFromStep(\"step_attempt_id\");",
        ),
        (
            "step_id",
            ParamType::String,
            "return params.getFromStep(\"step_id\");",
        ),
    ] {
        m.insert(name.to_string(), reserved(ty, text));
    }
    m
}
