//! `saman-feed snippet --feed URL [--audience …] [--lang …] [--widget-url URL]`.
//!
//! Prints what a web editor pastes into a page: the embed in its two forms,
//! and the Content-Security-Policy directives the page needs if it has a
//! policy. WebAssembly needs `'wasm-unsafe-eval'` for the widget's origin;
//! the widget's stylesheet, its script and the feed each need their origin
//! allowed. Attribute values are escaped, so a URL cannot break the markup.

use story_feed::{is_language_tag, resolve_http_url, View};

use crate::failure::{Failure, Outcome};

/// The loader's file name, appended to a `--widget-url` that names a folder.
pub const LOADER_FILE: &str = "saman-stories.js";

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
    let feed = resolve_http_url("", &args.feed)
        .ok_or_else(|| Failure::new(format!("--feed {:?} is not a full https:// address", args.feed)))?;
    if let Some(lang) = &args.lang {
        if !is_language_tag(lang) {
            return Err(Failure::new(format!("--lang {lang:?} is not a language tag: nn, nb, se, en…")));
        }
    }
    let feed_origin = origin(&feed);
    let (loader, assumed) = match &args.widget_url {
        Some(url) => {
            let url = resolve_http_url("", url).ok_or_else(|| {
                Failure::new(format!("--widget-url {url:?} is not a full https:// address"))
            })?;
            let loader = if url.ends_with(".js") {
                url
            } else {
                format!("{}/{LOADER_FILE}", url.trim_end_matches('/'))
            };
            (loader, false)
        }
        None => (format!("{feed_origin}/{LOADER_FILE}"), true),
    };
    let widget_origin = origin(&loader);
    let lang_attribute = |prefix: &str| {
        args.lang.as_deref().map(|l| format!(" {prefix}lang=\"{}\"", escape(l))).unwrap_or_default()
    };
    let (feed_attr, audience) = (escape(&feed), args.audience.as_str());
    let loader_attr = escape(&loader);
    let mut out = String::new();
    if assumed {
        out.push_str("<!-- The widget is assumed to be served from the feed's origin; pass --widget-url if it is not. -->\n");
    }
    out.push_str("<!-- Script form: the widget appears where this tag stands. -->\n");
    out.push_str(&format!(
        "<script src=\"{loader_attr}\" data-feed=\"{feed_attr}\" data-audience=\"{audience}\"{} async></script>\n\n",
        lang_attribute("data-")
    ));
    out.push_str(
        "<!-- Element form: put the element where the widget goes, and the script once per page. -->\n",
    );
    out.push_str(&format!(
        "<saman-stories feed=\"{feed_attr}\" audience=\"{audience}\"{}></saman-stories>\n<script src=\"{loader_attr}\" async></script>\n\n",
        lang_attribute("")
    ));
    let connect = if widget_origin == feed_origin {
        widget_origin.clone()
    } else {
        format!("{widget_origin} {feed_origin}")
    };
    out.push_str("<!-- If the page has a Content-Security-Policy, it needs these sources (add them to its directives): -->\n");
    out.push_str(&format!(
        "script-src {widget_origin} 'wasm-unsafe-eval'; style-src {widget_origin}; connect-src {connect}; img-src {feed_origin}\n"
    ));
    Ok(out)
}

/// `scheme://host[:port]` of an absolute URL from `resolve_http_url`.
fn origin(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("https", url));
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    // User names and passwords are not part of an origin.
    let host = authority.rsplit('@').next().unwrap_or(authority);
    format!("{scheme}://{}", host.to_ascii_lowercase())
}

/// Escapes text for a double-quoted HTML attribute.
pub fn escape(value: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn args(feed: &str, widget: Option<&str>) -> SnippetArgs {
        SnippetArgs {
            feed: feed.into(),
            audience: View::Residents,
            lang: Some("nn".into()),
            widget_url: widget.map(str::to_owned),
        }
    }

    #[test]
    fn both_forms_and_the_csp_are_printed() {
        let text = snippet(&args(
            "https://historier.fjordvik.example/residents.json",
            Some("https://cdn.example/saman/"),
        ))
        .unwrap();
        assert_eq!(
            text,
            "<!-- Script form: the widget appears where this tag stands. -->
<script src=\"https://cdn.example/saman/saman-stories.js\" data-feed=\"https://historier.fjordvik.example/residents.json\" data-audience=\"residents\" data-lang=\"nn\" async></script>

<!-- Element form: put the element where the widget goes, and the script once per page. -->
<saman-stories feed=\"https://historier.fjordvik.example/residents.json\" audience=\"residents\" lang=\"nn\"></saman-stories>
<script src=\"https://cdn.example/saman/saman-stories.js\" async></script>

<!-- If the page has a Content-Security-Policy, it needs these sources (add them to its directives): -->
script-src https://cdn.example 'wasm-unsafe-eval'; style-src https://cdn.example; connect-src https://cdn.example https://historier.fjordvik.example; img-src https://historier.fjordvik.example
"
        );
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
