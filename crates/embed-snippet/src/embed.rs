//! One widget's embed code, in the three forms a page can use.
//!
//! [`Embed::new`] takes the feed, where the widget is hosted, and the
//! settings as attribute values; settings equal to their default are left
//! out, so the code says only what differs. The forms are those of the
//! README's "Embedding" and "In an iframe" sections.

use std::fmt;

use story_feed::resolve_http_url;

use crate::attribute::Attribute;
use crate::csp::CspSources;
use crate::text::{encode_query_value, escape_attribute, origin};

/// The loader's file name, the only file a page includes.
pub const LOADER_FILE: &str = "saman-stories.js";

/// The page that shows one widget filling an iframe, next to the loader.
pub const FRAME_PAGE: &str = "embed.html";

/// The iframe's style: a fixed height, so nothing on the page moves.
const FRAME_STYLE: &str = "display:block;width:100%;height:36em;border:0";

/// Why no embed code can be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EmbedError {
    /// The feed is not an absolute `http(s)` URL (as written).
    FeedNotAbsolute(String),
    /// The widget's address is not an absolute `http(s)` URL (as written).
    WidgetNotAbsolute(String),
}

impl fmt::Display for EmbedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EmbedError::FeedNotAbsolute(url) => write!(f, "the feed {url:?} is not a full https:// address"),
            EmbedError::WidgetNotAbsolute(url) => {
                write!(f, "the widget's address {url:?} is not a full https:// address")
            }
        }
    }
}

impl std::error::Error for EmbedError {}

/// The embed code of one widget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Embed {
    feed: String,
    loader: String,
    /// The settings that differ from their defaults, in [`Attribute::ALL`]
    /// order; a flag's value is empty.
    attributes: Vec<(Attribute, String)>,
}

impl Embed {
    /// The embed of the feed at `feed_url` (absolute), with the widget
    /// hosted at `widget_url` (the loader's URL, or the folder it is in) and
    /// these settings. Values are trimmed; empty values, values equal to
    /// the attribute's default, and a `feed` among the settings are left
    /// out; for a flag, presence is what counts. The first value of an
    /// attribute given twice wins.
    pub fn new(
        feed_url: &str,
        widget_url: &str,
        settings: impl IntoIterator<Item = (Attribute, String)>,
    ) -> Result<Embed, EmbedError> {
        let feed =
            resolve_http_url("", feed_url).ok_or_else(|| EmbedError::FeedNotAbsolute(feed_url.to_owned()))?;
        let widget = resolve_http_url("", widget_url)
            .ok_or_else(|| EmbedError::WidgetNotAbsolute(widget_url.to_owned()))?;
        let loader = if widget.ends_with(".js") {
            widget
        } else {
            format!("{}/{LOADER_FILE}", widget.trim_end_matches('/'))
        };
        let mut attributes: Vec<(Attribute, String)> = Vec::new();
        for (attribute, value) in settings {
            let value = if attribute.is_flag() { String::new() } else { value.trim().to_owned() };
            let left_out = attribute == Attribute::Feed
                || (!attribute.is_flag() && value.is_empty())
                || attribute.default_value() == Some(value.as_str())
                || attributes.iter().any(|(seen, _)| *seen == attribute);
            if !left_out {
                attributes.push((attribute, value));
            }
        }
        attributes.sort_by_key(|(attribute, _)| *attribute);
        Ok(Embed { feed, loader, attributes })
    }

    /// The feed's absolute URL.
    pub fn feed(&self) -> &str {
        &self.feed
    }

    /// The loader's absolute URL.
    pub fn loader(&self) -> &str {
        &self.loader
    }

    /// The settings that differ from their defaults, `feed` not included.
    pub fn attributes(&self) -> &[(Attribute, String)] {
        &self.attributes
    }

    /// The origin the widget's files come from.
    pub fn widget_origin(&self) -> String {
        origin(&self.loader)
    }

    /// The origin the feed comes from.
    pub fn feed_origin(&self) -> String {
        origin(&self.feed)
    }

    /// ` feed="…" audience="…"`, each name after `prefix` (`data-` for the
    /// script form).
    fn attribute_text(&self, prefix: &str) -> String {
        let mut out = format!(" {prefix}feed=\"{}\"", escape_attribute(&self.feed));
        for (attribute, value) in &self.attributes {
            out.push(' ');
            out.push_str(prefix);
            out.push_str(attribute.name());
            if !attribute.is_flag() {
                out.push_str(&format!("=\"{}\"", escape_attribute(value)));
            }
        }
        out
    }

    /// The script form: the widget renders where the tag stands.
    pub fn script_form(&self) -> String {
        format!(
            "<script src=\"{}\"{} async></script>",
            escape_attribute(&self.loader),
            self.attribute_text("data-")
        )
    }

    /// The element form: the element where the widget goes, then the loader
    /// (once per page).
    pub fn element_form(&self) -> String {
        format!(
            "<saman-stories{}></saman-stories>\n<script src=\"{}\" async></script>",
            self.attribute_text(""),
            escape_attribute(&self.loader)
        )
    }

    /// The address of `embed.html` with the settings in its query string.
    /// `fill` is left out: the framed widget always fills the frame.
    pub fn frame_url(&self) -> String {
        let folder = self.loader.rsplit_once('/').map_or(self.loader.as_str(), |(folder, _)| folder);
        let mut url = format!("{folder}/{FRAME_PAGE}?feed={}", encode_query_value(&self.feed));
        for (attribute, value) in self.attributes.iter().filter(|(attribute, _)| !attribute.is_flag()) {
            url.push_str(&format!("&{}={}", attribute.name(), encode_query_value(value)));
        }
        url
    }

    /// The iframe form, with `title` as the frame's accessible name.
    pub fn iframe_form(&self, title: &str) -> String {
        format!(
            "<iframe src=\"{}\"\n        title=\"{}\" loading=\"lazy\"\n        style=\"{FRAME_STYLE}\"></iframe>",
            escape_attribute(&self.frame_url()),
            escape_attribute(title)
        )
    }

    /// What a page with a strict policy needs for the script and element
    /// forms; `image_origins` are the origins of the feed's pictures (the
    /// feed's own origin is always allowed).
    pub fn csp(&self, image_origins: &[String]) -> CspSources {
        let (widget, feed) = (self.widget_origin(), self.feed_origin());
        let mut csp = CspSources::default();
        csp.add("script-src", [widget.clone(), "'wasm-unsafe-eval'".to_owned()]);
        csp.add("style-src", [widget.clone()]);
        csp.add("connect-src", [widget, feed.clone()]);
        csp.add("img-src", std::iter::once(feed).chain(image_origins.iter().cloned()));
        csp
    }

    /// What a page with a strict policy needs for the iframe form.
    pub fn frame_csp(&self) -> CspSources {
        let mut csp = CspSources::default();
        csp.add("frame-src", [self.widget_origin()]);
        csp
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FEED: &str = "https://historier.fjordvik.example/residents.json";

    fn embed(settings: &[(Attribute, &str)]) -> Embed {
        Embed::new(FEED, "https://cdn.example/saman/", settings.iter().map(|(a, v)| (*a, (*v).to_owned())))
            .unwrap()
    }

    #[test]
    fn the_three_forms_say_only_what_differs_from_the_defaults() {
        let embed = embed(&[
            (Attribute::Lang, "nn"),
            (Attribute::Audience, "residents"),
            (Attribute::SlidesPerView, "2"),
            (Attribute::Interval, " 7 "),
            (Attribute::Tags, ""),
            (Attribute::Fill, "anything"),
        ]);
        assert_eq!(
            embed.script_form(),
            "<script src=\"https://cdn.example/saman/saman-stories.js\" data-feed=\"https://historier.fjordvik.example/residents.json\" data-lang=\"nn\" data-fill data-slides-per-view=\"2\" async></script>"
        );
        assert_eq!(
            embed.element_form(),
            "<saman-stories feed=\"https://historier.fjordvik.example/residents.json\" lang=\"nn\" fill slides-per-view=\"2\"></saman-stories>\n<script src=\"https://cdn.example/saman/saman-stories.js\" async></script>"
        );
        assert_eq!(
            embed.iframe_form("Historier"),
            "<iframe src=\"https://cdn.example/saman/embed.html?feed=https%3A%2F%2Fhistorier.fjordvik.example%2Fresidents.json&amp;lang=nn&amp;slides-per-view=2\"\n        title=\"Historier\" loading=\"lazy\"\n        style=\"display:block;width:100%;height:36em;border:0\"></iframe>"
        );
    }

    #[test]
    fn the_loader_may_be_named_or_its_folder() {
        let named = Embed::new(FEED, "https://cdn.example/x/saman-stories.js", []).unwrap();
        let folder = Embed::new(FEED, "https://cdn.example/x", []).unwrap();
        assert_eq!(named.loader(), "https://cdn.example/x/saman-stories.js");
        assert_eq!(folder.loader(), named.loader());
        assert_eq!(
            named.frame_url(),
            "https://cdn.example/x/embed.html?feed=https%3A%2F%2Fhistorier.fjordvik.example%2Fresidents.json"
        );
    }

    #[test]
    fn the_policy_names_each_origin_once() {
        let embed = embed(&[]);
        assert_eq!(
            embed.csp(&["https://bilete.example".to_owned(), "https://historier.fjordvik.example".to_owned()]).header_value(),
            "script-src https://cdn.example 'wasm-unsafe-eval'; style-src https://cdn.example; connect-src https://cdn.example https://historier.fjordvik.example; img-src https://historier.fjordvik.example https://bilete.example"
        );
        let same_host = Embed::new("https://k.example/f.json", "https://k.example/", []).unwrap();
        assert!(same_host.csp(&[]).header_value().contains("connect-src https://k.example;"));
        assert_eq!(embed.frame_csp().header_value(), "frame-src https://cdn.example");
    }

    #[test]
    fn values_are_escaped_in_markup_and_encoded_in_the_frame_address() {
        let embed = Embed::new(
            "https://k.example/feed.json?a=1&b=\"><script>",
            "https://cdn.example/",
            [(Attribute::Label, "A \"quoted\" <name> & more".to_owned())],
        )
        .unwrap();
        for form in [embed.script_form(), embed.element_form(), embed.iframe_form("<x>")] {
            assert!(!form.contains("<script>"), "{form}");
            assert!(!form.contains("<name>"), "{form}");
        }
        assert!(embed.element_form().contains("label=\"A &quot;quoted&quot; &lt;name&gt; &amp; more\""));
        assert!(embed.frame_url().contains("&label=A%20%22quoted%22%20%3Cname%3E%20%26%20more"));
    }

    #[test]
    fn the_feed_and_the_widget_must_be_absolute_http_urls() {
        assert_eq!(
            Embed::new("residents.json", "https://cdn.example/", []),
            Err(EmbedError::FeedNotAbsolute("residents.json".into()))
        );
        assert!(Embed::new("javascript:alert(1)", "https://cdn.example/", []).is_err());
        assert_eq!(
            Embed::new(FEED, "cdn.example", []),
            Err(EmbedError::WidgetNotAbsolute("cdn.example".into()))
        );
    }

    #[test]
    fn a_feed_among_the_settings_and_repeated_settings_are_ignored() {
        let embed = embed(&[
            (Attribute::Feed, "https://other.example/x.json"),
            (Attribute::Audience, "colleagues"),
            (Attribute::Audience, "all"),
        ]);
        assert_eq!(embed.attributes(), &[(Attribute::Audience, "colleagues".to_owned())]);
        assert_eq!(embed.feed(), FEED);
    }
}
