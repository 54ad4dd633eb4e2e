//! Instances per second through the REST API: a real `maestro server` (the release
//! binary Cargo built for this bench) on the chosen database, a 10-step NoOp chain
//! pushed over HTTP, N instances started by several client threads, then every instance
//! read back until it is terminal. The figure is N divided by the time from the first
//! start request to the last instance seen terminal.

use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::json;

use crate::http::Client;
use crate::workflows;
use crate::Options;

/// Kills the server when the bench ends, also on an error.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> Result<u16, String> {
    let l = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    Ok(l.local_addr().map_err(|e| e.to_string())?.port())
}

pub fn run(opts: &Options) -> Result<(), String> {
    let work = tempfile::tempdir().map_err(|e| e.to_string())?;
    let port = free_port()?;
    let addr = format!("127.0.0.1:{port}");
    let child = Command::new(env!("CARGO_BIN_EXE_maestro"))
        .args([
            "server",
            "--port",
            &port.to_string(),
            "--database",
            &opts.database,
            "--work-dir",
        ])
        .arg(work.path())
        .stdout(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start maestro server: {e}"))?;
    let _server = Server(child);
    let mut c = Client::new(&addr);
    let id = format!("bench-api-{}", std::process::id());
    let up = Instant::now();
    loop {
        if c.call(
            "GET",
            &format!("/api/v3/workflows/{id}/versions/latest"),
            None,
        )
        .is_ok()
        {
            break;
        }
        if up.elapsed() > Duration::from_secs(30) {
            return Err("the server did not answer within 30 s".into());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let push =
        json!({"properties": workflows::properties(), "workflow": workflows::chain(&id, 10)});
    let (code, body) = c.call("POST", "/api/v3/workflows", Some(&push))?;
    if code != 200 {
        return Err(format!("push answered {code}: {body}"));
    }
    let n = opts.instances;
    let next = Arc::new(AtomicUsize::new(0));
    let t0 = Instant::now();
    let clients: Vec<_> = (0..opts.concurrency)
        .map(|_| {
            let (next, addr, id) = (next.clone(), addr.clone(), id.clone());
            std::thread::spawn(move || -> Result<Vec<i64>, String> {
                let mut c = Client::new(&addr);
                let mut ids = Vec::new();
                let path = format!("/api/v3/workflows/{id}/versions/latest/actions/start");
                let start = json!({"initiator": {"type": "manual"}});
                while next.fetch_add(1, Ordering::Relaxed) < n {
                    let (code, body) = c.call("POST", &path, Some(&start))?;
                    let instance = body["workflow_instance_id"].as_i64();
                    match (code, instance) {
                        (200, Some(i)) => ids.push(i),
                        _ => return Err(format!("start answered {code}: {body}")),
                    }
                }
                Ok(ids)
            })
        })
        .collect();
    let mut ids = Vec::new();
    for h in clients {
        ids.extend(h.join().map_err(|_| "a client thread panicked")??);
    }
    let started = t0.elapsed().as_secs_f64();
    ids.sort_unstable();
    // Read each instance in start order until terminal: one reader, so the polling
    // itself costs the server little.
    for i in &ids {
        loop {
            let (code, body) = c.call(
                "GET",
                &format!("/api/v3/workflows/{id}/instances/{i}"),
                None,
            )?;
            match body["status"].as_str() {
                Some("SUCCEEDED") => break,
                Some("CREATED" | "IN_PROGRESS") if code == 200 => {
                    std::thread::sleep(Duration::from_millis(2))
                }
                _ => return Err(format!("instance {i} answered {code}: {}", body["status"])),
            }
        }
    }
    let total = t0.elapsed().as_secs_f64();
    println!(
        "api: {n} instances of a 10-step NoOp chain, {} clients: all started in {started:.2} s ({:.0} starts/s), \
         all SUCCEEDED after {total:.2} s: {:.0} instances/s ({:.0} steps/s)",
        opts.concurrency,
        n as f64 / started,
        n as f64 / total,
        n as f64 * 10.0 / total
    );
    Ok(())
}
