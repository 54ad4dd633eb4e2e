//! Maestro's default (system) params (engine SPEC §2.11): the workflow defaults every
//! run gets (`RUN_TS`, `RUN_DATE`, `TARGET_RUN_DATE`, ...) and the global step defaults
//! (`step_id`, ...), so expressions that read them are not flagged as unknown, hover can
//! say what a param overrides, and inlay hints can show their values for a chosen
//! `RUN_TS` (the `sel.runTs` setting).

use chrono::{DateTime, Duration, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use maestro_model::ParamType;
use sel_core::Value;

/// One default param: name, type, mode and what it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Default {
    pub name: &'static str,
    pub ty: ParamType,
    pub mode: &'static str,
    pub meaning: &'static str,
}

const fn d(
    name: &'static str,
    ty: ParamType,
    mode: &'static str,
    meaning: &'static str,
) -> Default {
    Default {
        name,
        ty,
        mode,
        meaning,
    }
}

use ParamType::{Long, String as Str};
const M: &str = "MUTABLE_ON_START";

/// The workflow defaults, in evaluation order.
pub const WORKFLOW: &[Default] = &[
    d(
        "DSL_DEFAULT_TZ",
        Str,
        M,
        "the timezone of the first time trigger, else `UTC`",
    ),
    d(
        "WORKFLOW_CRON_TIMEZONE",
        Str,
        M,
        "the timezone of the time trigger that started the run, else `DSL_DEFAULT_TZ`",
    ),
    d(
        "RUN_TS",
        Long,
        M,
        "the run's start time in epoch ms (time-triggered runs: the scheduled fire time)",
    ),
    d(
        "TARGET_RUN_DATE",
        Str,
        M,
        "`RUN_TS` in `WORKFLOW_CRON_TIMEZONE` as `yyyyMMdd`",
    ),
    d(
        "TARGET_RUN_HOUR",
        Str,
        M,
        "`RUN_TS` in `WORKFLOW_CRON_TIMEZONE` as `HH`",
    ),
    d(
        "DERIVED_RUN_TS",
        Long,
        M,
        "the start of `TARGET_RUN_DATE` + `TARGET_RUN_HOUR` in that timezone (ms)",
    ),
    d(
        "DERIVED_RUN_DATE_US_PACIFIC",
        Str,
        M,
        "`DERIVED_RUN_TS` in America/Los_Angeles as `yyyyMMdd`",
    ),
    d(
        "DERIVED_RUN_DATE_US_PACIFIC_MINUS_ONE",
        Str,
        M,
        "the day before `DERIVED_RUN_DATE_US_PACIFIC`",
    ),
    d(
        "DERIVED_RUN_DATE_UTC",
        Str,
        M,
        "`DERIVED_RUN_TS` in UTC as `yyyyMMdd`",
    ),
    d(
        "DERIVED_RUN_DATE_UTC_MINUS_ONE",
        Str,
        M,
        "the day before `DERIVED_RUN_DATE_UTC`",
    ),
    d(
        "DERIVED_RUN_DATE_UTC_PLUS_ONE",
        Str,
        M,
        "the day after `DERIVED_RUN_DATE_UTC`",
    ),
    d(
        "DERIVED_RUN_DATE_UTC_MINUS_ONE_HOUR",
        Str,
        M,
        "the UTC date an hour before `DERIVED_RUN_TS`",
    ),
    d(
        "DERIVED_RUN_DATE_UTC_PLUS_ONE_HOUR",
        Str,
        M,
        "the UTC date an hour after `DERIVED_RUN_TS`",
    ),
    d(
        "DERIVED_RUN_HOUR_US_PACIFIC",
        Str,
        M,
        "`DERIVED_RUN_TS` in America/Los_Angeles as `HH`",
    ),
    d(
        "DERIVED_RUN_HOUR_UTC",
        Str,
        M,
        "`DERIVED_RUN_TS` in UTC as `HH`",
    ),
    d(
        "DERIVED_RUN_HOUR_UTC_MINUS_ONE_HOUR",
        Str,
        M,
        "the UTC hour an hour before `DERIVED_RUN_TS`",
    ),
    d(
        "DERIVED_RUN_HOUR_UTC_PLUS_ONE_HOUR",
        Str,
        M,
        "the UTC hour an hour after `DERIVED_RUN_TS`",
    ),
    d(
        "LOCAL_RUN_DATE",
        Str,
        M,
        "`RUN_TS` in `WORKFLOW_CRON_TIMEZONE` as `yyyyMMdd`",
    ),
    d("RUN_DATE", Str, M, "`RUN_TS` in UTC as `yyyyMMdd`"),
    d(
        "RUN_DATE_MINUS_1",
        Str,
        M,
        "`RUN_TS` minus one day in UTC as `yyyyMMdd`",
    ),
    d(
        "RUN_DATE_MINUS_7",
        Str,
        M,
        "`RUN_TS` minus seven days in UTC as `yyyyMMdd`",
    ),
    d("owner", Str, "CONSTANT", "the workflow's owner (reserved)"),
    d(
        "workflow_id",
        Str,
        "CONSTANT",
        "the workflow's id (reserved)",
    ),
];

/// The defaults every step gets (all reserved).
pub const STEP: &[Default] = &[
    d(
        "workflow_instance_id",
        Long,
        "CONSTANT",
        "the workflow instance id (reserved)",
    ),
    d(
        "step_instance_uuid",
        Str,
        "CONSTANT",
        "the step instance's UUID (reserved)",
    ),
    d(
        "step_attempt_id",
        Long,
        "CONSTANT",
        "the step attempt id (reserved)",
    ),
    d("step_id", Str, "CONSTANT", "the step's id (reserved)"),
];

pub fn workflow_default(name: &str) -> Option<&'static Default> {
    WORKFLOW.iter().find(|d| d.name == name)
}

pub fn step_default(name: &str) -> Option<&'static Default> {
    STEP.iter().find(|d| d.name == name)
}

/// The values of the time-derived workflow defaults for a run at `run_ts` (epoch ms)
/// whose cron timezone is `tz`, in [`WORKFLOW`] order; `None` when `run_ts` or `tz` is
/// out of range.
pub fn time_values(run_ts: i64, tz: &str) -> Option<Vec<(&'static str, Value)>> {
    let zone: Tz = tz.parse().ok()?;
    let la: Tz = "America/Los_Angeles".parse().ok()?;
    let utc = Utc.timestamp_millis_opt(run_ts).single()?;
    let local = utc.with_timezone(&zone);
    let ymd = |t: DateTime<Tz>| t.format("%Y%m%d").to_string();
    let ymd_utc = |t: DateTime<Utc>| t.format("%Y%m%d").to_string();
    let hh = |h: u32| format!("{h:02}");
    // Start of the local hour, which `DERIVED_RUN_TS` names.
    let hour_start = local
        .with_minute(0)
        .and_then(|t| t.with_second(0))
        .and_then(|t| t.with_nanosecond(0))?;
    let derived = hour_start.with_timezone(&Utc);
    let derived_la = derived.with_timezone(&la);
    let s = |v: String| Value::String(Some(v));
    let day = Duration::days(1);
    let hour = Duration::hours(1);
    Some(vec![
        ("DSL_DEFAULT_TZ", s(tz.to_string())),
        ("WORKFLOW_CRON_TIMEZONE", s(tz.to_string())),
        ("RUN_TS", Value::Long(run_ts)),
        ("TARGET_RUN_DATE", s(ymd(local))),
        ("TARGET_RUN_HOUR", s(hh(local.hour()))),
        ("DERIVED_RUN_TS", Value::Long(derived.timestamp_millis())),
        ("DERIVED_RUN_DATE_US_PACIFIC", s(ymd(derived_la))),
        (
            "DERIVED_RUN_DATE_US_PACIFIC_MINUS_ONE",
            s(ymd(derived_la - day)),
        ),
        ("DERIVED_RUN_DATE_UTC", s(ymd_utc(derived))),
        ("DERIVED_RUN_DATE_UTC_MINUS_ONE", s(ymd_utc(derived - day))),
        ("DERIVED_RUN_DATE_UTC_PLUS_ONE", s(ymd_utc(derived + day))),
        (
            "DERIVED_RUN_DATE_UTC_MINUS_ONE_HOUR",
            s(ymd_utc(derived - hour)),
        ),
        (
            "DERIVED_RUN_DATE_UTC_PLUS_ONE_HOUR",
            s(ymd_utc(derived + hour)),
        ),
        ("DERIVED_RUN_HOUR_US_PACIFIC", s(hh(derived_la.hour()))),
        ("DERIVED_RUN_HOUR_UTC", s(hh(derived.hour()))),
        (
            "DERIVED_RUN_HOUR_UTC_MINUS_ONE_HOUR",
            s(hh((derived - hour).hour())),
        ),
        (
            "DERIVED_RUN_HOUR_UTC_PLUS_ONE_HOUR",
            s(hh((derived + hour).hour())),
        ),
        ("LOCAL_RUN_DATE", s(ymd(local))),
        ("RUN_DATE", s(ymd_utc(utc))),
        ("RUN_DATE_MINUS_1", s(ymd_utc(utc - day))),
        ("RUN_DATE_MINUS_7", s(ymd_utc(utc - Duration::days(7)))),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_for_a_run_across_midnight_in_la() {
        // 2024-03-01T05:30:00Z: 21:30 the day before in Los Angeles.
        let v = time_values(1_709_271_000_000, "America/Los_Angeles").expect("values");
        let get = |n: &str| {
            v.iter()
                .find(|(k, _)| *k == n)
                .map(|(_, v)| v.to_json().to_string())
        };
        assert_eq!(get("TARGET_RUN_DATE").as_deref(), Some("\"20240229\""));
        assert_eq!(get("TARGET_RUN_HOUR").as_deref(), Some("\"21\""));
        assert_eq!(get("DERIVED_RUN_TS").as_deref(), Some("1709269200000"));
        assert_eq!(get("DERIVED_RUN_DATE_UTC").as_deref(), Some("\"20240301\""));
        assert_eq!(get("DERIVED_RUN_HOUR_UTC").as_deref(), Some("\"05\""));
        assert_eq!(
            get("DERIVED_RUN_DATE_US_PACIFIC_MINUS_ONE").as_deref(),
            Some("\"20240228\"")
        );
        assert_eq!(get("RUN_DATE").as_deref(), Some("\"20240301\""));
        assert_eq!(get("RUN_DATE_MINUS_7").as_deref(), Some("\"20240223\""));
        assert_eq!(get("LOCAL_RUN_DATE").as_deref(), Some("\"20240229\""));
        // Every time-derived default has a value, named as in the table.
        for (n, _) in &v {
            assert!(workflow_default(n).is_some(), "{n}");
        }
        assert_eq!(v.len(), WORKFLOW.len() - 2);
        assert_eq!(time_values(0, "Not/AZone"), None);
    }
}
