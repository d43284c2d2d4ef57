//! `saman-feed serve DIR [--port N]`: preview feeds and the widget locally.
//!
//! A small static file server on 127.0.0.1 only (never the network: it is a
//! preview, not a host). Every answer carries `Access-Control-Allow-Origin:
//! *`, because the widget fetches feeds from another origin, and the MIME
//! types browsers insist on: `application/wasm` for streaming compilation,
//! `application/feed+json` for feeds.
//!
//! Only files inside DIR are served: `..`, encoded or not, is refused, and a
//! symbolic link that points out of DIR is treated as missing.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::thread;

use tiny_http::{Header, Method, Request, Response, Server, StatusCode};

use crate::failure::{Failure, Outcome};

/// How many requests are answered at once.
const WORKERS: usize = 4;

/// Runs `serve` until the process is stopped.
pub fn run(dir: &Path, port: u16) -> Result<Outcome, Failure> {
    let root = fs::canonicalize(dir)
        .ok()
        .filter(|p| p.is_dir())
        .ok_or_else(|| Failure::new(format!("{} is not a folder that can be served", dir.display())))?;
    let server = Server::http(("127.0.0.1", port))
        .map_err(|e| Failure::new(format!("cannot listen on 127.0.0.1:{port}: {e}")))?;
    let address = server.server_addr().to_ip().map(|a| a.to_string()).unwrap_or_default();
    println!("serving {} at http://{address}/ (Ctrl-C stops)", dir.display());
    // Tests and scripts read the address from the first line.
    let _ = std::io::stdout().flush();
    let server = Arc::new(server);
    let root = Arc::new(root);
    let workers: Vec<_> = (0..WORKERS)
        .map(|_| {
            let (server, root) = (Arc::clone(&server), Arc::clone(&root));
            thread::spawn(move || {
                while let Ok(request) = server.recv() {
                    answer(&root, request);
                }
            })
        })
        .collect();
    for worker in workers {
        let _ = worker.join();
    }
    Ok(Outcome::Clean)
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("header names and values here are ASCII")
}

fn common_headers() -> Vec<Header> {
    vec![
        header("Access-Control-Allow-Origin", "*"),
        header("Cache-Control", "no-cache"),
        header("X-Content-Type-Options", "nosniff"),
    ]
}

fn answer(root: &Path, request: Request) {
    let method = request.method().clone();
    let result = match method {
        Method::Get | Method::Head => match resolve(root, request.url()) {
            Some(path) => match File::open(&path) {
                Ok(file) => {
                    let mut response =
                        Response::from_file(file).with_header(header("Content-Type", mime_type(&path)));
                    for h in common_headers() {
                        response.add_header(h);
                    }
                    request.respond(response)
                }
                Err(_) => request.respond(plain(404, "not found")),
            },
            None => request.respond(plain(404, "not found")),
        },
        Method::Options => {
            let mut response = Response::empty(StatusCode(204))
                .with_header(header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS"))
                .with_header(header("Access-Control-Allow-Headers", "*"));
            for h in common_headers() {
                response.add_header(h);
            }
            request.respond(response)
        }
        _ => request.respond(
            plain(405, "only GET, HEAD and OPTIONS").with_header(header("Allow", "GET, HEAD, OPTIONS")),
        ),
    };
    // A client that hung up is not the server's problem.
    let _ = result;
}

fn plain(status: u16, text: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    let mut response = Response::from_string(text)
        .with_status_code(status)
        .with_header(header("Content-Type", "text/plain; charset=utf-8"));
    for h in common_headers() {
        response.add_header(h);
    }
    response
}

/// The file a request URL names inside `root`, if there is one.
pub fn resolve(root: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_decode(path)?;
    let mut file = root.to_path_buf();
    for segment in decoded.split('/').filter(|s| !s.is_empty()) {
        // Only plain names: no `..`, no `.`, no drive letters or separators.
        let mut components = Path::new(segment).components();
        let plain_name = matches!((components.next(), components.next()), (Some(Component::Normal(_)), None));
        if !plain_name || segment.contains(['\\', '\0', ':']) {
            return None;
        }
        file.push(segment);
    }
    if file.is_dir() {
        file.push("index.html");
    }
    // Symbolic links may point anywhere: the real path must stay inside.
    let real = fs::canonicalize(&file).ok()?;
    (real.starts_with(root) && real.is_file()).then_some(real)
}

/// Decodes `%XX` escapes; `None` for a broken escape or non-UTF-8 result.
fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The Content-Type of a file, by its extension.
pub fn mime_type(path: &Path) -> &'static str {
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    match extension.as_str() {
        "wasm" => "application/wasm",
        "json" => "application/feed+json",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "html" | "htm" => "text/html; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "txt" | "md" => "text/plain; charset=utf-8",
        "map" => "application/json",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_inside_the_root_are_found_and_everything_else_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = fs::canonicalize(dir.path()).unwrap();
        fs::create_dir(root.join("feed")).unwrap();
        fs::write(root.join("feed/residents.json"), "{}").unwrap();
        fs::write(root.join("index.html"), "<!DOCTYPE html>").unwrap();
        fs::write(root.join("æøå.json"), "{}").unwrap();
        assert_eq!(resolve(&root, "/feed/residents.json?v=2"), Some(root.join("feed/residents.json")));
        assert_eq!(resolve(&root, "/"), Some(root.join("index.html")));
        assert_eq!(resolve(&root, "/%C3%A6%C3%B8%C3%A5.json"), Some(root.join("æøå.json")));
        for bad in [
            "/../etc/passwd",
            "/feed/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/feed/%2E%2E/%2E%2E/etc/passwd",
            "/..%2fetc%2fpasswd",
            "/feed\\..\\..\\x",
            "/C:/x",
            "/%00",
            "/%zz",
            "/missing.json",
            "/feed",
        ] {
            assert_eq!(resolve(&root, bad), None, "{bad}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_out_of_the_root_is_not_followed() {
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("secret.txt"), "secret").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let root = fs::canonicalize(dir.path()).unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret.txt"), root.join("link.txt")).unwrap();
        assert_eq!(resolve(&root, "/link.txt"), None);
    }

    #[test]
    fn mime_types_are_what_browsers_need() {
        assert_eq!(mime_type(Path::new("a/saman_stories_bg.wasm")), "application/wasm");
        assert_eq!(mime_type(Path::new("residents.JSON")), "application/feed+json");
        assert_eq!(mime_type(Path::new("saman-stories.js")), "text/javascript; charset=utf-8");
        assert_eq!(mime_type(Path::new("bilete/helse.svg")), "image/svg+xml");
        assert_eq!(mime_type(Path::new("README")), "application/octet-stream");
    }
}
