//! Concrete facts about Maestro's JSON samples: ids, params, sites and their exact spans.

use crate::common::*;
use maestro_model::ParamMode;
use maestro_model::{name_tables, Owner, ParamType, Shape, SiteKind, Span, StepKind};

#[test]
fn signal_trigger_sample() {
    let (src, doc) = load_sample("sample-signal-trigger-wf.json");
    assert_eq!(doc.shape, Shape::CreateRequest);
    assert_eq!(
        doc.properties
            .as_ref()
            .unwrap()
            .owner
            .as_ref()
            .unwrap()
            .value,
        "tester"
    );
    let w = doc.workflow.as_ref().unwrap();
    assert_eq!(w.id(), Some("sample-signal-trigger-wf"));
    assert_eq!(w.id.as_ref().unwrap().span, Span::new(1160, 1184));
    assert_eq!(&src[1160..1184], "sample-signal-trigger-wf");
    assert_eq!(w.steps.len(), 6);
    let st = &w.signal_triggers[0];
    let names: Vec<&str> = st
        .definitions
        .iter()
        .map(|d| d.name.text.as_str())
        .collect();
    assert_eq!(names, ["signal_a", "signal_b"]);
    assert_eq!(
        &src[st.definitions[0].name.span.start..st.definitions[0].name.span.end],
        "signal_a"
    );
    assert_eq!(st.definitions[1].join_keys[0].value, "posted_by");

    let sites = sites_of(&doc);
    assert_eq!(sites.len(), 20);
    assert_eq!(sites.iter().filter(|s| s.kind.is_sel()).count(), 16);
    let dedup = sites
        .iter()
        .find(|s| s.kind == SiteKind::TriggerDedupExpr)
        .unwrap();
    assert_eq!(dedup.owner, Owner::SignalTrigger { trigger: 0 });
    assert_eq!(dedup.text, "return UUID.randomUUID().toString();");
    assert_eq!(dedup.span, Span::new(976, 1014));
    assert_eq!(dedup.map.content(), Span::new(977, 1013));
    assert_eq!(dedup.map.doc_offset(7), 984);
    assert_eq!(&src[984..988], "UUID");

    // An expression full of \n and \" escapes.
    let dep = site(
        &sites,
        &Owner::SignalDependencyParam {
            step_id: "job.1".into(),
            dependency: 0,
            param: "vtts_utc_dateint".into(),
        },
    );
    assert_eq!(dep.kind, SiteKind::ParamExpression);
    assert_eq!(dep.span, Span::new(2000, 2341));
    assert!(dep
        .text
        .starts_with("\nDateTimeFormatter tz_dateint_hour_formatter"));
    assert_eq!(dep.map.doc_offset(0), 2001);
    assert_eq!(dep.map.doc_offset(1), 2003);
    assert_eq!(dep.map.doc_span(0, 1), Span::new(2001, 2003));
    let q = dep.text.find("\"yyyyMMddHH\"").unwrap();
    let at = dep.map.doc_offset(q);
    assert_eq!(&src[at..at + 2], "\\\"");
    assert_eq!(
        &src[dep.map.doc_offset(q + 1)..dep.map.doc_offset(q + 11)],
        "yyyyMMddHH"
    );
    assert_eq!(dep.map.text_offset(at + 1), Some(q));
    assert_round_trip(dep);

    let t = name_tables(&doc);
    let signals: Vec<&str> = t.signals.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        signals,
        [
            "signal_a",
            "signal_b",
            "db/test/table1",
            "db/test/table2",
            "dummy/test/signal1",
            "dummy/test/signal2"
        ]
    );
    let job4 = t.step("job.4").unwrap();
    assert_eq!(job4.predecessors, ["job.3", "job.6"]);
    assert_eq!(job4.upstream, ["job.1", "job.2", "job.3", "job.5", "job.6"]);
    assert_eq!(t.step("job.1").unwrap().successors, ["job.5", "job.2"]);
    let p: Vec<&str> = t
        .step("job.1")
        .unwrap()
        .params
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(p, ["param1", "param2", "param3"]);
    assert_eq!(t.trigger_params[0].name, "foo");
}

#[test]
fn interpolation_references_in_dag_test_10() {
    let (src, doc) = load_sample("sample-dag-test-10.json");
    let sites = sites_of(&doc);
    let p2 = site(&sites, &step_owner("job.2", &["param2"]));
    assert_eq!(p2.kind, SiteKind::InterpolatedString);
    assert_eq!(p2.text, "${job1__sleep_seconds} + 1");
    assert_eq!(p2.references.len(), 1);
    let r = &p2.references[0];
    assert_eq!(
        (r.name.as_str(), r.text_range, r.span),
        ("job1__sleep_seconds", (2, 21), Span::new(3190, 3209))
    );
    assert_eq!(&src[3190..3209], "job1__sleep_seconds");
    // Attribute interpolation: timeout and retry policy strings, not the backoff type.
    let attrs: Vec<(String, Vec<String>)> = sites
        .iter()
        .filter_map(|s| match &s.owner {
            Owner::StepAttribute { step_id, field } if step_id == "job3" => Some((
                field.clone(),
                s.references.iter().map(|r| r.name.clone()).collect(),
            )),
            _ => None,
        })
        .collect();
    assert_eq!(attrs.len(), 13);
    assert_eq!(attrs[0], ("timeout".to_string(), vec!["bar".to_string()]));
    assert_eq!(
        attrs[1],
        (
            "retry_policy.error_retry_limit".to_string(),
            vec!["foo".to_string()]
        )
    );
    let w = doc.workflow.as_ref().unwrap();
    let names: Vec<&str> = w.params.names().collect();
    assert_eq!(names, ["foo", "far", "bar", "bat", "baz"]);
    assert_eq!(
        w.params
            .get("far")
            .unwrap()
            .expression
            .as_ref()
            .unwrap()
            .text,
        "return 100;"
    );
    assert_eq!(w.timeout.as_ref().unwrap().as_i64(), Some(100));
}

#[test]
fn kubernetes_env_sample() {
    let (src, doc) = load_sample("sample-kubernetes-env-wf.json");
    let sites = sites_of(&doc);
    let env: Vec<_> = sites
        .iter()
        .filter(|s| s.owner == step_owner("job1", &["kubernetes", "env"]))
        .collect();
    assert_eq!(env.len(), 2);
    assert_eq!(env[0].kind, SiteKind::InterpolatedMapKey);
    assert_eq!(
        env[1].kind,
        SiteKind::InterpolatedMapValue {
            key: "error_retries".into()
        }
    );
    assert_eq!(env[1].references[0].name, "errorRetries");
    assert_eq!(env[1].references[0].span, Span::new(1155, 1167));
    let args: Vec<_> = sites
        .iter()
        .filter(|s| s.owner == step_owner("job1", &["kubernetes", "args"]))
        .collect();
    assert_eq!(args.len(), 4);
    assert!(args[1].text.contains("$${error_retries}"));
    assert!(args[1].references.is_empty());
    // Element 3 is JSON inside a JSON string: every \" maps to its escape.
    assert_round_trip(args[3]);
    let k = args[3].text.find("evaluated_time").unwrap();
    let at = args[3].map.doc_offset(k);
    assert_eq!(&src[at..at + 14], "evaluated_time");
    let cond = site(
        &sites,
        &Owner::Successor {
            step_id: "job1".into(),
            successor: "end".into(),
        },
    );
    assert_eq!(
        (cond.text.as_str(), cond.span),
        ("foo != 'default'", Span::new(511, 529))
    );
    let w = doc.workflow.as_ref().unwrap();
    let k8s = w.step("job1").unwrap().params.get("kubernetes").unwrap();
    assert_eq!(k8s.ty(), Some(ParamType::Map));
    let nested: Vec<&str> = k8s.nested.names().collect();
    assert_eq!(nested, ["image", "env", "command", "args"]);
}

#[test]
fn loops_and_subworkflows() {
    let (_, doc) = load_sample("sample-nested-foreach-wf.json");
    let w = doc.workflow.as_ref().unwrap();
    let outer = &w.steps[0];
    assert_eq!(
        (outer.kind, outer.id()),
        (StepKind::Foreach, Some("foreach-job"))
    );
    let lp: Vec<&str> = outer.loop_params().unwrap().names().collect();
    assert_eq!(lp, ["i", "j"]);
    let i = outer.loop_params().unwrap().get("i").unwrap();
    assert_eq!(i.mode.as_ref().unwrap().value, ParamMode::Mutable);
    assert_eq!(i.ty(), Some(ParamType::LongArray));
    let sites = sites_of(&doc);
    let x = site(
        &sites,
        &Owner::LoopParam {
            step_id: "job1".into(),
            path: vec!["x".into()],
        },
    );
    assert_eq!(x.text, "Util.intsBetween(1, i, 1);");
    let t = name_tables(&doc);
    let vars: Vec<&str> = t
        .loop_variables("job.1")
        .iter()
        .map(|d| d.name.as_str())
        .collect();
    assert_eq!(vars, ["i", "j", "x"]);
    assert_eq!(t.step("job.1").unwrap().parent.as_deref(), Some("job1"));
    assert_eq!(t.step("job.2").unwrap().upstream, ["job1"]);

    let (_, doc) = load_sample("sample-while-wf.json");
    let sites = sites_of(&doc);
    let c = site(
        &sites,
        &Owner::WhileCondition {
            step_id: "while-job".into(),
        },
    );
    assert_eq!(
        (c.kind.clone(), c.text.as_str()),
        (SiteKind::WhileCondition, "i <= 20200105")
    );

    let (_, doc) = load_sample("sample-subworkflow-wf.json");
    let w = doc.workflow.as_ref().unwrap();
    assert_eq!(w.steps.len(), 6);
    assert!(w.steps.iter().all(|s| s.kind == StepKind::Subworkflow));
    assert!(!w.steps[2].sync.as_ref().unwrap().value);
    assert!(w.steps[4].explicit_params.as_ref().unwrap().value);
    assert_eq!(
        w.instance_step_concurrency.as_ref().unwrap().as_i64(),
        Some(3)
    );
}

#[test]
fn time_triggers_and_dag_8() {
    let (_, doc) = load_sample("sample-time-trigger-wf.json");
    let w = doc.workflow.as_ref().unwrap();
    let kinds: Vec<&str> = w
        .time_triggers
        .iter()
        .map(|t| t.trigger_type.as_ref().unwrap().value.as_str())
        .collect();
    assert_eq!(kinds, ["CRON", "PREDEFINED", "CRON"]);
    assert_eq!(
        w.time_triggers[0].cron.as_ref().unwrap().value,
        "0 0 12 1/1 * ? *"
    );
    assert_eq!(
        w.time_triggers[2]
            .fuzzy_max_delay
            .as_ref()
            .unwrap()
            .as_str(),
        Some("30s")
    );

    let (src, doc) = load_sample("sample-dag-test-8.json");
    let sites = sites_of(&doc);
    let conds: Vec<(String, String, String)> = sites
        .iter()
        .filter_map(|s| match &s.owner {
            Owner::Successor { step_id, successor } => {
                Some((step_id.clone(), successor.clone(), s.text.clone()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(conds.len(), 5);
    assert_eq!(conds[0], ("job.1".into(), "job.3".into(), "x > 10".into()));
    assert_eq!(conds[2], ("job.2".into(), "job.4".into(), "x > 3".into()));
    let t = sites
        .iter()
        .find(|s| s.kind == SiteKind::InterpolatedAttribute)
        .unwrap();
    assert_eq!(t.references[0].name, "base_workflow_timeout");
    let r = t.references[0].span;
    assert_eq!(&src[r.start..r.end], "base_workflow_timeout");
    let w = doc.workflow.as_ref().unwrap();
    let succ = &w.steps[0].transition.as_ref().unwrap().successors[0];
    assert_eq!(&src[succ.id.span.start..succ.id.span.end], "job.3");
}

#[test]
fn job_template_sample() {
    let (_, doc) = load_sample("jobtemplates/sample-job-template-1.json");
    assert_eq!(doc.shape, Shape::JobTemplate);
    let t = doc.job_template.as_ref().unwrap();
    assert_eq!(t.job_type.as_ref().unwrap().value, "shell");
    let names: Vec<&str> = t.params.names().collect();
    assert_eq!(names, ["kubernetes", "notebook", "script"]);
    let (_, ydoc) = load_sample("jobtemplates/sample-job-template-1.yaml");
    let yt = ydoc.job_template.as_ref().unwrap();
    let ynames: Vec<&str> = yt.params.names().collect();
    assert_eq!(ynames, names);
    assert_eq!(sites_of(&doc).len(), 4);
    assert_eq!(sites_of(&ydoc).len(), 4);
}
