//! A story's address as people read it off a screen across the room:
//! `https://www.fjordvik.kommune.example/historier/ny-barnehage/` becomes
//! `fjordvik.kommune.example/historier/ny-barnehage`.

/// The longest short address shown, in characters.
pub const MAX_SHORT_URL_CHARS: usize = 60;

/// The address without scheme, `www.`, query, fragment or trailing slash,
/// cut with `…` if it is still too long to read.
pub fn short_url(url: &str) -> String {
    let without_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let without_www = without_scheme.strip_prefix("www.").unwrap_or(without_scheme);
    let end = without_www.find(['?', '#']).unwrap_or(without_www.len());
    let short = without_www[..end].trim_end_matches('/');
    if short.chars().count() <= MAX_SHORT_URL_CHARS {
        return short.to_owned();
    }
    let kept: String = short.chars().take(MAX_SHORT_URL_CHARS - 1).collect();
    format!("{kept}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_what_nobody_types() {
        assert_eq!(
            short_url("https://www.fjordvik.kommune.example/historier/ny-barnehage/?utm=x#top"),
            "fjordvik.kommune.example/historier/ny-barnehage"
        );
        assert_eq!(short_url("http://kommune.example"), "kommune.example");
    }

    #[test]
    fn long_addresses_are_cut() {
        let long = format!("https://kommune.example/{}", "a".repeat(100));
        let short = short_url(&long);
        assert_eq!(short.chars().count(), MAX_SHORT_URL_CHARS);
        assert!(short.ends_with('…'));
    }
}
