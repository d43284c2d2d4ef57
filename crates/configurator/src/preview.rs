//! The preview: the real widget, once per frame — three widths, each on a
//! light and a dark page.
//!
//! Each preview widget gets the settings' attributes as they are, except
//! its `label`: six widgets of one view on one page need six names (the
//! README asks the same of any page), so each gets the configured name, or
//! the widget's own name for the view, followed by its frame.

use embed_snippet::Attribute;

use crate::i18n::Lang;
use crate::settings::Settings;

/// How wide a frame is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Width {
    /// A phone, 360 CSS pixels.
    Phone,
    /// A sidebar column, 300 CSS pixels.
    Sidebar,
    /// The full width of the page.
    Full,
}

/// The page a frame stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PageScheme {
    /// A page that declares light (or nothing).
    Light,
    /// A page that declares `data-color-scheme="dark"`.
    Dark,
}

impl Width {
    /// Every width, narrowest first by use.
    pub const ALL: [Width; 3] = [Width::Phone, Width::Sidebar, Width::Full];

    /// The frame's name in `lang`.
    pub fn name(self, lang: Lang) -> &'static str {
        let strings = lang.strings();
        match self {
            Width::Phone => strings.frame_phone,
            Width::Sidebar => strings.frame_sidebar,
            Width::Full => strings.frame_full,
        }
    }

    /// The word for class names and test hooks.
    pub fn key(self) -> &'static str {
        match self {
            Width::Phone => "phone",
            Width::Sidebar => "sidebar",
            Width::Full => "full",
        }
    }
}

impl PageScheme {
    /// Both, light first.
    pub const ALL: [PageScheme; 2] = [PageScheme::Light, PageScheme::Dark];

    /// The page's name in `lang`.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            PageScheme::Light => lang.strings().light_page,
            PageScheme::Dark => lang.strings().dark_page,
        }
    }

    /// The `data-color-scheme` the frame declares.
    pub fn key(self) -> &'static str {
        match self {
            PageScheme::Light => "light",
            PageScheme::Dark => "dark",
        }
    }
}

/// The attributes of the preview widget in one frame, as name and value;
/// empty when the feed is not an absolute `http(s)` address.
pub fn preview_attributes(
    settings: &Settings,
    width: Width,
    scheme: PageScheme,
    ui: Lang,
) -> Vec<(&'static str, String)> {
    let Some(feed) = settings.feed_url() else { return Vec::new() };
    // The widget's language on this page: its `lang`, else the page's.
    let widget_lang = settings.lang.unwrap_or(ui);
    let base = match settings.label.trim() {
        "" => widget_lang.strings().widget_name(settings.audience),
        label => label,
    };
    let label = format!("{base} – {}, {}", width.name(ui), scheme.name(ui));
    let mut attributes = vec![(Attribute::Feed.name(), feed)];
    attributes.extend(
        settings
            .attributes()
            .into_iter()
            .filter(|(attribute, _)| *attribute != Attribute::Label)
            .map(|(a, v)| (a.name(), v)),
    );
    attributes.push((Attribute::Label.name(), label));
    attributes.sort_by_key(|(name, _)| Attribute::from_name(name));
    attributes
}

#[cfg(test)]
mod tests {
    use super::*;
    use story_feed::View;

    #[test]
    fn each_frame_has_the_settings_and_a_name_of_its_own() {
        let settings = Settings {
            feed: "https://k.example/all.json".into(),
            audience: View::Colleagues,
            slides_per_view: 2,
            ..Settings::default()
        };
        let phone = preview_attributes(&settings, Width::Phone, PageScheme::Light, Lang::Nn);
        assert_eq!(
            phone,
            vec![
                ("feed", "https://k.example/all.json".to_owned()),
                ("audience", "colleagues".to_owned()),
                ("label", "Historier for tilsette – Mobil, 360 px, lys side".to_owned()),
                ("slides-per-view", "2".to_owned()),
            ]
        );
        let mut names: Vec<String> = Width::ALL
            .iter()
            .flat_map(|&w| PageScheme::ALL.map(|s| preview_attributes(&settings, w, s, Lang::En)))
            .map(|attributes| attributes.into_iter().find(|(n, _)| *n == "label").unwrap().1)
            .collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), 6);
    }

    #[test]
    fn a_configured_label_and_language_are_kept() {
        let settings = Settings {
            feed: "https://k.example/all.json".into(),
            label: "Nytt frå oss".into(),
            lang: Some(Lang::En),
            ..Settings::default()
        };
        let dark = preview_attributes(&settings, Width::Full, PageScheme::Dark, Lang::Nb);
        assert!(dark.contains(&("label", "Nytt frå oss – Full bredde, mørk side".to_owned())));
        assert!(dark.contains(&("lang", "en".to_owned())));
        let unnamed = Settings { label: String::new(), ..settings };
        let named_by_view = preview_attributes(&unnamed, Width::Full, PageScheme::Dark, Lang::Nb);
        assert!(
            named_by_view.contains(&("label", "Stories for residents – Full bredde, mørk side".to_owned()))
        );
    }

    #[test]
    fn without_a_full_address_there_is_no_preview() {
        let settings = Settings { feed: "residents.json".into(), ..Settings::default() };
        assert_eq!(preview_attributes(&settings, Width::Phone, PageScheme::Light, Lang::Nb), vec![]);
    }
}
