//! `saman-feed snippet --feed URL [--audience …] [--lang …] [--widget-url URL]`.
//!
//! Prints what a web editor pastes into a page: the embed in its three
//! forms (script, element, iframe), and the Content-Security-Policy sources
//! the page needs if it has a policy. The text itself is written by the
//! `embed-snippet` crate, which the configurator page (`configure.html`)
//! uses too; settings equal to the widget's defaults are left out.

use embed_snippet::{Attribute, Embed, EmbedError};
use story_feed::{is_language_tag, View};

use crate::failure::{Failure, Outcome};

/// What the snippet is made of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnippetArgs {
    /// The feed's absolute URL.
    pub feed: String,
    /// The view to show.
    pub audience: View,
    /// The widget's language.
    pub lang: Option<String>,
    /// The loader's URL, or the folder it is in.
    pub widget_url: Option<String>,
}

/// Runs `snippet`.
pub fn run(args: &SnippetArgs) -> Result<Outcome, Failure> {
    print!("{}", snippet(args)?);
    Ok(Outcome::Clean)
}

/// The snippet text.
pub fn snippet(args: &SnippetArgs) -> Result<String, Failure> {
    if let Some(lang) = &args.lang {
        if !is_language_tag(lang) {
            return Err(Failure::new(format!("--lang {lang:?} is not a language tag: nn, nb, se, en…")));
        }
    }
    // Without --widget-url, the widget is assumed to be on the feed's origin.
    let assumed = args.widget_url.is_none();
    let widget_url = match &args.widget_url {
        Some(url) => url.clone(),
        None => format!("{}/", embed_snippet::origin(&args.feed)),
    };
    let mut settings = vec![(Attribute::Audience, args.audience.as_str().to_owned())];
    if let Some(lang) = &args.lang {
        settings.push((Attribute::Lang, lang.clone()));
    }
    let embed = Embed::new(&args.feed, &widget_url, settings).map_err(|error| match error {
        EmbedError::FeedNotAbsolute(_) => {
            Failure::new(format!("--feed {:?} is not a full https:// address", args.feed))
        }
        EmbedError::WidgetNotAbsolute(_) => {
            Failure::new(format!("--widget-url {widget_url:?} is not a full https:// address"))
        }
    })?;
    let english = args.lang.as_deref().is_some_and(|lang| lang.to_ascii_lowercase().starts_with("en"));
    let frame_title = if english { "Stories" } else { "Historier" };
    let mut out = String::new();
    if assumed {
        out.push_str("<!-- The widget is assumed to be served from the feed's origin; pass --widget-url if it is not. -->\n");
    }
    out.push_str("<!-- Script form: the widget appears where this tag stands. -->\n");
    out.push_str(&embed.script_form());
    out.push_str(
        "\n\n<!-- Element form: put the element where the widget goes, and the script once per page. -->\n",
    );
    out.push_str(&embed.element_form());
    out.push_str("\n\n<!-- If the page has a Content-Security-Policy, it needs these sources (add them to its directives): -->\n");
    out.push_str(&embed.csp(&[]).header_value());
    out.push_str("\n\n<!-- In an iframe, for a page that cannot run the widget's script (the frame's height is fixed): -->\n");
    out.push_str(&embed.iframe_form(frame_title));
    out.push_str("\n\n<!-- A page with a Content-Security-Policy needs this source for the iframe: -->\n");
    out.push_str(&embed.frame_csp().header_value());
    out.push('\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(feed: &str, widget: Option<&str>) -> SnippetArgs {
        SnippetArgs {
            feed: feed.into(),
            audience: View::Colleagues,
            lang: Some("nn".into()),
            widget_url: widget.map(str::to_owned),
        }
    }

    #[test]
    fn the_three_forms_and_the_csp_are_printed() {
        let text = snippet(&args(
            "https://historier.fjordvik.example/colleagues.json",
            Some("https://cdn.example/saman/"),
        ))
        .unwrap();
        assert_eq!(
            text,
            "<!-- Script form: the widget appears where this tag stands. -->
<script src=\"https://cdn.example/saman/saman-stories.js\" data-feed=\"https://historier.fjordvik.example/colleagues.json\" data-audience=\"colleagues\" data-lang=\"nn\" async></script>

<!-- Element form: put the element where the widget goes, and the script once per page. -->
<saman-stories feed=\"https://historier.fjordvik.example/colleagues.json\" audience=\"colleagues\" lang=\"nn\"></saman-stories>
<script src=\"https://cdn.example/saman/saman-stories.js\" async></script>

<!-- If the page has a Content-Security-Policy, it needs these sources (add them to its directives): -->
script-src https://cdn.example 'wasm-unsafe-eval'; style-src https://cdn.example; connect-src https://cdn.example https://historier.fjordvik.example; img-src https://historier.fjordvik.example

<!-- In an iframe, for a page that cannot run the widget's script (the frame's height is fixed): -->
<iframe src=\"https://cdn.example/saman/embed.html?feed=https%3A%2F%2Fhistorier.fjordvik.example%2Fcolleagues.json&amp;audience=colleagues&amp;lang=nn\"
        title=\"Historier\" loading=\"lazy\"
        style=\"display:block;width:100%;height:36em;border:0\"></iframe>

<!-- A page with a Content-Security-Policy needs this source for the iframe: -->
frame-src https://cdn.example
"
        );
    }

    #[test]
    fn the_default_view_is_left_out() {
        let mut residents = args("https://k.example/residents.json", Some("https://cdn.example/"));
        residents.audience = View::Residents;
        let text = snippet(&residents).unwrap();
        assert!(!text.contains("audience"), "{text}");
        assert!(text.contains("data-lang=\"nn\""), "{text}");
    }

    #[test]
    fn attribute_values_are_escaped() {
        let text = snippet(&args("https://k.example/feed.json?a=1&b=\"><script>", None)).unwrap();
        assert!(
            text.contains("data-feed=\"https://k.example/feed.json?a=1&amp;b=&quot;&gt;&lt;script&gt;\""),
            "{text}"
        );
        assert!(!text.contains("<script>"), "{text}");
    }

    #[test]
    fn without_a_widget_url_the_feed_origin_is_assumed_and_said() {
        let text = snippet(&args("https://k.example:8443/historier/residents.json", None)).unwrap();
        assert!(text.contains("assumed"));
        assert!(text.contains("src=\"https://k.example:8443/saman-stories.js\""), "{text}");
        assert!(text.contains("connect-src https://k.example:8443;"), "{text}");
    }

    #[test]
    fn bad_input_is_refused() {
        assert!(snippet(&args("residents.json", None)).is_err());
        assert!(snippet(&args("javascript:alert(1)", None)).is_err());
        let mut bad_lang = args("https://k.example/f.json", None);
        bad_lang.lang = Some("\"><x".into());
        assert!(snippet(&bad_lang).is_err());
        assert!(snippet(&args("https://k.example/f.json", Some("cdn.example"))).is_err());
    }
}
