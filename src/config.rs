//! What an embed asks for, read from its attributes.
//!
//! The attribute names are the widget's public API; the script form's
//! `data-` attributes are copied onto a `<saman-stories>` element by the
//! loader, so both forms end up here. Invalid values never fail the widget:
//! they fall back to the default and leave a warning for the console.

use std::time::Duration;

use story_feed::{StoryFilter, Storyteller, View};

use crate::i18n::Lang;

/// The rotation interval when `interval` is not given.
pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(7);
/// The shortest interval allowed: shorter values are raised to this, so no
/// embed can rotate faster than people read (WCAG 2.2.2).
pub const MIN_INTERVAL: Duration = Duration::from_secs(5);
/// The longest interval allowed.
pub const MAX_INTERVAL: Duration = Duration::from_secs(600);

/// The default level of story headings (`<h3>`).
pub const DEFAULT_HEADING_LEVEL: u8 = 3;

/// How the stories are laid out (`layout`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Layout {
    /// One story at a time, rotating; visitors can switch to the list.
    #[default]
    Carousel,
    /// Every story of the view as a static list: no motion at all.
    List,
}

/// Where the widget is shown (`mode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Mode {
    /// On a web page, with visitors who hover, click and tab.
    #[default]
    Page,
    /// On an info screen: fills its container, large type, rotation that
    /// hover does not pause, each story's address in short, and a feed
    /// refreshed every few minutes.
    Kiosk,
}

/// How often a kiosk refreshes its feed when `refresh` is not given.
pub const DEFAULT_KIOSK_REFRESH: Duration = Duration::from_secs(5 * 60);
/// The shortest refresh interval allowed.
pub const MIN_REFRESH: Duration = Duration::from_secs(60);

/// The settings of one embedded widget.
#[derive(Clone, Debug, PartialEq)]
pub struct WidgetConfig {
    /// The `feed` attribute as written; relative URLs are resolved against the
    /// page by the browser glue.
    pub feed: Option<String>,
    /// Which stories to show (`audience`).
    pub view: View,
    /// The UI language (`lang`, else the page's `<html lang>`, else bokmål).
    pub lang: Lang,
    /// Time between automatic slide changes (`interval`, in seconds).
    pub interval: Duration,
    /// The level of story headings, 2–6 (`heading-level`), so the widget fits
    /// the host page's outline.
    pub heading_level: u8,
    /// Carousel or list (`layout`).
    pub layout: Layout,
    /// The widget's accessible name (`label`), replacing the default name of
    /// the view; needed when two widgets of the same view share a page.
    pub label: Option<String>,
    /// Narrows the view by `tags` and `storyteller`.
    pub filter: StoryFilter,
    /// The most stories shown side by side on wide containers
    /// (`slides-per-view`, 1–3); narrow containers show fewer.
    pub slides_per_view: usize,
    /// Page or kiosk (`mode`).
    pub mode: Mode,
    /// How often to fetch the feed again (`refresh`, in minutes): by
    /// default every 5 minutes in kiosk mode, never on a page.
    pub refresh: Option<Duration>,
    /// Problems with the attributes, for the console.
    pub warnings: Vec<String>,
}

impl WidgetConfig {
    /// Reads the configuration from an element's attributes (`attribute`
    /// returns an attribute's value) and the page's `<html lang>`.
    pub fn from_attributes(attribute: impl Fn(&str) -> Option<String>, page_lang: Option<&str>) -> Self {
        let mut warnings = Vec::new();
        let feed = attribute("feed").map(|f| f.trim().to_owned()).filter(|f| !f.is_empty());
        let view = match attribute("audience") {
            None => View::default(),
            Some(name) => View::parse(&name).unwrap_or_else(|| {
                warnings.push(format!(
                    "audience=\"{name}\" is not residents, colleagues or all; showing the residents view"
                ));
                View::Residents
            }),
        };
        let lang = attribute("lang")
            .as_deref()
            .and_then(Lang::from_tag)
            .or_else(|| page_lang.and_then(Lang::from_tag))
            .unwrap_or_default();
        let interval = match attribute("interval") {
            None => DEFAULT_INTERVAL,
            Some(text) => parse_interval(&text).unwrap_or_else(|| {
                warnings.push(format!("interval=\"{text}\" is not a number of seconds; using the default"));
                DEFAULT_INTERVAL
            }),
        };
        let heading_level = match attribute("heading-level") {
            None => DEFAULT_HEADING_LEVEL,
            Some(text) => match text.trim().parse::<u8>() {
                Ok(level @ 2..=6) => level,
                _ => {
                    warnings.push(format!("heading-level=\"{text}\" is not 2, 3, 4, 5 or 6; using 3"));
                    DEFAULT_HEADING_LEVEL
                }
            },
        };
        let layout = match attribute("layout").as_deref().map(str::trim) {
            None | Some("carousel") => Layout::Carousel,
            Some("list") => Layout::List,
            Some(other) => {
                warnings.push(format!("layout=\"{other}\" is not carousel or list; using carousel"));
                Layout::Carousel
            }
        };
        let label = attribute("label").map(|l| l.trim().to_owned()).filter(|l| !l.is_empty());
        let storyteller = match attribute("storyteller") {
            Some(kind) if !kind.trim().is_empty() => Storyteller::parse(&kind).or_else(|| {
                warnings.push(format!(
                    "storyteller=\"{kind}\" is not resident or employee; showing every storyteller's stories"
                ));
                None
            }),
            _ => None,
        };
        let filter = StoryFilter::parse(attribute("tags").as_deref(), storyteller);
        let mode = match attribute("mode").as_deref().map(str::trim) {
            None | Some("page") => Mode::Page,
            Some("kiosk") => Mode::Kiosk,
            Some(other) => {
                warnings.push(format!("mode=\"{other}\" is not page or kiosk; using page"));
                Mode::Page
            }
        };
        let refresh = match attribute("refresh") {
            None => (mode == Mode::Kiosk).then_some(DEFAULT_KIOSK_REFRESH),
            Some(text) => match thousandths(&text) {
                Some(milli_minutes) if milli_minutes > 0 => {
                    let day = Duration::from_secs(24 * 3600);
                    Some(Duration::from_millis(milli_minutes.saturating_mul(60)).min(day).max(MIN_REFRESH))
                }
                _ => {
                    warnings.push(format!("refresh=\"{text}\" is not a number of minutes; not refreshing"));
                    None
                }
            },
        };
        let slides_per_view = match attribute("slides-per-view") {
            None => 1,
            Some(text) => match text.trim().parse::<usize>() {
                Ok(count @ 1..=3) => count,
                _ => {
                    warnings.push(format!("slides-per-view=\"{text}\" is not 1, 2 or 3; using 1"));
                    1
                }
            },
        };
        WidgetConfig {
            feed,
            view,
            lang,
            interval,
            heading_level,
            layout,
            label,
            filter,
            slides_per_view,
            mode,
            refresh,
            warnings,
        }
    }
}

/// Seconds (`"8"`, `"7.5"`) to a duration within the allowed range.
fn parse_interval(text: &str) -> Option<Duration> {
    Some(Duration::from_millis(thousandths(text)?).clamp(MIN_INTERVAL, MAX_INTERVAL))
}

/// A decimal number as written in an attribute (`8`, `7.5`, `-3`, ` .5 `),
/// in thousandths, rounded; negative numbers are 0, huge ones saturate.
/// No floating point: parsing a float would cost the WebAssembly build
/// about 20 KB of tables for numbers that never need more than three decimals.
fn thousandths(text: &str) -> Option<u64> {
    let text = text.trim();
    let (negative, number) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let digits_only = whole.bytes().chain(fraction.bytes()).all(|b| b.is_ascii_digit());
    if !digits_only || (whole.is_empty() && fraction.is_empty()) {
        return None;
    }
    let digit = |b: u8| u64::from(b - b'0');
    let mut value = whole.bytes().fold(0u64, |v, b| v.saturating_mul(10).saturating_add(digit(b)));
    value = value.saturating_mul(1000);
    for (b, scale) in fraction.bytes().zip([100, 10, 1]) {
        value = value.saturating_add(digit(b) * scale);
    }
    if fraction.as_bytes().get(3).is_some_and(|&b| b >= b'5') {
        value = value.saturating_add(1);
    }
    Some(if negative { 0 } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(attributes: &[(&str, &str)], page_lang: Option<&str>) -> WidgetConfig {
        WidgetConfig::from_attributes(
            |name| attributes.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string()),
            page_lang,
        )
    }

    #[test]
    fn defaults_are_residents_bokmal_and_seven_seconds() {
        let c = config(&[("feed", " /historier.json ")], None);
        assert_eq!(c.feed.as_deref(), Some("/historier.json"));
        assert_eq!((c.view, c.lang, c.interval), (View::Residents, Lang::Nb, DEFAULT_INTERVAL));
        assert!(c.warnings.is_empty());
    }

    #[test]
    fn a_blank_feed_is_no_feed() {
        assert_eq!(config(&[("feed", "  ")], None).feed, None);
    }

    #[test]
    fn audience_picks_the_view_and_a_bad_one_falls_back_to_residents() {
        assert_eq!(config(&[("audience", "colleagues")], None).view, View::Colleagues);
        let bad = config(&[("audience", "internal")], None);
        assert_eq!(bad.view, View::Residents);
        assert_eq!(bad.warnings.len(), 1);
    }

    #[test]
    fn language_comes_from_the_attribute_then_the_page() {
        assert_eq!(config(&[("lang", "en")], Some("nn")).lang, Lang::En);
        assert_eq!(config(&[("lang", "fr")], Some("nn-NO")).lang, Lang::Nn);
        assert_eq!(config(&[], Some("de")).lang, Lang::Nb);
    }

    #[test]
    fn heading_level_is_two_to_six_and_defaults_to_three() {
        assert_eq!(config(&[], None).heading_level, 3);
        assert_eq!(config(&[("heading-level", "2")], None).heading_level, 2);
        assert_eq!(config(&[("heading-level", " 6 ")], None).heading_level, 6);
        for bad in ["1", "7", "h2", ""] {
            let c = config(&[("heading-level", bad)], None);
            assert_eq!(c.heading_level, 3, "{bad}");
            assert_eq!(c.warnings.len(), 1, "{bad}");
        }
    }

    #[test]
    fn layout_is_carousel_unless_list_is_asked_for() {
        assert_eq!(config(&[], None).layout, Layout::Carousel);
        assert_eq!(config(&[("layout", "list")], None).layout, Layout::List);
        let bad = config(&[("layout", "grid")], None);
        assert_eq!((bad.layout, bad.warnings.len()), (Layout::Carousel, 1));
    }

    #[test]
    fn kiosk_mode_refreshes_every_five_minutes_unless_told_otherwise() {
        let page = config(&[], None);
        assert_eq!((page.mode, page.refresh), (Mode::Page, None));
        let kiosk = config(&[("mode", "kiosk")], None);
        assert_eq!((kiosk.mode, kiosk.refresh), (Mode::Kiosk, Some(DEFAULT_KIOSK_REFRESH)));
        assert_eq!(config(&[("refresh", "2")], None).refresh, Some(Duration::from_secs(120)));
        assert_eq!(config(&[("refresh", "0.1")], None).refresh, Some(MIN_REFRESH));
        let bad = config(&[("mode", "tv"), ("refresh", "often")], None);
        assert_eq!((bad.mode, bad.refresh, bad.warnings.len()), (Mode::Page, None, 2));
    }

    #[test]
    fn slides_per_view_is_one_to_three() {
        assert_eq!(config(&[], None).slides_per_view, 1);
        assert_eq!(config(&[("slides-per-view", "3")], None).slides_per_view, 3);
        let bad = config(&[("slides-per-view", "4")], None);
        assert_eq!((bad.slides_per_view, bad.warnings.len()), (1, 1));
    }

    #[test]
    fn storyteller_is_a_kind_and_anything_else_is_warned_about_and_ignored() {
        let employees = config(&[("storyteller", " Employee "), ("tags", "helse")], None);
        assert_eq!(employees.filter, StoryFilter::parse(Some("helse"), Some(Storyteller::Employee)));
        assert!(employees.warnings.is_empty());
        let bad = config(&[("storyteller", "Anne Li")], None);
        assert_eq!((bad.filter.storyteller, bad.warnings.len()), (None, 1));
        assert_eq!(config(&[("storyteller", " ")], None).warnings.len(), 0);
    }

    #[test]
    fn a_blank_label_is_no_label() {
        assert_eq!(
            config(&[("label", " Nytt frå Fjordvik ")], None).label.as_deref(),
            Some("Nytt frå Fjordvik")
        );
        assert_eq!(config(&[("label", " ")], None).label, None);
    }

    #[test]
    fn decimals_are_read_in_thousandths_without_floating_point() {
        assert_eq!(thousandths("8"), Some(8000));
        assert_eq!(thousandths(" 7.5 "), Some(7500));
        assert_eq!(thousandths(".25"), Some(250));
        assert_eq!(thousandths("7."), Some(7000));
        assert_eq!(thousandths("+2.0005"), Some(2001));
        assert_eq!(thousandths("1.2344"), Some(1234));
        assert_eq!(thousandths("-3"), Some(0));
        assert_eq!(thousandths("99999999999999999999999"), Some(u64::MAX));
        for bad in ["", ".", "-", "1e3", "1.2.3", "NaN", "inf", "7 s", "٣"] {
            assert_eq!(thousandths(bad), None, "{bad}");
        }
    }

    #[test]
    fn interval_is_in_seconds_with_a_floor_and_a_ceiling() {
        assert_eq!(config(&[("interval", "8")], None).interval, Duration::from_secs(8));
        assert_eq!(config(&[("interval", "7.5")], None).interval, Duration::from_millis(7500));
        assert_eq!(config(&[("interval", "1")], None).interval, MIN_INTERVAL);
        assert_eq!(config(&[("interval", "-3")], None).interval, MIN_INTERVAL);
        assert_eq!(config(&[("interval", "100000")], None).interval, MAX_INTERVAL);
        for bad in ["fast", "", "NaN", "inf"] {
            let c = config(&[("interval", bad)], None);
            assert_eq!(c.interval, DEFAULT_INTERVAL, "{bad}");
            assert_eq!(c.warnings.len(), 1, "{bad}");
        }
    }
}
