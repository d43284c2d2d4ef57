//! The attributes of `<saman-stories>`: the widget's public settings.
//!
//! The names and their order are those of the loader's `ATTRIBUTES` list
//! (`loader/saman-stories.js`) and the README's attribute table; the script
//! form writes each with a `data-` prefix, and `embed.html` reads each from
//! its query string under the same name.

/// One attribute of `<saman-stories>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Attribute {
    /// `feed`: the JSON Feed's URL (required).
    Feed,
    /// `audience`: `residents`, `colleagues` or `all`.
    Audience,
    /// `lang`: the widget's UI language.
    Lang,
    /// `interval`: seconds between automatic slide changes.
    Interval,
    /// `layout`: `carousel` or `list`.
    Layout,
    /// `heading-level`: 2–6.
    HeadingLevel,
    /// `label`: the widget's accessible name.
    Label,
    /// `href`: the page with all the stories, for the fallback link.
    Href,
    /// `fill`: present or not; take the container's height.
    Fill,
    /// `color-scheme`: `light`, `dark` or `auto`.
    ColorScheme,
    /// `mode`: `page` or `kiosk`.
    Mode,
    /// `refresh`: minutes between fetches of the feed.
    Refresh,
    /// `tags`: comma-separated tags.
    Tags,
    /// `storyteller`: `resident` or `employee`.
    Storyteller,
    /// `slides-per-view`: 1–3.
    SlidesPerView,
}

impl Attribute {
    /// Every attribute, in the loader's order.
    pub const ALL: [Attribute; 15] = [
        Attribute::Feed,
        Attribute::Audience,
        Attribute::Lang,
        Attribute::Interval,
        Attribute::Layout,
        Attribute::HeadingLevel,
        Attribute::Label,
        Attribute::Href,
        Attribute::Fill,
        Attribute::ColorScheme,
        Attribute::Mode,
        Attribute::Refresh,
        Attribute::Tags,
        Attribute::Storyteller,
        Attribute::SlidesPerView,
    ];

    /// The attribute's name on the element (and in `embed.html`'s query).
    pub fn name(self) -> &'static str {
        match self {
            Attribute::Feed => "feed",
            Attribute::Audience => "audience",
            Attribute::Lang => "lang",
            Attribute::Interval => "interval",
            Attribute::Layout => "layout",
            Attribute::HeadingLevel => "heading-level",
            Attribute::Label => "label",
            Attribute::Href => "href",
            Attribute::Fill => "fill",
            Attribute::ColorScheme => "color-scheme",
            Attribute::Mode => "mode",
            Attribute::Refresh => "refresh",
            Attribute::Tags => "tags",
            Attribute::Storyteller => "storyteller",
            Attribute::SlidesPerView => "slides-per-view",
        }
    }

    /// The attribute with this name, if it is one.
    pub fn from_name(name: &str) -> Option<Attribute> {
        Attribute::ALL.into_iter().find(|attribute| attribute.name() == name)
    }

    /// The value that means the same as leaving the attribute out, for the
    /// attributes whose default can be written (`interval="7"`); `None` for
    /// those whose default is their absence (`lang` follows the page,
    /// `refresh` depends on the mode, …).
    pub fn default_value(self) -> Option<&'static str> {
        match self {
            Attribute::Audience => Some("residents"),
            Attribute::Interval => Some("7"),
            Attribute::Layout => Some("carousel"),
            Attribute::HeadingLevel => Some("3"),
            Attribute::Mode => Some("page"),
            Attribute::SlidesPerView => Some("1"),
            _ => None,
        }
    }

    /// Whether the attribute is a flag: its presence is its value.
    pub fn is_flag(self) -> bool {
        self == Attribute::Fill
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_follow_the_loader() {
        for attribute in Attribute::ALL {
            assert_eq!(Attribute::from_name(attribute.name()), Some(attribute));
        }
        assert_eq!(Attribute::from_name("data-feed"), None);
        // The loader's ATTRIBUTES list, in its order.
        let loader =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../loader/saman-stories.js"))
                .expect("the loader");
        let list =
            loader.split("var ATTRIBUTES = [").nth(1).and_then(|rest| rest.split("];").next()).unwrap();
        let names: Vec<&str> = list
            .split(',')
            .map(|name| name.trim().trim_matches('\''))
            .filter(|name| !name.is_empty())
            .collect();
        let ours: Vec<&str> = Attribute::ALL.iter().map(|a| a.name()).collect();
        assert_eq!(ours, names);
    }

    #[test]
    fn only_writable_defaults_have_a_value() {
        assert_eq!(Attribute::Audience.default_value(), Some("residents"));
        assert_eq!(Attribute::Lang.default_value(), None);
        assert_eq!(Attribute::Refresh.default_value(), None);
        assert!(Attribute::Fill.is_flag());
        assert!(!Attribute::Label.is_flag());
    }
}
