//! The YAML DSL samples: translation facts, spans into the YAML, and agreement with the
//! JSON twin of sample-conditional-wf.

use crate::common::*;
use maestro_model::{name_tables, Owner, ParamMode, ParamType, Shape, SiteKind, Span, StepKind};

fn slice(src: &str, s: Span) -> &str {
    &src[s.start..s.end]
}

#[test]
fn conditional_yaml_matches_json_twin() {
    let (_, jdoc) = load_sample("sample-conditional-wf.json");
    let (ysrc, ydoc) = load_sample("sample-conditional-wf.yaml");
    assert_eq!(ydoc.shape, Shape::Dsl);
    let (jw, yw) = (
        jdoc.workflow.as_ref().unwrap(),
        ydoc.workflow.as_ref().unwrap(),
    );
    assert_eq!(jw.id(), yw.id());
    assert_eq!(
        jw.name.as_ref().unwrap().value,
        yw.name.as_ref().unwrap().value
    );
    let ids = |w: &maestro_model::Workflow| {
        w.steps
            .iter()
            .map(|s| s.id().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(jw), ids(yw));
    let p0 = (
        jw.params.get("param0").unwrap(),
        yw.params.get("param0").unwrap(),
    );
    assert_eq!(p0.0.ty(), Some(ParamType::Long));
    assert_eq!(p0.1.ty(), Some(ParamType::Long));
    assert_eq!(p0.1.value.as_ref().unwrap().as_i64(), Some(15));
    for (js, ys) in jw.steps.iter().zip(&yw.steps) {
        assert_eq!(
            js.step_type.as_ref().unwrap().value,
            ys.step_type.as_ref().unwrap().value
        );
        let jn: Vec<&str> = js.params.names().collect();
        let yn: Vec<&str> = ys.params.names().collect();
        assert_eq!(jn, yn, "params of {:?}", js.id());
        let succ = |s: &maestro_model::Step| {
            s.transition
                .iter()
                .flat_map(|t| t.successors.iter())
                .map(|x| {
                    (
                        x.id.text.clone(),
                        x.condition.as_ref().unwrap().text.clone(),
                    )
                })
                .collect::<Vec<_>>()
        };
        if js.id() == Some("job.3") {
            // The JSON twin spells the else branch out; the DSL derives it from OTHERWISE.
            assert_eq!(succ(js)[1].1, "param2 >= 0");
            assert_eq!(
                succ(ys)[1],
                ("job.6".to_string(), "!((param2 < 0))".to_string())
            );
            assert_eq!(succ(js)[0], succ(ys)[0]);
        } else {
            assert_eq!(succ(js), succ(ys), "successors of {:?}", js.id());
        }
    }
    // Param types: the DSL expression `!param5` defaults to STRING, the JSON says LONG.
    let j5 = jw.step("job.7").unwrap().params.get("param5").unwrap();
    let y5 = yw.step("job.7").unwrap().params.get("param5").unwrap();
    assert_eq!(
        j5.expression.as_ref().unwrap().text,
        y5.expression.as_ref().unwrap().text
    );
    assert_eq!(
        (j5.ty(), y5.ty()),
        (Some(ParamType::Long), Some(ParamType::String))
    );

    let sites = sites_of(&ydoc);
    assert_eq!(sites.len(), 8);
    let if_site = site(
        &sites,
        &Owner::Successor {
            step_id: "job.3".into(),
            successor: "job.4".into(),
        },
    );
    assert_eq!(if_site.map.content(), Span::new(497, 507));
    assert_eq!(slice(&ysrc, if_site.map.content()), "param2 < 0");
    assert_round_trip(if_site);
    let other = site(
        &sites,
        &Owner::Successor {
            step_id: "job.3".into(),
            successor: "job.6".into(),
        },
    );
    // "!((" is glue attributed to the OTHERWISE keyword; then the IF condition itself.
    assert_eq!(slice(&ysrc, other.map.doc_span(0, 3)), "OTHERWISE");
    assert_eq!(slice(&ysrc, other.map.doc_span(3, 13)), "param2 < 0");
    assert_eq!(other.map.doc_offset(10), 504);
    let step_id = &yw
        .step("job.3")
        .unwrap()
        .transition
        .as_ref()
        .unwrap()
        .successors[1]
        .id;
    assert_eq!(slice(&ysrc, step_id.span), "job.6");
    let lower = site(
        &sites,
        &Owner::Successor {
            step_id: "job.5".into(),
            successor: "job.6".into(),
        },
    );
    assert_eq!(lower.text, "params.getFromStep('job.4', 'param3') > 0");
    assert_eq!(slice(&ysrc, lower.map.content()), lower.text);
    let p5 = site(&sites, &step_owner("job.7", &["param5"]));
    assert_eq!(p5.kind, SiteKind::DslExpression);
    assert_eq!(
        (p5.span, p5.map.content()),
        (Span::new(1026, 1048), Span::new(1027, 1047))
    );
    let p5_def = yw.step("job.7").unwrap().params.get("param5").unwrap();
    assert_eq!(slice(&ysrc, p5_def.name.span), "param5");
    assert_eq!(slice(&ysrc, p5_def.key_span), "'!param5'");
}

#[test]
fn dsl_wf_1() {
    let (src, doc) = load_sample("sample-dsl-wf-1.yaml");
    assert_eq!(doc.shape, Shape::Dsl);
    let props = doc.properties.as_ref().unwrap();
    assert_eq!(props.owner.as_ref().unwrap().value, "tester");
    assert_eq!(
        props.run_strategy.as_ref().unwrap().as_str(),
        Some("parallel")
    );
    let w = doc.workflow.as_ref().unwrap();
    assert_eq!(w.id(), Some("sample-dsl-wf-1"));
    assert_eq!(w.criticality.as_ref().unwrap().value, "CRITICAL");
    let names: Vec<&str> = w.params.names().collect();
    assert_eq!(
        names,
        ["month", "data_source", "output_path", "partition_count"]
    );
    let pc = w.params.get("partition_count").unwrap();
    assert_eq!(pc.ty(), Some(ParamType::Long));
    assert_eq!(pc.mode.as_ref().unwrap().value, ParamMode::Constant);
    assert_eq!(slice(&src, pc.name.span), "partition_count");
    assert_eq!(slice(&src, pc.param_type.as_ref().unwrap().span), "<long>");
    assert_eq!(slice(&src, pc.mode.as_ref().unwrap().span), "(constant)");
    assert_eq!(pc.expression.as_ref().unwrap().text, "1+9");

    let all: Vec<(&str, StepKind)> = w
        .all_steps()
        .iter()
        .map(|s| (s.id().unwrap(), s.kind))
        .collect();
    assert_eq!(
        all,
        [
            ("extract_data", StepKind::Typed),
            ("process_partitions", StepKind::Foreach),
            ("retry_failed_partitions", StepKind::While),
            ("process_data", StepKind::Typed),
            ("validation_workflow", StepKind::Subworkflow),
        ]
    );
    let extract = w.step("extract_data").unwrap();
    assert_eq!(extract.sub_type.as_ref().unwrap().value, "spark");
    assert_eq!(extract.sub_type_version.as_ref().unwrap().value, "v1");
    assert!(extract.step_type.is_none());
    let fe = w.step("process_partitions").unwrap();
    let fe_params: Vec<&str> = fe.params.names().collect();
    assert_eq!(fe_params, ["foo", "loop_params"]);
    let lp: Vec<(&str, Option<ParamType>)> = fe
        .loop_params()
        .unwrap()
        .iter()
        .map(|p| (p.name.text.as_str(), p.ty()))
        .collect();
    assert_eq!(
        lp,
        [
            ("date", Some(ParamType::LongArray)),
            ("hour", Some(ParamType::LongArray))
        ]
    );
    let wh = w.step("retry_failed_partitions").unwrap();
    assert_eq!(wh.condition.as_ref().unwrap().text, "attempt_cnt < 10");
    let sub = w.step("validation_workflow").unwrap();
    assert!(sub.explicit_params.as_ref().unwrap().value);
    let sub_params: Vec<&str> = sub.params.names().collect();
    assert_eq!(sub_params, ["foo", "subworkflow_id", "subworkflow_version"]);
    assert_eq!(
        sub.params
            .get("subworkflow_version")
            .unwrap()
            .value
            .as_ref()
            .unwrap()
            .as_str(),
        Some("default")
    );

    let sites = sites_of(&doc);
    assert_eq!(sites.len(), 16);
    let range = site(
        &sites,
        &Owner::LoopParam {
            step_id: "process_partitions".into(),
            path: vec!["hour".into()],
        },
    );
    assert_eq!(range.kind, SiteKind::RangeExpression);
    assert_eq!(range.text, "Util.intsBetween(0, 24, 1);");
    // `0` and `24` map to where they are written; the glue to the `hour` key.
    let to = range.map.doc_span(20, 22);
    assert_eq!(slice(&src, to), "24");
    assert_eq!(&src[to.start - 4..to.start], "to: ");
    assert_eq!(slice(&src, range.map.doc_span(17, 18)), "0");
    assert_eq!(slice(&src, range.map.doc_span(0, 4)), "hour");
    let dag = site(
        &sites,
        &Owner::Successor {
            step_id: "extract_data".into(),
            successor: "process_partitions".into(),
        },
    );
    assert_eq!(dag.text, "partition_count > 0");
    assert_eq!(dag.map.content(), Span::new(2066, 2085));
    assert_eq!(slice(&src, dag.map.content()), "partition_count > 0");
    let month = site(&sites, &wf_owner(&["month"]));
    assert_eq!(month.map.content(), Span::new(260, 350));
    assert_eq!(month.map.doc_offset(4), 264);
    assert_eq!(&src[264..272], "DateTime");

    let t = name_tables(&doc);
    let vars: Vec<&str> = t
        .loop_variables("process_data")
        .iter()
        .map(|d| d.name.as_str())
        .collect();
    assert_eq!(vars, ["date", "hour", "attempt_cnt"]);
    assert_eq!(
        t.step("validation_workflow").unwrap().predecessors,
        ["process_data"]
    );
    assert_eq!(
        t.step("process_partitions").unwrap().upstream,
        ["extract_data"]
    );
}

#[test]
fn http_yaml_block_scalars() {
    let (src, doc) = load_sample("sample-http-wf.yaml");
    let w = doc.workflow.as_ref().unwrap();
    assert_eq!(w.steps.len(), 5);
    // dag: sequential chains the jobs.
    let t = name_tables(&doc);
    assert_eq!(
        t.step("job.5").unwrap().upstream,
        ["job.1", "job.2", "job.3", "job.4"]
    );
    let http = w.step("job.1").unwrap().params.get("http").unwrap();
    assert_eq!(http.ty(), Some(ParamType::Map));
    let nested: Vec<(&str, Option<ParamType>)> = http
        .nested
        .iter()
        .map(|p| (p.name.text.as_str(), p.ty()))
        .collect();
    assert_eq!(
        nested,
        [
            ("url", Some(ParamType::String)),
            ("method", Some(ParamType::String)),
            ("headers", Some(ParamType::StringMap)),
            ("body", Some(ParamType::String)),
        ]
    );
    let sites = sites_of(&doc);
    let body = site(&sites, &wf_owner(&["wf_body"]));
    assert!(body.text.starts_with("Workflow:\n  id: \"sample-wf-2\"\n"));
    // A literal block: indentation is dropped, so "id:" in the text maps past it.
    let k = body.text.find("id:").unwrap();
    assert_eq!(k, 12);
    let at = body.map.doc_offset(k);
    assert_eq!(&src[at..at + 3], "id:");
    assert_eq!(&src[at - 7..at], "\n      ");
    assert_round_trip(body);
    let state = sites
        .iter()
        .find(|s| s.kind == SiteKind::HttpStateExpression)
        .unwrap();
    assert_eq!(state.owner, step_owner("job.5", &["state_expr"]));
    assert_eq!(
        state.text,
        "if (status_code == 404) return \"DONE\";\nelse return \"FATAL_ERROR\";\n"
    );
    let e = state.text.find("else").unwrap();
    let at = state.map.doc_offset(e);
    assert_eq!(&src[at..at + 4], "else");
    assert_round_trip(state);
    let refs: Vec<&str> = sites
        .iter()
        .flat_map(|s| s.references.iter().map(|r| r.name.as_str()))
        .collect();
    assert_eq!(refs, ["wf_body", "wf_body"]);
}
