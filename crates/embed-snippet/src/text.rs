//! Text that goes into markup and URLs: escaped attribute values,
//! percent-encoded query values, and the origin of a URL.

/// Escapes `value` for a double-quoted HTML attribute.
pub fn escape_attribute(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// Percent-encodes `value` for a query string: every byte of its UTF-8 but
/// the unreserved characters of RFC 3986 (`A–Z a–z 0–9 - . _ ~`), the way
/// `encodeURIComponent` does with a few more marks encoded.
pub fn encode_query_value(value: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(value.len());
    for &byte in value.as_bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(byte >> 4)] as char);
            out.push(HEX[usize::from(byte & 0xF)] as char);
        }
    }
    out
}

/// `scheme://host[:port]` of an absolute URL as `story_feed::resolve_http_url`
/// returns it: what a Content-Security-Policy source names.
pub fn origin(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("https", url));
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    // User names and passwords are not part of an origin.
    let host = authority.rsplit('@').next().unwrap_or(authority);
    format!("{}://{}", scheme.to_ascii_lowercase(), host.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribute_values_cannot_break_out() {
        assert_eq!(escape_attribute("a&b\"<c>'"), "a&amp;b&quot;&lt;c&gt;&#39;");
        assert_eq!(escape_attribute("Historier frå kommunen"), "Historier frå kommunen");
    }

    #[test]
    fn query_values_are_percent_encoded_as_utf8() {
        assert_eq!(
            encode_query_value("https://k.example/h.json?a=1&b=2"),
            "https%3A%2F%2Fk.example%2Fh.json%3Fa%3D1%26b%3D2"
        );
        assert_eq!(encode_query_value("helse,skule"), "helse%2Cskule");
        assert_eq!(encode_query_value("Historier frå oss"), "Historier%20fr%C3%A5%20oss");
        assert_eq!(encode_query_value("a-b_c.d~e"), "a-b_c.d~e");
    }

    #[test]
    fn origins_drop_paths_users_and_case() {
        assert_eq!(origin("https://K.example:8443/h/r.json?x#y"), "https://k.example:8443");
        assert_eq!(origin("http://user:pw@k.example/x"), "http://k.example");
        assert_eq!(origin("https://k.example"), "https://k.example");
    }
}
