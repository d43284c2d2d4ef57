//! Making HTML from elsewhere safe to publish.
//!
//! Markdown from editors and HTML from a CMS both end up in `content_html`,
//! which other feed readers may render. [`sanitize_html`] passes them
//! through ammonia's allow-list: `<script>`, `<style>`, event handlers
//! (`onerror=`), `javascript:` links and everything else that could run is
//! removed; text and ordinary formatting stay.

use ammonia::{Builder, Url, UrlRelative};
use story_feed::text::decode_entities;

/// Cleans `html`. With a `base_url`, relative links and images are made
/// absolute against it, so the HTML works wherever it is shown.
pub fn sanitize_html(html: &str, base_url: Option<&str>) -> String {
    let mut builder = Builder::default();
    if let Some(base) = base_url.and_then(|b| Url::parse(b).ok()) {
        builder.url_relative(UrlRelative::RewriteWithBase(base));
    }
    builder.clean(html).to_string()
}

/// A picture found in sanitized HTML: its `src` and, if any, its `alt`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundImage {
    /// The `src` attribute, entities decoded.
    pub src: String,
    /// The `alt` attribute, entities decoded; `None` when absent or blank.
    pub alt: Option<String>,
}

/// The first `<img>` with a `src` and alt text in HTML that
/// [`sanitize_html`] produced, or else the first with a `src`. (A picture
/// with a description is far more likely to be the story's picture than a
/// spacer or a tracking pixel.)
///
/// Only for that output: ammonia writes every attribute as `name="value"`
/// with `"` escaped, which keeps this scan simple and exact.
pub fn first_image(sanitized: &str) -> Option<FoundImage> {
    let images = images(sanitized);
    let described = images.iter().position(|image| image.alt.is_some());
    images.into_iter().nth(described.unwrap_or(0))
}

fn images(sanitized: &str) -> Vec<FoundImage> {
    let mut found = Vec::new();
    let mut rest = sanitized;
    while let Some(start) = rest.find("<img") {
        let tag = &rest[start + 4..];
        let Some(end) = tag.find('>') else { break };
        let attributes = &tag[..end];
        if let Some(src) = attribute(attributes, "src").filter(|s| !s.trim().is_empty()) {
            let alt = attribute(attributes, "alt").filter(|a| !a.trim().is_empty());
            found.push(FoundImage { src, alt });
        }
        rest = &tag[end..];
    }
    found
}

/// The value of attribute `name`. Inside ammonia's values `"` is always
/// escaped, so ` name="` can only be the start of that attribute.
fn attribute(attributes: &str, name: &str) -> Option<String> {
    let marker = format!(" {name}=\"");
    let value_start = attributes.find(&marker)? + marker.len();
    let value_len = attributes[value_start..].find('"')?;
    Some(decode_entities(&attributes[value_start..value_start + value_len]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_executable_survives() {
        let dirty = r#"<p onclick="x()">Hei <b>alle</b></p><script>alert(1)</script><img src="https://k.example/a.png" onerror="alert(2)" alt="Born"><a href="javascript:alert(3)">lenke</a><style>p{}</style><iframe src="https://evil.example"></iframe>"#;
        let clean = sanitize_html(dirty, None);
        for gone in ["script", "alert", "onerror", "onclick", "javascript", "style", "iframe"] {
            assert!(!clean.contains(gone), "{gone} survived in {clean}");
        }
        assert!(clean.contains("<p>Hei <b>alle</b></p>"), "{clean}");
        assert!(clean.contains(r#"<img src="https://k.example/a.png" alt="Born">"#), "{clean}");
    }

    #[test]
    fn relative_urls_become_absolute_with_a_base() {
        let clean =
            sanitize_html(r#"<a href="/om">Om</a><img src="bilete/a.png">"#, Some("https://k.example/nytt/"));
        assert!(clean.contains(r#"href="https://k.example/om""#), "{clean}");
        assert!(clean.contains(r#"src="https://k.example/nytt/bilete/a.png""#), "{clean}");
    }

    #[test]
    fn the_first_image_is_found_with_its_alt_text() {
        let clean = sanitize_html(
            r#"<p>x</p><img alt=""><img src="https://k.example/a.png?x=1&amp;y=2" alt="Bl&aring;b&aelig;r &quot;fine&quot;"><img src="https://k.example/b.png">"#,
            None,
        );
        assert_eq!(
            first_image(&clean),
            Some(FoundImage {
                src: "https://k.example/a.png?x=1&y=2".into(),
                alt: Some("Blåbær \"fine\"".into())
            })
        );
        assert_eq!(first_image("<p>ingen bilete</p>"), None);
        let undescribed_first =
            sanitize_html(r#"<img src="pixel.gif"><img src="https://k.example/c.png" alt="Ein båt">"#, None);
        assert_eq!(first_image(&undescribed_first).unwrap().src, "https://k.example/c.png");
        let no_alt = sanitize_html(r#"<img src="https://k.example/b.png" alt=" ">"#, None);
        assert_eq!(first_image(&no_alt).unwrap().alt, None);
    }
}
