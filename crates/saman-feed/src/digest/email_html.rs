//! A digest as HTML that survives mail programs.
//!
//! Mail programs drop `<style>` blocks, external stylesheets and scripts,
//! lay out tables better than anything else, block pictures until asked,
//! and some darken messages on their own. So the section is written the way
//! newsletters are:
//! - layout in tables (`role="presentation"`, so screen readers do not
//!   announce them), 600 pixels wide at most;
//! - every style inline, no classes, no `<style>`, no scripts or event
//!   attributes;
//! - every picture with `width`, `height` and `alt`, and no text in
//!   pictures: with pictures off, the section reads the same;
//! - every cell with an explicit background and text colour (and `bgcolor`
//!   for Outlook), and `color-scheme: light`, so a program that darkens
//!   messages darkens background and text together and never leaves dark
//!   text on a dark background;
//! - every text from the feed escaped: a hostile title stays a title.
//!
//! The section sits between two comments in a complete document, so it can
//! be previewed in a browser and pasted whole or in part.

use std::fmt::Write as _;

use super::{DigestContent, DigestStory};

/// The page around the section.
const PAGE_BACKGROUND: &str = "#f3f4f4";
/// The section's own background.
const BACKGROUND: &str = "#ffffff";
/// Body text: 16.8:1 on white.
const TEXT: &str = "#1b1b1b";
/// Dates: 7.7:1 on white.
const MUTED_TEXT: &str = "#4d4d4d";
/// Links: 7.1:1 on white.
const LINK: &str = "#0b57a4";
/// Lines between stories.
const RULE: &str = "#d6d6d6";
/// What a picture's box shows before it loads, or when pictures are off.
const PICTURE_PLACEHOLDER: &str = "#e6e8e8";
/// Fonts every mail program has.
const FONTS: &str = "Arial,Helvetica,sans-serif";

/// The content width, in CSS pixels.
const WIDTH: u32 = 600;
/// The pictures' size: the width inside the padding, and 16:9 as on the
/// widget's slides.
const PICTURE_WIDTH: u32 = 560;
const PICTURE_HEIGHT: u32 = 315;

/// Marks the start of the section, for pasting only the section.
pub const SECTION_START: &str = "<!-- saman-stories digest: start -->";
/// Marks its end.
pub const SECTION_END: &str = "<!-- saman-stories digest: end -->";

/// The digest as a complete HTML document.
pub fn render(content: &DigestContent) -> String {
    let mut html = String::new();
    let heading = escape(&content.heading);
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light\">\n\
         <meta name=\"supported-color-schemes\" content=\"light\">\n\
         <title>{heading}</title>\n</head>\n\
         <body style=\"margin:0;padding:0;background-color:{PAGE_BACKGROUND};color:{TEXT};\">\n{SECTION_START}\n",
        lang = content.language.tag(),
    );
    let _ = writeln!(
        html,
        "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" bgcolor=\"{PAGE_BACKGROUND}\" \
         style=\"width:100%;border-collapse:collapse;background-color:{PAGE_BACKGROUND};color:{TEXT};color-scheme:light;\">\n\
         <tr><td align=\"center\" bgcolor=\"{PAGE_BACKGROUND}\" style=\"padding:24px 12px;background-color:{PAGE_BACKGROUND};color:{TEXT};\">\n\
         <table role=\"presentation\" width=\"{WIDTH}\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" bgcolor=\"{BACKGROUND}\" \
         style=\"width:100%;max-width:{WIDTH}px;border-collapse:collapse;background-color:{BACKGROUND};color:{TEXT};\">\n\
         <tr><td bgcolor=\"{BACKGROUND}\" style=\"{cell}padding:24px 20px 8px 20px;\">\
         <h2 style=\"margin:0;font-family:{FONTS};font-size:24px;line-height:1.25;font-weight:bold;color:{TEXT};\">{heading}</h2>\
         </td></tr>",
        cell = cell_style(),
    );
    if content.stories.is_empty() {
        let _ = writeln!(
            html,
            "<tr><td bgcolor=\"{BACKGROUND}\" style=\"{cell}padding:16px 20px 24px 20px;\">{}</td></tr>",
            paragraph(content.language.no_stories(), TEXT, "16px", "0"),
            cell = cell_style(),
        );
    }
    for story in &content.stories {
        story_row(&mut html, story, content.language.read_more());
    }
    let _ = write!(html, "</table>\n</td></tr>\n</table>\n{SECTION_END}\n</body>\n</html>\n");
    html
}

/// What every cell says about its colours and font.
fn cell_style() -> String {
    format!("background-color:{BACKGROUND};color:{TEXT};font-family:{FONTS};")
}

fn story_row(html: &mut String, story: &DigestStory, read_more: &str) {
    let lang = story.language.as_deref().map(|tag| format!(" lang=\"{}\"", escape(tag))).unwrap_or_default();
    let _ = write!(
        html,
        "<tr><td{lang} bgcolor=\"{BACKGROUND}\" style=\"{cell}padding:20px 20px 24px 20px;border-top:1px solid {RULE};\">",
        cell = cell_style(),
    );
    if let Some((src, alt)) = &story.picture {
        // Not a link: a linked picture without alt text would be a link
        // without a name. The heading and "read more" are the links.
        let _ = write!(
            html,
            "<img src=\"{src}\" width=\"{PICTURE_WIDTH}\" height=\"{PICTURE_HEIGHT}\" alt=\"{alt}\" \
             style=\"display:block;width:100%;max-width:{PICTURE_WIDTH}px;height:auto;border:0;\
             background-color:{PICTURE_PLACEHOLDER};color:{TEXT};font-family:{FONTS};font-size:14px;\">",
            src = escape(src),
            alt = escape(alt),
        );
    }
    let title = escape(&story.title);
    let heading = match &story.link {
        Some(link) => format!(
            "<a href=\"{}\" style=\"color:{TEXT};text-decoration:underline;\">{title}</a>",
            escape(link)
        ),
        None => title,
    };
    let _ = write!(
        html,
        "<h3 style=\"margin:{top} 0 4px 0;font-family:{FONTS};font-size:20px;line-height:1.3;font-weight:bold;color:{TEXT};\">{heading}</h3>",
        top = if story.picture.is_some() { "16px" } else { "0" },
    );
    if let Some(date) = &story.date {
        html.push_str(&paragraph(&escape(date), MUTED_TEXT, "14px", "0 0 8px 0"));
    }
    if !story.summary.is_empty() {
        html.push_str(&paragraph(&escape(&story.summary), TEXT, "16px", "0 0 12px 0"));
    }
    if let Some(link) = &story.link {
        let anchor = format!(
            "<a href=\"{}\" style=\"color:{LINK};text-decoration:underline;font-weight:bold;\">{}</a>",
            escape(link),
            escape(read_more)
        );
        html.push_str(&paragraph(&anchor, LINK, "16px", "0"));
    }
    html.push_str("</td></tr>\n");
}

/// A paragraph of already escaped `inner` HTML.
fn paragraph(inner: &str, color: &str, size: &str, margin: &str) -> String {
    format!(
        "<p style=\"margin:{margin};font-family:{FONTS};font-size:{size};line-height:1.5;color:{color};\">{inner}</p>"
    )
}

/// `text` as HTML text or attribute value: nothing in it can open a tag,
/// end an attribute or start an entity.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::digest::language::Language;

    fn content(stories: Vec<DigestStory>) -> DigestContent {
        DigestContent { language: Language::Nynorsk, heading: "Historier".into(), stories }
    }

    fn story() -> DigestStory {
        DigestStory {
            title: "Ny leikeplass".into(),
            date: Some("14. oktober 2026".into()),
            summary: "Born i Fjordvik har fått ny leikeplass.".into(),
            link: Some("https://k.example/leikeplass?a=1&b=2".into()),
            picture: Some(("https://k.example/a.jpg".into(), "Born på huska".into())),
            language: None,
        }
    }

    #[test]
    fn markup_characters_are_escaped_everywhere() {
        assert_eq!(
            escape(r#"<b onclick="x">'&'</b>"#),
            "&lt;b onclick=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/b&gt;"
        );
        let html = render(&content(vec![story()]));
        assert!(html.contains("href=\"https://k.example/leikeplass?a=1&amp;b=2\""), "{html}");
    }

    #[test]
    fn a_story_without_link_or_picture_has_neither() {
        let bare = DigestStory { link: None, picture: None, date: None, ..story() };
        let html = render(&content(vec![bare]));
        assert!(!html.contains("<img") && !html.contains("<a "), "{html}");
        assert!(html.contains(">Ny leikeplass</h3>"), "{html}");
        assert!(!html.contains(Language::Nynorsk.read_more()));
    }

    #[test]
    fn a_story_in_another_language_says_which() {
        let html = render(&content(vec![DigestStory { language: Some("nb".into()), ..story() }]));
        assert!(html.contains("<td lang=\"nb\" bgcolor="), "{html}");
        assert!(!render(&content(vec![story()])).contains("<td lang="));
    }

    #[test]
    fn an_empty_digest_says_so() {
        let html = render(&content(vec![]));
        assert!(html.contains(Language::Nynorsk.no_stories()), "{html}");
    }

    #[test]
    fn the_section_is_marked_for_pasting() {
        let html = render(&content(vec![story()]));
        let start = html.find(SECTION_START).unwrap();
        let end = html.find(SECTION_END).unwrap();
        assert!(
            start < html.find("Ny leikeplass</a>").unwrap() && html.find("Ny leikeplass</a>").unwrap() < end
        );
    }
}
