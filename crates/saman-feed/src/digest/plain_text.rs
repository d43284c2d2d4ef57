//! A digest as plain text: the twin that newsletter tools send beside the
//! HTML, for mail programs that show no HTML and for readers who prefer it.
//!
//! Lines are wrapped at 72 characters (addresses are never broken), the
//! heading is underlined, and stories are separated by a line of dashes.

use super::{DigestContent, DigestStory};

/// The longest line, in characters, unless one word is longer.
pub const LINE_WIDTH: usize = 72;

/// The digest as plain text, ending in a newline.
pub fn render(content: &DigestContent) -> String {
    let mut lines: Vec<String> = wrap(&content.heading);
    let underline = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    lines.push("=".repeat(underline));
    if content.stories.is_empty() {
        lines.push(String::new());
        lines.extend(wrap(content.language.no_stories()));
    }
    for (index, story) in content.stories.iter().enumerate() {
        lines.push(String::new());
        if index > 0 {
            lines.push("-".repeat(LINE_WIDTH.min(24)));
            lines.push(String::new());
        }
        story_lines(&mut lines, story, content.language.read_more());
    }
    lines.join("\n") + "\n"
}

fn story_lines(lines: &mut Vec<String>, story: &DigestStory, read_more: &str) {
    lines.extend(wrap(&story.title));
    if let Some(date) = &story.date {
        lines.push(date.clone());
    }
    if !story.summary.is_empty() {
        lines.push(String::new());
        lines.extend(wrap(&story.summary));
    }
    if let Some(link) = &story.link {
        lines.push(String::new());
        lines.extend(wrap(&format!("{read_more}: {link}")));
    }
}

/// `text` in lines of at most [`LINE_WIDTH`] characters, broken between
/// words. The feed's text is collapsed plain text already; control
/// characters are dropped all the same, so no text can move the cursor.
fn wrap(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let word: String = word.chars().filter(|c| !c.is_control()).collect();
        let needed = if line.is_empty() {
            word.chars().count()
        } else {
            line.chars().count() + 1 + word.chars().count()
        };
        if !line.is_empty() && needed > LINE_WIDTH {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::digest::language::Language;

    #[test]
    fn lines_wrap_between_words_and_long_addresses_stay_whole() {
        let text = "ord ".repeat(30);
        let lines = wrap(&text);
        assert!(lines.iter().all(|l| l.chars().count() <= LINE_WIDTH), "{lines:?}");
        assert_eq!(lines.join(" "), text.trim_end());
        let address = format!("https://k.example/{}", "a".repeat(90));
        assert_eq!(wrap(&format!("Les: {address}")), ["Les:".to_owned(), address]);
    }

    #[test]
    fn the_twin_has_the_heading_stories_and_links() {
        let content = DigestContent {
            language: Language::Bokmal,
            heading: "Gode historier".into(),
            stories: vec![
                DigestStory {
                    title: "Første".into(),
                    date: Some("1. mars 2026".into()),
                    summary: "Tekst om første.".into(),
                    link: Some("https://k.example/1".into()),
                    picture: Some(("https://k.example/1.jpg".into(), "Bilde".into())),
                    language: None,
                },
                DigestStory {
                    title: "Andre".into(),
                    date: None,
                    summary: String::new(),
                    link: None,
                    picture: None,
                    language: None,
                },
            ],
        };
        assert_eq!(
            render(&content),
            "Gode historier\n==============\n\nFørste\n1. mars 2026\n\nTekst om første.\n\n\
             Les hele historien: https://k.example/1\n\n------------------------\n\nAndre\n"
        );
    }
}
