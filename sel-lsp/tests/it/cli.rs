//! The binary's command line: `--help` and `--version` answer and exit instead of
//! waiting for protocol input on stdin (issue 17, item 8).

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs `sel-lsp ARGS` with an open (never written) stdin, so a binary that waited for
/// protocol input would hang: it is killed after 10 s and the test fails.
fn run(args: &[&str]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sel-lsp"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run sel-lsp");
    let stdin = child.stdin.take();
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            drop(stdin);
            let out = child.wait_with_output().expect("output");
            return (
                status.code().unwrap_or(-1),
                String::from_utf8_lossy(&out.stdout).into_owned(),
                String::from_utf8_lossy(&out.stderr).into_owned(),
            );
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("sel-lsp {args:?} did not exit within 10 s");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn version_prints_and_exits() {
    for flag in ["--version", "-V"] {
        let (code, out, err) = run(&[flag]);
        assert_eq!(
            (code, out.as_str(), err.as_str()),
            (0, concat!("sel-lsp ", env!("CARGO_PKG_VERSION"), "\n"), "")
        );
    }
}

#[test]
fn help_prints_usage_and_exits() {
    for flag in ["--help", "-h"] {
        let (code, out, err) = run(&[flag]);
        assert_eq!((code, err.as_str()), (0, ""));
        assert!(
            out.starts_with("sel-lsp: the language server for SEL"),
            "{out}"
        );
        assert!(out.contains("\nUsage: sel-lsp [--stdio]\n"), "{out}");
        assert!(
            out.contains("  -V, --version  Print the version and exit\n"),
            "{out}"
        );
    }
}

#[test]
fn unknown_argument_is_an_error() {
    let (code, out, err) = run(&["--bogus"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.starts_with("sel-lsp: unknown argument `--bogus`\n"),
        "{err}"
    );
}

#[test]
fn with_stdio_it_serves_lsp() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sel-lsp"))
        .arg("--stdio")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run sel-lsp");
    let mut stdin = child.stdin.take().expect("stdin");
    let mut stdout = std::io::BufReader::new(child.stdout.take().expect("stdout"));
    let mut send = |v: serde_json::Value| {
        let body = v.to_string();
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        stdin.flush().expect("flush");
    };
    send(
        serde_json::json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"processId": null, "rootUri": null, "capabilities": {}}}),
    );
    let init = read_message(&mut stdout);
    assert_eq!(init["id"], 1);
    assert_eq!(init["result"]["serverInfo"]["name"], "sel-lsp");
    send(serde_json::json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
    send(serde_json::json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}));
    assert_eq!(
        read_message(&mut stdout),
        serde_json::json!({"jsonrpc": "2.0", "id": 2, "result": null})
    );
    send(serde_json::json!({"jsonrpc": "2.0", "method": "exit"}));
    let status = child.wait().expect("exit");
    assert!(status.success(), "{status}");
}

/// One `Content-Length`-framed JSON-RPC message.
fn read_message(r: &mut impl std::io::BufRead) -> serde_json::Value {
    let mut len = 0usize;
    loop {
        let mut line = String::new();
        assert!(
            r.read_line(&mut line).expect("read") > 0,
            "server closed stdout"
        );
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            len = n.parse().expect("length");
        }
    }
    let mut body = vec![0; len];
    r.read_exact(&mut body).expect("body");
    serde_json::from_slice(&body).expect("json")
}
