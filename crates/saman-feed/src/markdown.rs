//! A story's Markdown body, as the `content_html` and `content_text` of a feed.
//!
//! The HTML is rendered with pulldown-cmark and then sanitized: Markdown may
//! contain raw HTML, and an editor pasting from a web page could bring a
//! `<script>` along. The text keeps paragraphs apart with blank lines, so a
//! reader that shows `content_text` still shows the story's shape.

use pulldown_cmark::{html, Event, Options, Parser, TagEnd};
use story_feed::text::html_to_text;

use crate::sanitize::sanitize_html;

/// A rendered body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenderedBody {
    /// Sanitized HTML.
    pub html: String,
    /// Plain text, paragraphs separated by a blank line.
    pub text: String,
}

fn options() -> Options {
    Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES
}

/// Renders `markdown`; relative links resolve against `base_url` when given.
pub fn render_markdown(markdown: &str, base_url: Option<&str>) -> RenderedBody {
    let mut unsafe_html = String::with_capacity(markdown.len() * 2);
    html::push_html(&mut unsafe_html, Parser::new_ext(markdown, options()));
    RenderedBody {
        html: sanitize_html(&unsafe_html, base_url).trim_end().to_owned(),
        text: plain_text(markdown),
    }
}

fn plain_text(markdown: &str) -> String {
    let mut text = String::new();
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            // Raw HTML blocks may hold text; tags and scripts are dropped.
            Event::Html(html) => text.push_str(&html_to_text(&html)),
            Event::SoftBreak => text.push(' '),
            Event::HardBreak => text.push('\n'),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::HtmlBlock
                | TagEnd::TableRow
                | TagEnd::TableHead,
            ) => text.push_str("\n\n"),
            Event::End(TagEnd::TableCell) => text.push(' '),
            _ => {}
        }
    }
    tidy_blank_lines(&text)
}

/// Trims every line, and keeps at most one blank line between paragraphs.
fn tidy_blank_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_html_and_text_with_paragraphs() {
        let body =
            render_markdown("# Ny leikeplass\n\nBorna i *Fjordvik* fekk\nny huske.\n\n- æ\n- ø\n", None);
        assert_eq!(
            body.html,
            "<h1>Ny leikeplass</h1>\n<p>Borna i <em>Fjordvik</em> fekk\nny huske.</p>\n<ul>\n<li>æ</li>\n<li>ø</li>\n</ul>"
        );
        assert_eq!(body.text, "Ny leikeplass\n\nBorna i Fjordvik fekk ny huske.\n\næ\n\nø");
    }

    #[test]
    fn raw_html_in_markdown_is_sanitized_in_both_forms() {
        let body = render_markdown(
            "Hei <img src=x onerror=\"alert(1)\">\n\n<script>alert(2)</script>\n\n[lenke](javascript:alert(3))",
            None,
        );
        for gone in ["alert", "onerror", "script", "javascript"] {
            assert!(!body.html.contains(gone), "{gone} in {}", body.html);
            assert!(!body.text.contains(gone), "{gone} in {}", body.text);
        }
        assert_eq!(body.text, "Hei\n\nlenke");
    }

    #[test]
    fn relative_links_resolve_against_the_base() {
        let body = render_markdown("[Meir](meir.html)", Some("https://k.example/historier/"));
        assert!(body.html.contains("href=\"https://k.example/historier/meir.html\""), "{}", body.html);
    }

    #[test]
    fn an_empty_body_is_empty() {
        assert_eq!(render_markdown("\n\n", None), RenderedBody { html: String::new(), text: String::new() });
    }
}
