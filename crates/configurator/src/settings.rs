//! The widget's settings as the configurator's form holds them.
//!
//! Each field is one attribute of `<saman-stories>` (see
//! `embed_snippet::Attribute`). Choices are typed; free text (the interval,
//! the refresh, the address of the stories page) is kept as the webmaster
//! typed it, so the form never rewrites what they are typing, and checked
//! when it becomes an attribute: a value the widget would not read is
//! reported next to its field and left out of the preview and the code.
//!
//! The same settings live in the page's address, under the attributes'
//! names ([`Settings::from_query`], [`Settings::to_query`]), so a
//! configuration can be shared as a link.

use embed_snippet::Attribute;
use story_feed::{resolve_http_url, Storyteller, View};

use crate::i18n::Lang;

/// The shortest and longest `interval` the widget takes, in seconds.
pub const INTERVAL_RANGE: (u64, u64) = (5, 600);
/// The longest `refresh`, in minutes (a day); the shortest is 1.
pub const MAX_REFRESH_MINUTES: u64 = 24 * 60;

/// `layout`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Layout {
    /// One story at a time, rotating.
    #[default]
    Carousel,
    /// Every story, still.
    List,
}

/// `color-scheme`; no value means "follow the page".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorScheme {
    /// Always light.
    Light,
    /// Always dark.
    Dark,
    /// The visitor's system setting.
    Auto,
}

/// `mode`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Mode {
    /// On a web page.
    #[default]
    Page,
    /// On an info screen.
    Kiosk,
}

/// Every setting of one widget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// The feed's address as typed.
    pub feed: String,
    /// `audience`.
    pub audience: View,
    /// `lang`; `None` follows the page.
    pub lang: Option<Lang>,
    /// `interval` as typed, in seconds; empty for the default.
    pub interval: String,
    /// `layout`.
    pub layout: Layout,
    /// `heading-level`, 2–6.
    pub heading_level: u8,
    /// `label` as typed; empty for the view's own name.
    pub label: String,
    /// `href` as typed; empty for none.
    pub href: String,
    /// `fill`.
    pub fill: bool,
    /// `slides-per-view`, 1–3.
    pub slides_per_view: u8,
    /// `tags` as typed.
    pub tags: String,
    /// `storyteller`; `None` for everyone's stories.
    pub storyteller: Option<Storyteller>,
    /// `color-scheme`; `None` follows the page.
    pub color_scheme: Option<ColorScheme>,
    /// `mode`.
    pub mode: Mode,
    /// `refresh` as typed, in minutes; empty for the default.
    pub refresh: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            feed: String::new(),
            audience: View::Residents,
            lang: None,
            interval: String::new(),
            layout: Layout::Carousel,
            heading_level: 3,
            label: String::new(),
            href: String::new(),
            fill: false,
            slides_per_view: 1,
            tags: String::new(),
            storyteller: None,
            color_scheme: None,
            mode: Mode::Page,
            refresh: String::new(),
        }
    }
}

/// A free-text setting the widget would not read as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Invalid {
    /// `interval` is not a number of seconds from 5 to 600.
    Interval,
    /// `refresh` is not a number of minutes, at least 1.
    Refresh,
    /// `href` is not an absolute `http(s)` address.
    Href,
}

impl Settings {
    /// The feed's address as an absolute `http(s)` URL, if it is one.
    pub fn feed_url(&self) -> Option<String> {
        resolve_http_url("", self.feed.trim())
    }

    /// The interval in the form the code writes it (`7`, `7.5`), if valid.
    fn interval_value(&self) -> Result<Option<String>, Invalid> {
        let text = self.interval.trim();
        if text.is_empty() {
            return Ok(None);
        }
        let (min, max) = INTERVAL_RANGE;
        match thousandths(text) {
            Some(value) if (min * 1000..=max * 1000).contains(&value) => Ok(Some(decimal(value))),
            _ => Err(Invalid::Interval),
        }
    }

    /// The refresh in minutes as the code writes it, if valid.
    fn refresh_value(&self) -> Result<Option<String>, Invalid> {
        let text = self.refresh.trim();
        if text.is_empty() {
            return Ok(None);
        }
        match thousandths(text) {
            Some(value) if (1000..=MAX_REFRESH_MINUTES * 1000).contains(&value) => Ok(Some(decimal(value))),
            _ => Err(Invalid::Refresh),
        }
    }

    fn href_value(&self) -> Result<Option<String>, Invalid> {
        let text = self.href.trim();
        if text.is_empty() {
            return Ok(None);
        }
        resolve_http_url("", text).map(Some).ok_or(Invalid::Href)
    }

    /// Whether a free-text setting is one the widget would not read.
    pub fn invalid(&self, which: Invalid) -> bool {
        match which {
            Invalid::Interval => self.interval_value().is_err(),
            Invalid::Refresh => self.refresh_value().is_err(),
            Invalid::Href => self.href_value().is_err(),
        }
    }

    /// Every setting that differs from the widget's default, as attribute
    /// values in the loader's order; `feed` not included, invalid free text
    /// left out, a flag's value empty.
    pub fn attributes(&self) -> Vec<(Attribute, String)> {
        let mut out: Vec<(Attribute, String)> = Vec::new();
        let mut set = |attribute: Attribute, value: Option<String>| {
            if let Some(value) = value.filter(|v| attribute.is_flag() || !v.trim().is_empty()) {
                if attribute.default_value() != Some(value.as_str()) {
                    out.push((attribute, value.trim().to_owned()));
                }
            }
        };
        set(Attribute::Audience, Some(self.audience.as_str().to_owned()));
        set(Attribute::Lang, self.lang.map(|lang| lang.tag().to_owned()));
        set(Attribute::Interval, self.interval_value().unwrap_or(None));
        set(Attribute::Layout, Some(layout_name(self.layout).to_owned()));
        set(Attribute::HeadingLevel, Some(self.heading_level.to_string()));
        set(Attribute::Label, Some(self.label.clone()));
        set(Attribute::Href, self.href_value().unwrap_or(None));
        set(Attribute::Fill, self.fill.then(String::new));
        set(Attribute::ColorScheme, self.color_scheme.map(|scheme| scheme_name(scheme).to_owned()));
        set(Attribute::Mode, Some(mode_name(self.mode).to_owned()));
        set(Attribute::Refresh, self.refresh_value().unwrap_or(None));
        set(Attribute::Tags, Some(self.tags.clone()));
        set(Attribute::Storyteller, self.storyteller.map(|kind| kind.as_str().to_owned()));
        set(Attribute::SlidesPerView, Some(self.slides_per_view.to_string()));
        out.sort_by_key(|(attribute, _)| *attribute);
        out
    }

    /// Reads settings from query parameters named like the attributes.
    /// Unknown parameters are ignored and values the widget would not take
    /// give the default, except free text, which is kept as written so the
    /// form can say what is wrong with it.
    pub fn from_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Settings {
        let mut settings = Settings::default();
        for (name, value) in pairs {
            let Some(attribute) = Attribute::from_name(name) else { continue };
            let trimmed = value.trim();
            match attribute {
                Attribute::Feed => settings.feed = trimmed.to_owned(),
                Attribute::Audience => settings.audience = View::parse(trimmed).unwrap_or_default(),
                Attribute::Lang => settings.lang = Lang::from_tag(trimmed),
                Attribute::Interval => settings.interval = trimmed.to_owned(),
                Attribute::Layout => {
                    settings.layout = if trimmed == "list" { Layout::List } else { Layout::Carousel }
                }
                Attribute::HeadingLevel => {
                    settings.heading_level = trimmed.parse().ok().filter(|l| (2..=6).contains(l)).unwrap_or(3)
                }
                Attribute::Label => settings.label = value.to_owned(),
                Attribute::Href => settings.href = trimmed.to_owned(),
                Attribute::Fill => settings.fill = true,
                Attribute::ColorScheme => settings.color_scheme = parse_scheme(trimmed),
                Attribute::Mode => settings.mode = if trimmed == "kiosk" { Mode::Kiosk } else { Mode::Page },
                Attribute::Refresh => settings.refresh = trimmed.to_owned(),
                Attribute::Tags => settings.tags = value.to_owned(),
                Attribute::Storyteller => settings.storyteller = Storyteller::parse(trimmed),
                Attribute::SlidesPerView => {
                    settings.slides_per_view =
                        trimmed.parse().ok().filter(|n| (1..=3).contains(n)).unwrap_or(1)
                }
            }
        }
        settings
    }

    /// The settings as query parameters: the feed and every setting that
    /// differs from the default, free text as typed (even when invalid, so
    /// a shared link shows the same form).
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if !self.feed.trim().is_empty() {
            out.push((Attribute::Feed.name(), self.feed.trim().to_owned()));
        }
        let typed = [
            (Attribute::Interval, &self.interval),
            (Attribute::Href, &self.href),
            (Attribute::Refresh, &self.refresh),
        ];
        for (attribute, value) in self.attributes() {
            if !typed.iter().any(|(free, _)| *free == attribute) {
                out.push((attribute.name(), value));
            }
        }
        for (attribute, value) in typed {
            if !value.trim().is_empty() && attribute.default_value() != Some(value.trim()) {
                out.push((attribute.name(), value.trim().to_owned()));
            }
        }
        let order = |name: &str| Attribute::from_name(name);
        out.sort_by_key(|(name, _)| order(name));
        out
    }
}

/// `layout`'s value.
pub fn layout_name(layout: Layout) -> &'static str {
    match layout {
        Layout::Carousel => "carousel",
        Layout::List => "list",
    }
}

/// `mode`'s value.
pub fn mode_name(mode: Mode) -> &'static str {
    match mode {
        Mode::Page => "page",
        Mode::Kiosk => "kiosk",
    }
}

/// `color-scheme`'s value.
pub fn scheme_name(scheme: ColorScheme) -> &'static str {
    match scheme {
        ColorScheme::Light => "light",
        ColorScheme::Dark => "dark",
        ColorScheme::Auto => "auto",
    }
}

/// Reads a `color-scheme` value.
pub fn parse_scheme(value: &str) -> Option<ColorScheme> {
    match value {
        "light" => Some(ColorScheme::Light),
        "dark" => Some(ColorScheme::Dark),
        "auto" => Some(ColorScheme::Auto),
        _ => None,
    }
}

/// A decimal number (`8`, `7.5`, ` .25 `) in thousandths, as the widget
/// reads its attributes; `None` for anything else, negative numbers and
/// more than three decimals included.
fn thousandths(text: &str) -> Option<u64> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if (whole.is_empty() && fraction.is_empty())
        || fraction.len() > 3
        || !whole.bytes().chain(fraction.bytes()).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let whole: u64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    let fraction: u64 = format!("{fraction:0<3}").parse().ok()?;
    whole.checked_mul(1000)?.checked_add(fraction)
}

/// Thousandths written shortest: `7000` → `7`, `7500` → `7.5`.
fn decimal(thousandths: u64) -> String {
    let (whole, fraction) = (thousandths / 1000, thousandths % 1000);
    if fraction == 0 {
        whole.to_string()
    } else {
        format!("{whole}.{}", format!("{fraction:03}").trim_end_matches('0'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(attributes: &[(Attribute, String)]) -> Vec<(&'static str, &str)> {
        attributes.iter().map(|(a, v)| (a.name(), v.as_str())).collect()
    }

    #[test]
    fn the_defaults_give_no_attributes() {
        assert_eq!(Settings::default().attributes(), vec![]);
        let written_defaults =
            Settings { interval: "7.0".into(), refresh: " ".into(), ..Settings::default() };
        assert_eq!(written_defaults.attributes(), vec![]);
    }

    #[test]
    fn every_setting_becomes_its_attribute() {
        let settings = Settings {
            feed: "https://k.example/all.json".into(),
            audience: View::Colleagues,
            lang: Some(Lang::Nn),
            interval: "7.50".into(),
            layout: Layout::List,
            heading_level: 4,
            label: " Historier frå oss ".into(),
            href: "https://k.example/historier".into(),
            fill: true,
            slides_per_view: 3,
            tags: "helse,skule".into(),
            storyteller: Some(Storyteller::Employee),
            color_scheme: Some(ColorScheme::Dark),
            mode: Mode::Kiosk,
            refresh: "2".into(),
        };
        assert_eq!(
            names(&settings.attributes()),
            vec![
                ("audience", "colleagues"),
                ("lang", "nn"),
                ("interval", "7.5"),
                ("layout", "list"),
                ("heading-level", "4"),
                ("label", "Historier frå oss"),
                ("href", "https://k.example/historier"),
                ("fill", ""),
                ("color-scheme", "dark"),
                ("mode", "kiosk"),
                ("refresh", "2"),
                ("tags", "helse,skule"),
                ("storyteller", "employee"),
                ("slides-per-view", "3"),
            ]
        );
    }

    #[test]
    fn invalid_free_text_is_reported_and_left_out() {
        let settings = Settings {
            interval: "3".into(),
            refresh: "0".into(),
            href: "javascript:alert(1)".into(),
            ..Settings::default()
        };
        assert!(settings.invalid(Invalid::Interval));
        assert!(settings.invalid(Invalid::Refresh));
        assert!(settings.invalid(Invalid::Href));
        assert_eq!(settings.attributes(), vec![]);
        for interval in ["abc", "601", "-7", "7,5", "7.1234", "."] {
            assert!(
                Settings { interval: interval.into(), ..Settings::default() }.invalid(Invalid::Interval),
                "{interval}"
            );
        }
        for interval in ["5", "600", " 8 ", "12.125"] {
            assert!(
                !Settings { interval: interval.into(), ..Settings::default() }.invalid(Invalid::Interval),
                "{interval}"
            );
        }
    }

    #[test]
    fn the_query_round_trips_every_setting() {
        let settings = Settings {
            feed: "https://k.example/all.json?x=1&y=2".into(),
            audience: View::All,
            lang: Some(Lang::En),
            interval: "12".into(),
            layout: Layout::List,
            heading_level: 2,
            label: "Nytt frå oss, & meir".into(),
            href: "not a url".into(),
            fill: true,
            slides_per_view: 2,
            tags: "helse, skule".into(),
            storyteller: Some(Storyteller::Resident),
            color_scheme: Some(ColorScheme::Auto),
            mode: Mode::Kiosk,
            refresh: "0".into(),
        };
        let query = settings.to_query();
        let back = Settings::from_query(query.iter().map(|(n, v)| (*n, v.as_str())));
        assert_eq!(back, settings);
        // Named like the attributes, in their order, invalid text kept.
        assert_eq!(query.first().map(|(n, _)| *n), Some("feed"));
        assert!(query.contains(&("href", "not a url".to_owned())));
        assert!(query.contains(&("refresh", "0".to_owned())));
        assert_eq!(Settings::default().to_query(), vec![]);
    }

    #[test]
    fn a_query_with_values_the_widget_would_not_take_gives_the_defaults() {
        let settings = Settings::from_query([
            ("audience", "colegues"),
            ("heading-level", "9"),
            ("slides-per-view", "0"),
            ("storyteller", "mayor"),
            ("color-scheme", "pink"),
            ("lang", "de"),
            ("ui", "nn"),
            ("unknown", "x"),
        ]);
        assert_eq!(settings, Settings::default());
    }

    #[test]
    fn numbers_are_read_without_floating_point() {
        assert_eq!(thousandths("7"), Some(7000));
        assert_eq!(thousandths("7.5"), Some(7500));
        assert_eq!(thousandths(".25"), Some(250));
        assert_eq!(thousandths("7."), Some(7000));
        assert_eq!(thousandths("99999999999999999999"), None);
        assert_eq!(decimal(7000), "7");
        assert_eq!(decimal(7250), "7.25");
        assert_eq!(decimal(5), "0.005");
    }
}
