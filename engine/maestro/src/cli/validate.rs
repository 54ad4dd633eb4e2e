//! `maestro validate FILE...`: the push-time checks alone, every problem with its place.

use std::path::PathBuf;
use std::sync::Arc;

use clap::Args;
use maestro_model::Format;

use super::exit;
use crate::engine::time::Timekeeper;

#[derive(Args)]
pub struct ValidateArgs {
    /// Workflow definitions: JSON create requests, bare workflows, or the YAML DSL.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

pub fn main(a: ValidateArgs) -> i32 {
    let Some(rt) = super::runtime() else {
        return exit::ENGINE;
    };
    rt.block_on(async {
        let evaluator = maestro_core::maestro_evaluator();
        let tk: Arc<Timekeeper> = Timekeeper::real();
        let mut bad = 0;
        for f in &a.files {
            let path = f.display().to_string();
            let text = match std::fs::read_to_string(f) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("{path}: cannot read: {e}");
                    bad += 1;
                    continue;
                }
            };
            match crate::engine::validate_text(
                &path,
                &text,
                Format::from_path(&path),
                &evaluator,
                tk.now(),
            )
            .map(|_| ())
            {
                Ok(()) => println!("{path}: valid"),
                Err(e) => {
                    bad += 1;
                    super::report(&e);
                }
            }
        }
        if bad > 0 {
            exit::INVALID
        } else {
            exit::SUCCEEDED
        }
    })
}
