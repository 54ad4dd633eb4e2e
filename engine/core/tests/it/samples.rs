//! Maestro's sample workflows run by the core alone, in virtual time.

use maestro_core::run::RunState;
use maestro_core::run::StepAction;
use maestro_core::start::{new_run, Definition, StartRequest};
use maestro_model::instance::{InstanceStatus, ParameterMap, StepStatus};
use serde_json::json;
use StepStatus::*;

use crate::common::*;

fn run_sample(name: &str) -> RunState {
    run_json(&sample(name), &TestEnv::new(), ParameterMap::new())
}

fn all(run: &RunState, status: StepStatus, ids: &[&str]) {
    for id in ids {
        assert_eq!(status_of(run, id), status, "{id}: {:?}", statuses(run));
    }
}

#[test]
fn dag_test_1_joins_and_a_date_param() {
    let run = run_sample("sample-dag-test-1.json");
    assert_status(&run, InstanceStatus::Succeeded);
    all(
        &run,
        Succeeded,
        &["job.1", "job.2", "job.3", "job.4", "job.5", "job.6"],
    );
    assert_eq!(
        run.instance.params["foo"].evaluated_result,
        Some(json!("September"))
    );
    // job.3 joins job.2 and job.5, job.4 joins job.3 and job.6: it starts last.
    let created = |id: &str| run.steps[id].runtime_state.create_time.unwrap();
    assert!(created("job.4") >= created("job.3"));
    assert_eq!(
        run.steps["job.4"].transition.predecessors,
        vec!["job.3", "job.6"]
    );
    assert_eq!(
        run.steps["job.1"].params["workflow_instance_id"].evaluated_result,
        Some(json!(1))
    );
    assert_eq!(
        run.steps["job.1"].params["step_id"].evaluated_result,
        Some(json!("job.1"))
    );
}

#[test]
fn dag_test_2_sleeps_and_keeps_constant_params() {
    let run = run_sample("sample-dag-test-2.json");
    assert_status(&run, InstanceStatus::Succeeded);
    all(
        &run,
        Succeeded,
        &["job.1", "job.2", "job.3", "job.4", "job.5"],
    );
    let p = &run.instance.params;
    assert_eq!(p["param1"].mode.map(|m| m.as_str()), Some("CONSTANT"));
    let uuid = p["param1"]
        .evaluated_result
        .as_ref()
        .unwrap()
        .as_str()
        .unwrap();
    assert_eq!(uuid.len(), 36);
    // job.2 slept 30 s and job.3 100 s of virtual time, within job.2's 100 s timeout.
    let s = &run.steps["job.3"].runtime_state;
    assert_eq!(s.end_time.unwrap() - s.start_time.unwrap(), 100_000);
    assert_eq!(run.steps["job.2"].timeout_in_millis, Some(100_000));
    assert_eq!(run.steps["job.2"].step_retry.timeout_retry_limit, 3);
    assert_eq!(run.instance.end_time.unwrap() - T0, 100_000);
}

#[test]
fn dag_test_3_references_interpolation_and_dates() {
    let run = run_sample("sample-dag-test-3.json");
    assert_status(&run, InstanceStatus::Succeeded);
    assert_eq!(param(&run, "job.2", "sleep_seconds"), json!(16));
    assert_eq!(param(&run, "job.2", "param1"), json!("161"));
    assert_eq!(param(&run, "job.2", "param2"), json!("15 + 1"));
    // TARGET_RUN_DATE/HOUR of T0 in UTC: 2024-03-01 12:00.
    assert_eq!(param(&run, "job.2", "vtts_ts"), json!(1_709_294_400));
    assert_eq!(run.steps["job1"].step_retry.error_retry_limit, 10);
    assert_eq!(
        run.instance.params["RUN_DATE"].evaluated_result,
        Some(json!("20240301"))
    );
    assert_eq!(
        run.instance.params["TARGET_RUN_HOUR"].evaluated_result,
        Some(json!("12"))
    );
    assert_eq!(
        run.instance.params["owner"].evaluated_result,
        Some(json!("tester"))
    );
}

#[test]
fn dag_tests_4_6_7_9_fan_out_and_in() {
    for (name, n) in [
        ("sample-dag-test-4.json", 7),
        ("sample-dag-test-6.json", 8),
        ("sample-dag-test-7.json", 8),
        ("sample-dag-test-9.json", 9),
    ] {
        let run = run_sample(name);
        assert_status(&run, InstanceStatus::Succeeded);
        assert_eq!(run.steps.len(), n, "{name}");
        assert!(
            run.steps.values().all(|s| s.status() == Succeeded),
            "{name}"
        );
    }
    // Case-variant type names read as LONG.
    let run = run_sample("sample-dag-test-7.json");
    assert_eq!(param(&run, "job.6", "sleep_seconds"), json!(15));
}

#[test]
fn dag_test_8_conditions_and_or_join() {
    let run = run_sample("sample-dag-test-8.json");
    assert_status(&run, InstanceStatus::Succeeded);
    all(&run, Succeeded, &["job.1", "job.2", "job.4", "job.5"]);
    assert_eq!(status_of(&run, "job.3"), Unsatisfied);
    assert_eq!(run.steps["job.1"].timeout_in_millis, Some(1_200_000));
    let c = &run.steps["job.1"].transition.successors["job.3"];
    assert_eq!(
        c.expression.as_deref(),
        Some("return maestro_step_satisfied && (x > 10);")
    );
    assert_eq!(c.evaluated_result, Some(json!(false)));
    assert_eq!(param(&run, "job.3", "maestro_step_satisfied"), json!(false));
}

#[test]
fn dag_test_10_times_out_waiting_for_signals() {
    let run = run_sample("sample-dag-test-10.json");
    assert_status(&run, InstanceStatus::TimedOut);
    assert_eq!(status_of(&run, "job1"), TimedOut);
    assert_eq!(run.steps.len(), 1);
    assert_eq!(run.instance.timeout_in_millis, 100_000);
    assert_eq!(run.instance.end_time, Some(T0 + 100_000));
}

#[test]
fn dag_test_5_waits_for_signals_until_skipped() {
    let env = TestEnv::new();
    let doc = maestro_model::load_json(&sample("sample-dag-test-5.json"));
    let w = doc.workflow.unwrap();
    let props = json!({"owner": "tester"});
    let def = Definition {
        workflow: &w,
        version_id: 1,
        internal_id: 1,
        properties: &props,
    };
    let instance = new_run(&def, &StartRequest::manual(None), 1, T0, &env.evaluator).unwrap();
    assert_eq!(
        instance.params["WF_RESTART_MODE"].evaluated_result,
        Some(json!("run"))
    );
    let mut run = RunState::load(instance, Vec::new()).unwrap();
    let adv = run.advance(T0, &env);
    assert_eq!(status_of(&run, "job.1"), WaitingForSignals);
    assert_eq!(
        adv.wake_at,
        Some(T0 + 10 * 24 * 3600 * 1000),
        "only the workflow timeout is due"
    );
    run.act_on_step("job.1", StepAction::Skip, "alice", T0 + 5, &env)
        .unwrap();
    drive(&mut run, &env, T0 + 5);
    assert_status(&run, InstanceStatus::Succeeded);
    assert_eq!(status_of(&run, "job.1"), Skipped);
    all(
        &run,
        Succeeded,
        &["job.2", "job.3", "job.4", "job.5", "job.6", "job.7"],
    );
    let action = run.steps["job.1"]
        .timeline
        .timeline_events
        .iter()
        .find(|e| e.kind == "ACTION")
        .unwrap();
    assert_eq!(action.fields["action"], json!("SKIP"));
}

#[test]
fn conditional_json_and_yaml_take_the_same_branches() {
    for (name, yaml) in [
        ("sample-conditional-wf.json", false),
        ("sample-conditional-wf.yaml", true),
    ] {
        let text = sample(name);
        let run = if yaml {
            let doc = maestro_model::load_yaml(&text);
            assert!(!doc.has_errors(), "{:?}", doc.diagnostics);
            let json = maestro_model::canonical::workflow_to_json(doc.workflow.as_ref().unwrap());
            let req = json!({"properties": {"owner": "tester"}, "workflow": json}).to_string();
            run_json(&req, &TestEnv::new(), ParameterMap::new())
        } else {
            run_json(&text, &TestEnv::new(), ParameterMap::new())
        };
        assert_status(&run, InstanceStatus::Succeeded);
        all(
            &run,
            Succeeded,
            &["job.1", "job.2", "job.3", "job.6", "job.7"],
        );
        all(&run, Unsatisfied, &["job.4", "job.5"]);
        // The DSL types an expression STRING unless told otherwise.
        let want = if yaml { json!("15") } else { json!(15) };
        assert_eq!(param(&run, "job.7", "param5"), want, "{name}");
    }
}
