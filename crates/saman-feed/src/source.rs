//! Reading the input of `check` and `import`: a local file or a URL.
//!
//! URLs are fetched with a timeout, so a server that never answers cannot
//! hang a CI job, and every failure (no such file, no network, an HTTP error
//! status) becomes a [`Failure`] that says what was tried.

use std::time::Duration;

use crate::failure::Failure;

/// How long a fetch may take in total.
pub const FETCH_TIMEOUT: Duration = Duration::from_secs(20);

/// The largest document read, against runaway responses.
const MAX_BYTES: u64 = 20 * 1024 * 1024;

/// A document that was read, and where from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The file name or URL as given, for messages.
    pub name: String,
    /// The URL it was fetched from, to resolve relative links; `None` for files.
    pub url: Option<String>,
    /// The raw bytes.
    pub bytes: Vec<u8>,
}

impl Source {
    /// The document as UTF-8 text (a leading byte-order mark is dropped).
    pub fn text(&self) -> Result<&str, Failure> {
        let text = std::str::from_utf8(&self.bytes)
            .map_err(|e| Failure::new(format!("{} is not UTF-8 text: {e}", self.name)))?;
        Ok(text.strip_prefix('\u{FEFF}').unwrap_or(text))
    }
}

/// Whether `input` names a URL rather than a file.
pub fn is_url(input: &str) -> bool {
    let lower = input.trim_start().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Reads `input`: fetched when it is an `http(s)` URL, read from disk otherwise.
pub fn read(input: &str) -> Result<Source, Failure> {
    if is_url(input) {
        fetch(input.trim())
    } else {
        let bytes = std::fs::read(input).map_err(|e| Failure::new(format!("cannot read {input}: {e}")))?;
        Ok(Source { name: input.to_owned(), url: None, bytes })
    }
}

fn fetch(url: &str) -> Result<Source, Failure> {
    let agent: ureq::Agent = ureq::Agent::config_builder().timeout_global(Some(FETCH_TIMEOUT)).build().into();
    let fail = |e: ureq::Error| match e {
        ureq::Error::StatusCode(status) => {
            Failure::new(format!("cannot fetch {url}: the server answered HTTP {status}"))
        }
        other => Failure::new(format!("cannot fetch {url}: {other}")),
    };
    let mut response = agent
        .get(url)
        .header("Accept", "application/feed+json, application/json, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8")
        .header("User-Agent", concat!("saman-feed/", env!("CARGO_PKG_VERSION")))
        .call()
        .map_err(fail)?;
    let bytes = response.body_mut().with_config().limit(MAX_BYTES).read_to_vec().map_err(fail)?;
    Ok(Source { name: url.to_owned(), url: Some(url.to_owned()), bytes })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_told_from_file_names() {
        assert!(is_url("https://kommune.example/feed.json"));
        assert!(is_url("HTTP://127.0.0.1:8080/x"));
        assert!(!is_url("demo/feed/residents.json"));
        assert!(!is_url("https.json"));
    }

    #[test]
    fn a_missing_file_is_a_clear_failure() {
        let failure = read("no/such/feed.json").unwrap_err();
        assert!(failure.0.starts_with("cannot read no/such/feed.json:"), "{failure}");
    }

    #[test]
    fn a_refused_connection_is_a_clear_failure() {
        // Port 9 (discard) on the loopback: nothing listens there.
        let failure = read("http://127.0.0.1:9/feed.json").unwrap_err();
        assert!(failure.0.starts_with("cannot fetch http://127.0.0.1:9/feed.json:"), "{failure}");
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_text() {
        let source = Source { name: "x".into(), url: None, bytes: "\u{FEFF}{}".as_bytes().to_vec() };
        assert_eq!(source.text().unwrap(), "{}");
        let latin1 = Source { name: "x".into(), url: None, bytes: vec![b'{', 0xE6, b'}'] };
        assert!(latin1.text().unwrap_err().0.contains("not UTF-8"));
    }
}
