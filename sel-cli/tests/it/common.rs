//! Running the real `sel` binary as a process, with `NO_COLOR` set and nothing inherited
//! that could change its output (history location, colour).

#![allow(dead_code)] // each test file uses part of it

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// What a run printed and how it exited.
#[derive(Debug, PartialEq, Eq)]
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

/// Runs `sel args...` with `stdin` piped in.
pub fn sel(args: &[&str], stdin: &str) -> Run {
    sel_env(args, stdin, &[])
}

pub fn sel_env(args: &[&str], stdin: &str, env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sel"));
    cmd.args(args)
        .env("NO_COLOR", "1")
        .env_remove("SEL_HISTORY")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("sel starts");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin.as_bytes())
        .expect("stdin written");
    let out = child.wait_with_output().expect("sel finishes");
    Run {
        stdout: String::from_utf8(out.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("utf-8 stderr"),
        code: out.status.code().expect("exit code"),
    }
}

pub fn ok(stdout: &str) -> Run {
    Run {
        stdout: stdout.to_string(),
        stderr: String::new(),
        code: 0,
    }
}

pub fn err(stderr: &str, code: i32) -> Run {
    Run {
        stdout: String::new(),
        stderr: stderr.to_string(),
        code,
    }
}

/// A fresh directory under the target directory for one test's files.
pub fn scratch(test: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}
