//! Resolving the links and images of a feed to safe absolute URLs.
//!
//! Only `http:` and `https:` URLs ever leave this module. Everything else —
//! `javascript:`, `data:`, `vbscript:`, `file:`, schemes hidden behind tabs or
//! newlines — gives `None`, so a hostile feed cannot turn a story link or an
//! image into code. Relative references resolve against the feed's own URL as
//! RFC 3986 §5.2 says (the same answer a browser gives), without pulling a URL
//! crate into the widget's WebAssembly.

use std::borrow::Cow;

/// Resolves `reference` against `base` (the feed URL) and returns it only if
/// the result is an absolute `http:` or `https:` URL with a host.
///
/// `base` must itself be an absolute `http(s)` URL; otherwise only absolute
/// references can resolve.
pub fn resolve_http_url(base: &str, reference: &str) -> Option<String> {
    let reference = clean(reference);
    if reference.is_empty() {
        return None;
    }
    if let Some((scheme, rest)) = split_scheme(&reference) {
        // An absolute reference: only the web's own schemes are allowed.
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return None;
        }
        let rest = rest.strip_prefix("//")?;
        return absolute(&scheme, rest);
    }
    let base = clean(base);
    let (scheme, after_scheme) = split_scheme(&base)?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let after_slashes = after_scheme.strip_prefix("//")?;
    if let Some(network_path) = reference.strip_prefix("//") {
        return absolute(&scheme, network_path);
    }
    let (authority, base_rest) = split_authority(after_slashes);
    let base_path_query = base_rest.split('#').next().unwrap_or("");
    let base_path = base_path_query.split('?').next().unwrap_or("");
    let resolved_rest = if reference.starts_with('/') {
        with_clean_path(&reference)
    } else if reference.starts_with('?') {
        [or_root(base_path), &reference].concat()
    } else if reference.starts_with('#') {
        [or_root(base_path_query), &reference].concat()
    } else {
        let directory = match base_path.rfind('/') {
            Some(i) => &base_path[..=i],
            None => "/",
        };
        with_clean_path(&[directory, &reference].concat())
    };
    absolute(&scheme, &[authority, &resolved_rest].concat())
}

/// Removes what browsers ignore in URLs (tabs and newlines anywhere, control
/// characters and spaces at either end) and reads `\` as `/`, as browsers do
/// for `http(s)` URLs. Without this, `java\tscript:` would slip past the
/// scheme check and still run in a browser.
fn clean(s: &str) -> Cow<'_, str> {
    let trimmed = s.trim_matches(|c: char| c <= ' ');
    // Almost every URL in a feed is clean already: no copy then.
    if !trimmed.bytes().any(|b| matches!(b, b'\t' | b'\n' | b'\r' | b'\\')) {
        return Cow::Borrowed(trimmed);
    }
    Cow::Owned(
        trimmed
            .chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .map(|c| if c == '\\' { '/' } else { c })
            .collect(),
    )
}

/// Splits `scheme:rest` when `s` starts with a syntactically valid scheme.
fn split_scheme(s: &str) -> Option<(&str, &str)> {
    let colon = s.find(':')?;
    let scheme = &s[..colon];
    let mut chars = scheme.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (first_ok && rest_ok).then(|| (scheme, &s[colon + 1..]))
}

/// Splits `host:port/path?query` into the authority and the rest.
fn split_authority(s: &str) -> (&str, &str) {
    let end = first_of(s, b"/?#");
    (&s[..end], &s[end..])
}

/// Builds `scheme://host/path…`, refusing an empty host and dropping any
/// `user@` part, which only serves to make `https://kommune.example@evil.example/`
/// look like the municipality's address.
fn absolute(scheme: &str, after_slashes: &str) -> Option<String> {
    let (authority, rest) = split_authority(after_slashes);
    let host_port = authority.rsplit('@').next().unwrap_or("");
    let host = host_port.split(':').next().unwrap_or("");
    if host.is_empty() && !host_port.contains('[') {
        return None;
    }
    let rest = if rest.starts_with('/') { with_clean_path(rest) } else { ["/", rest].concat() };
    Some([scheme, "://", host_port, &rest].concat())
}

/// The offset of the first of the ASCII `bytes` in `s`, or its length.
/// (Byte by byte: a pattern of chars decodes every character, which made
/// URLs a tenth of a feed's reading time in the browser.)
fn first_of(s: &str, bytes: &[u8]) -> usize {
    s.bytes().position(|b| bytes.contains(&b)).unwrap_or(s.len())
}

fn or_root(path: &str) -> &str {
    if path.is_empty() {
        "/"
    } else {
        path
    }
}

/// Applies RFC 3986 `remove_dot_segments` to the path part of `path_query`.
fn with_clean_path(path_query: &str) -> String {
    let end = first_of(path_query, b"?#");
    let (path, tail) = path_query.split_at(end);
    [&remove_dot_segments(path), tail].concat()
}

fn remove_dot_segments(path: &str) -> String {
    // The usual path has no `.` or `..` segment: nothing to remove.
    // (Every such segment starts with "/." when the path starts with "/".)
    if path.starts_with('/') && !path.as_bytes().windows(2).any(|pair| pair == b"/.") {
        return path.to_owned();
    }
    let mut out: Vec<&str> = Vec::new();
    let mut segments = path.split('/').peekable();
    while let Some(segment) = segments.next() {
        let is_last = segments.peek().is_none();
        match segment {
            "." => {
                if is_last {
                    out.push("");
                }
            }
            ".." => {
                if out.len() > 1 {
                    out.pop();
                }
                if is_last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let joined = out.join("/");
    if joined.starts_with('/') {
        joined
    } else {
        ["/", &joined].concat()
    }
}

#[cfg(test)]
mod tests {
    use super::resolve_http_url as r;

    const BASE: &str = "https://kommune.example/feeds/historier.json?v=2#top";

    #[test]
    fn absolute_http_and_https_pass_through() {
        assert_eq!(r(BASE, "https://cdn.example/a.jpg").as_deref(), Some("https://cdn.example/a.jpg"));
        assert_eq!(r(BASE, "HTTP://Cdn.example/a?b=1#c").as_deref(), Some("http://Cdn.example/a?b=1#c"));
    }

    #[test]
    fn relative_references_resolve_against_the_feed() {
        assert_eq!(r(BASE, "bilete/a.jpg").as_deref(), Some("https://kommune.example/feeds/bilete/a.jpg"));
        assert_eq!(r(BASE, "../a.html").as_deref(), Some("https://kommune.example/a.html"));
        assert_eq!(r(BASE, "/a/./b/../c").as_deref(), Some("https://kommune.example/a/c"));
        assert_eq!(r(BASE, "//other.example/x").as_deref(), Some("https://other.example/x"));
        assert_eq!(
            r(BASE, "?page=2").as_deref(),
            Some("https://kommune.example/feeds/historier.json?page=2")
        );
        assert_eq!(r(BASE, "#s3").as_deref(), Some("https://kommune.example/feeds/historier.json?v=2#s3"));
        assert_eq!(r(BASE, "../../../../x").as_deref(), Some("https://kommune.example/x"));
        assert_eq!(r("http://127.0.0.1:8081", "a.jpg").as_deref(), Some("http://127.0.0.1:8081/a.jpg"));
    }

    #[test]
    fn rfc3986_examples() {
        let base = "http://a/b/c/d;p?q";
        for (reference, expected) in [
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g/"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("g#s", "http://a/b/c/g#s"),
            (";x", "http://a/b/c/;x"),
            (".", "http://a/b/c/"),
            ("./", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../g", "http://a/g"),
            ("../../../g", "http://a/g"),
            ("/./g", "http://a/g"),
            ("/../g", "http://a/g"),
            ("g.", "http://a/b/c/g."),
            ("..g", "http://a/b/c/..g"),
            ("./../g", "http://a/b/g"),
            ("g/./h", "http://a/b/c/g/h"),
            ("g/../h", "http://a/b/c/h"),
        ] {
            assert_eq!(r(base, reference).as_deref(), Some(expected), "{reference}");
        }
    }

    #[test]
    fn dangerous_schemes_are_refused() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "data:image/svg+xml,<svg onload=alert(1)>",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "ftp://example.com/x",
            "mailto:a@b.example",
        ] {
            assert_eq!(r(BASE, bad), None, "{bad:?}");
        }
    }

    #[test]
    fn hostless_and_empty_references_are_refused() {
        assert_eq!(r(BASE, ""), None);
        assert_eq!(r(BASE, "   "), None);
        assert_eq!(r(BASE, "https:///path"), None);
        assert_eq!(r(BASE, "https:relative"), None);
        assert_eq!(r(BASE, "https://"), None);
    }

    #[test]
    fn user_info_is_dropped_so_an_address_cannot_pose_as_another() {
        assert_eq!(
            r(BASE, "https://kommune.example@evil.example/x").as_deref(),
            Some("https://evil.example/x")
        );
        assert_eq!(
            r(BASE, "https://user:pw@cdn.example:8443/a").as_deref(),
            Some("https://cdn.example:8443/a")
        );
    }

    #[test]
    fn backslashes_are_read_as_slashes_like_browsers_do() {
        assert_eq!(r(BASE, "https:\\\\evil.example\\x").as_deref(), Some("https://evil.example/x"));
    }

    #[test]
    fn relative_references_need_an_http_base() {
        assert_eq!(r("file:///tmp/feed.json", "a.jpg"), None);
        assert_eq!(r("not a url", "a.jpg"), None);
        assert_eq!(r("not a url", "https://x.example/a.jpg").as_deref(), Some("https://x.example/a.jpg"));
    }
}
