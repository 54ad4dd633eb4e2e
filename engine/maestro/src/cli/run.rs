//! `maestro run FILE`: push the definitions it needs, start one run with a manual
//! initiator, show its progress, and wait for its end, all in this process.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;

use clap::Args;
use maestro_core::start::StartRequest;
use maestro_model::instance::{InstanceStatus, Parameter};
use maestro_model::{Format, ParamType};
use maestro_store::VersionSelector;
use serde_json::json;

use super::{code_of, exit, report};
use crate::engine::time::Timekeeper;
use crate::engine::{Engine, EngineConfig, StartOutcome};

#[derive(Args)]
pub struct RunArgs {
    /// The workflow to run: a JSON create request, a bare workflow, or the YAML DSL.
    pub file: PathBuf,
    /// Push this definition first (e.g. a subworkflow's target); repeatable.
    #[arg(long = "push", value_name = "FILE")]
    pub push: Vec<PathBuf>,
    /// Store this job template first (e.g. the `shell` template); repeatable.
    #[arg(long = "job-template", value_name = "FILE")]
    pub job_templates: Vec<PathBuf>,
    /// A run param, as a literal; converted to the param's declared type; repeatable.
    #[arg(long = "param", value_name = "NAME=VALUE")]
    pub params: Vec<String>,
    /// Keep the run in this database (`sqlite://PATH` or `postgres://...`); default: a
    /// temporary SQLite file.
    #[arg(long, value_name = "URL")]
    pub database: Option<String>,
    /// Print one JSON object with the instance and its steps on stdout.
    #[arg(long)]
    pub json: bool,
    /// Run on virtual time: sleeps, backoffs and timeouts take no real time.
    #[arg(long)]
    pub virtual_time: bool,
    /// Where shell steps get their working directories; default: a temporary directory.
    #[arg(long, value_name = "DIR")]
    pub work_dir: Option<PathBuf>,
}

fn read(path: &PathBuf) -> Result<(String, String, Format), maestro_core::EngineError> {
    let p = path.display().to_string();
    let text = std::fs::read_to_string(path)
        .map_err(|e| maestro_core::EngineError::invalid(format!("{p}: cannot read: {e}")))?;
    let format = Format::from_path(&p);
    Ok((p, text, format))
}

fn parse_params(
    items: &[String],
) -> Result<maestro_model::instance::ParameterMap, maestro_core::EngineError> {
    let mut m = maestro_model::instance::ParameterMap::new();
    for it in items {
        let Some((k, v)) = it.split_once('=') else {
            return Err(maestro_core::EngineError::invalid(format!(
                "--param [{it}] must look like NAME=VALUE"
            )));
        };
        m.insert(
            k.trim().to_string(),
            Parameter::literal(ParamType::String, json!(v)),
        );
    }
    Ok(m)
}

pub fn main(a: RunArgs) -> i32 {
    let Some(rt) = super::runtime() else {
        return exit::ENGINE;
    };
    rt.block_on(run(a))
}

async fn run(a: RunArgs) -> i32 {
    let temp = match tempfile::tempdir() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("maestro: cannot create a temporary directory: {e}");
            return exit::ENGINE;
        }
    };
    let database = a
        .database
        .clone()
        .unwrap_or_else(|| format!("sqlite://{}", temp.path().join("maestro.db").display()));
    let tk = if a.virtual_time {
        Timekeeper::virtual_time(Timekeeper::real().now())
    } else {
        Timekeeper::real()
    };
    let config = EngineConfig {
        database_url: database,
        work_dir: a
            .work_dir
            .clone()
            .unwrap_or_else(|| temp.path().join("work")),
        timekeeper: tk,
    };
    let engine = match Engine::open(config).await {
        Ok(e) => e,
        Err(e) => {
            eprintln!("maestro: {e}");
            return exit::ENGINE;
        }
    };
    match go(&engine, &a).await {
        Ok(code) => code,
        Err(e) => {
            report(&e);
            code_of(&e)
        }
    }
}

async fn go(engine: &Arc<Engine>, a: &RunArgs) -> Result<i32, maestro_core::EngineError> {
    let user = std::env::var("USER").unwrap_or_else(|_| "maestro".into());
    for f in &a.job_templates {
        let (p, text, format) = read(f)?;
        engine.push_job_template(&p, &text, format).await?;
    }
    for f in &a.push {
        let (p, text, format) = read(f)?;
        engine.push_document(&p, &text, format, &user).await?;
    }
    let (p, text, format) = read(&a.file)?;
    let params = parse_params(&a.params)?;
    let pushed = engine.push_document(&p, &text, format, &user).await?;
    let id = pushed.version.workflow_id.clone();
    let mut updates = engine.subscribe();
    let mut req = StartRequest::manual(Some(&user));
    req.run_params = params;
    let instance = match engine
        .start(&id, VersionSelector::Number(pushed.version.version_id), req)
        .await?
    {
        StartOutcome::Created(i) => *i,
        StartOutcome::Duplicated(..) => {
            return Err(maestro_core::EngineError::internal(
                "unexpected duplicate run",
            ))
        }
    };
    let key = (
        id.clone(),
        instance.workflow_instance_id,
        instance.workflow_run_id,
    );
    let tty = std::io::stderr().is_terminal();
    eprintln!(
        "maestro: running {} (instance {}, run {})",
        id, key.1, key.2
    );
    let progress = tokio::spawn(async move {
        while let Ok(u) = updates.recv().await {
            if u.run != key {
                continue;
            }
            match &u.step {
                Some((step, attempt)) => {
                    let attempt = if *attempt > 1 {
                        format!(" (attempt {attempt})")
                    } else {
                        String::new()
                    };
                    if tty {
                        eprintln!("  \x1b[1m{step}\x1b[0m{attempt}: {}", u.status);
                    } else {
                        eprintln!("  {step}{attempt}: {}", u.status);
                    }
                }
                None => eprintln!("  workflow: {}", u.status),
            }
            if u.terminal.is_some() {
                break;
            }
        }
    });
    let key = (
        id.clone(),
        instance.workflow_instance_id,
        instance.workflow_run_id,
    );
    let done = engine.wait_terminal(&key).await?;
    let _ = progress.await;
    let steps = engine.get_steps(&id, key.1, Some(key.2)).await?;
    if a.json {
        let out = json!({"workflow_instance": done, "step_instances": steps});
        println!("{out}");
    } else {
        for s in &steps {
            println!("{:<24} {}", s.step_id, s.status().as_str());
        }
        println!("{} {}", id, done.status.as_str());
    }
    Ok(match done.status {
        InstanceStatus::Succeeded => exit::SUCCEEDED,
        InstanceStatus::Stopped => exit::STOPPED,
        InstanceStatus::TimedOut => exit::TIMED_OUT,
        _ => exit::FAILED,
    })
}
