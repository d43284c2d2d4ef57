//! `saman-feed serve`, run as a program on a free port of 127.0.0.1.

mod common;

use std::fs;
use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};

use common::*;

/// A running `serve`, stopped when dropped.
struct Server {
    child: Child,
    address: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(dir: &std::path::Path) -> Server {
    let mut child = saman_feed()
        .args(["serve", arg(dir), "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut first_line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first_line).unwrap();
    // "serving DIR at http://127.0.0.1:PORT/ (Ctrl-C stops)"
    let address = first_line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {first_line:?}"))
        .to_owned();
    Server { child, address }
}

fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("pkg")).unwrap();
    fs::write(dir.path().join("pkg/saman_stories_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    fs::write(dir.path().join("residents.json"), "{\"version\": \"https://jsonfeed.org/version/1.1\"}\n")
        .unwrap();
    fs::write(dir.path().join("index.html"), "<!DOCTYPE html><title>Førehandsvising</title>").unwrap();
    dir
}

#[test]
fn wasm_and_feeds_are_served_with_cors_and_their_mime_types() {
    let dir = site();
    let server = start(dir.path());
    let agent = ureq::agent();

    let mut wasm = agent.get(&format!("http://{}/pkg/saman_stories_bg.wasm", server.address)).call().unwrap();
    assert_eq!(wasm.headers().get("content-type").unwrap(), "application/wasm");
    assert_eq!(wasm.headers().get("access-control-allow-origin").unwrap(), "*");
    assert_eq!(wasm.body_mut().read_to_vec().unwrap(), b"\0asm\x01\0\0\0");

    let mut feed = agent.get(&format!("http://{}/residents.json?v=1", server.address)).call().unwrap();
    assert_eq!(feed.headers().get("content-type").unwrap(), "application/feed+json");
    assert_eq!(feed.headers().get("access-control-allow-origin").unwrap(), "*");
    assert!(feed.body_mut().read_to_string().unwrap().contains("jsonfeed.org"));

    let mut index = agent.get(&format!("http://{}/", server.address)).call().unwrap();
    assert_eq!(index.headers().get("content-type").unwrap(), "text/html; charset=utf-8");
    assert!(index.body_mut().read_to_string().unwrap().contains("Førehandsvising"));
}

#[test]
fn paths_out_of_the_folder_are_refused() {
    let parent = tempfile::tempdir().unwrap();
    fs::write(parent.path().join("secret.txt"), "hemmeleg").unwrap();
    let root = parent.path().join("site");
    fs::create_dir(&root).unwrap();
    fs::write(root.join("ok.txt"), "ope").unwrap();
    let server = start(&root);
    let ok = raw_request(&server.address, "GET /ok.txt HTTP/1.0\r\n\r\n");
    assert!(ok.starts_with("HTTP/1.0 200") || ok.starts_with("HTTP/1.1 200"), "{ok}");
    for path in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/..%5csecret.txt",
        "/site/../../secret.txt",
    ] {
        let response = raw_request(&server.address, &format!("GET {path} HTTP/1.0\r\n\r\n"));
        assert!(response.contains(" 404 "), "{path}: {response}");
        assert!(!response.contains("hemmeleg"), "{path} leaked the file");
    }
}

#[test]
fn preflight_and_other_methods_are_answered() {
    let dir = site();
    let server = start(dir.path());
    let preflight =
        raw_request(&server.address, "OPTIONS /residents.json HTTP/1.0\r\nOrigin: http://a.example\r\n\r\n");
    assert!(preflight.contains(" 204 "), "{preflight}");
    assert!(preflight.to_ascii_lowercase().contains("access-control-allow-origin: *"), "{preflight}");
    let post = raw_request(&server.address, "POST /residents.json HTTP/1.0\r\nContent-Length: 0\r\n\r\n");
    assert!(post.contains(" 405 "), "{post}");
    let head = raw_request(&server.address, "HEAD /residents.json HTTP/1.0\r\n\r\n");
    assert!(head.contains(" 200 ") && !head.contains("jsonfeed.org"), "{head}");
}

#[test]
fn a_missing_folder_is_a_clear_error() {
    let output = run(&["serve", "no/such/folder", "--port", "0"]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("no/such/folder is not a folder that can be served"),
        "{}",
        stderr(&output)
    );
}
