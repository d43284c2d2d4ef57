//! Helpers shared by the command-line tests: running the real binary,
//! fixtures, golden files, and a one-request HTTP server on 127.0.0.1.

#![allow(dead_code)] // Each test file uses its own part of these helpers.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::thread::{self, JoinHandle};

/// The built `saman-feed` binary.
pub fn saman_feed() -> Command {
    Command::new(env!("CARGO_BIN_EXE_saman-feed"))
}

/// Runs `saman-feed ARGS…` and returns what it did.
pub fn run(args: &[&str]) -> Output {
    saman_feed().args(args).output().expect("the saman-feed binary runs")
}

/// The process's exit code.
pub fn code(output: &Output) -> i32 {
    output.status.code().expect("exited normally")
}

/// Standard output as text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

/// Standard error as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 output")
}

/// A file under `tests/fixtures`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `path` as a `&str` for command lines.
pub fn arg(path: &Path) -> &str {
    path.to_str().expect("test paths are UTF-8")
}

/// Compares `actual` with the golden file `golden`. With `UPDATE_GOLDEN=1`,
/// writes it instead (then review the diff before committing).
pub fn assert_golden(actual: &str, golden: &Path) {
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(golden, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(golden).unwrap_or_else(|e| {
        panic!("cannot read {}: {e} (run with UPDATE_GOLDEN=1 to create it)", golden.display())
    });
    assert!(
        actual == expected,
        "{} differs from the output (run with UPDATE_GOLDEN=1 to update, then review):\n--- output ---\n{actual}",
        golden.display()
    );
}

/// Serves one HTTP response with `status`, `content_type` and `body` on a
/// free port of 127.0.0.1, then stops. Returns the base URL.
pub fn serve_once(status: u16, content_type: &str, body: &[u8]) -> (String, JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let head = format!(
        "HTTP/1.1 {status} X\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let body = body.to_vec();
    let handle = thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut line = String::new();
        // Read the request head up to its blank line.
        while reader.read_line(&mut line).unwrap_or(0) > 0 && line != "\r\n" {
            line.clear();
        }
        let _ = stream.write_all(head.as_bytes());
        let _ = stream.write_all(&body);
    });
    (url, handle)
}

/// Sends a raw HTTP/1.0 request and returns the whole response as text.
pub fn raw_request(address: &str, request: &str) -> String {
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    String::from_utf8_lossy(&response).into_owned()
}
