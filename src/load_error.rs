//! Why a widget could not show its feed, in words for the webmaster.
//!
//! The visitor sees one short translated sentence; the console gets the
//! cause from here, precise enough to fix it (status code, JSON line and
//! column, the missing CORS header, …).

use std::fmt;
use std::time::Duration;

use story_feed::FeedError;

/// How long a feed request may take before the widget gives up on it.
pub const FEED_TIMEOUT: Duration = Duration::from_secs(15);

/// The least time a request taken over from the loader still gets, however
/// late the widget's code arrived: the feed may well be in already, and
/// reading its body must not be cut off.
pub const TAKEOVER_GRACE: Duration = Duration::from_secs(2);

/// How long the widget still waits for a request sent `waited_ms`
/// milliseconds ago (by the loader, before the widget's code arrived; 0 for
/// its own requests): the rest of [`FEED_TIMEOUT`], but at least
/// [`TAKEOVER_GRACE`] for a request already under way. A nonsensical
/// `waited_ms` (negative, NaN) counts as none.
pub fn time_left(waited_ms: f64) -> Duration {
    if waited_ms.is_nan() || waited_ms <= 0.0 {
        return FEED_TIMEOUT;
    }
    let waited = Duration::from_millis(waited_ms.min(FEED_TIMEOUT.as_millis() as f64) as u64);
    FEED_TIMEOUT.saturating_sub(waited).max(TAKEOVER_GRACE)
}

/// Why the feed could not be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The embed has no `feed` attribute.
    NoFeed,
    /// The `feed` attribute is not a URL the browser can resolve.
    BadFeedUrl(String),
    /// The server answered with an error status.
    Http(u16),
    /// No answer: offline, refused, DNS, or blocked by CORS or CSP (the
    /// browser does not tell scripts which).
    Network,
    /// No complete answer within [`FEED_TIMEOUT`].
    Timeout,
    /// The answer is not a readable feed.
    Feed(FeedError),
}

impl LoadError {
    /// Whether asking again later may help: server errors, rate limits,
    /// network failures and timeouts. A missing feed (404), a refused one
    /// (403) or a broken document stays broken until someone fixes it.
    pub fn is_transient(&self) -> bool {
        match self {
            LoadError::Http(status) => *status >= 500 || *status == 408 || *status == 429,
            LoadError::Network | LoadError::Timeout => true,
            LoadError::NoFeed | LoadError::BadFeedUrl(_) | LoadError::Feed(_) => false,
        }
    }
}

impl LoadError {
    /// A short word for the cause, for the `saman-stories-error` event:
    /// `no-feed`, `bad-feed-url`, `http-404` (any status), `network`,
    /// `timeout` or `unreadable`.
    pub fn reason(&self) -> String {
        match self {
            LoadError::NoFeed => "no-feed".into(),
            LoadError::BadFeedUrl(_) => "bad-feed-url".into(),
            LoadError::Http(status) => format!("http-{status}"),
            LoadError::Network => "network".into(),
            LoadError::Timeout => "timeout".into(),
            LoadError::Feed(_) => "unreadable".into(),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NoFeed => {
                f.write_str("the element has no feed attribute (feed=\"https://…/stories.json\")")
            }
            LoadError::BadFeedUrl(url) => write!(f, "feed=\"{url}\" is not an http(s) URL"),
            LoadError::Http(status) => write!(f, "the feed server answered HTTP {status}"),
            LoadError::Network => f.write_str(
                "the feed could not be fetched: the server is unreachable, or it does not allow this \
                 page's origin (Access-Control-Allow-Origin), or the page's Content-Security-Policy \
                 (connect-src) blocks it",
            ),
            LoadError::Timeout => {
                write!(f, "the feed did not arrive within {} seconds", FEED_TIMEOUT.as_secs())
            }
            LoadError::Feed(e) => write!(f, "the feed is unreadable: {e}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_time_limit_counts_from_the_loader_with_a_grace_for_late_code() {
        assert_eq!(time_left(0.0), FEED_TIMEOUT);
        assert_eq!(time_left(10_000.0), Duration::from_secs(5));
        assert_eq!(time_left(14_000.0), TAKEOVER_GRACE);
        assert_eq!(time_left(60_000.0), TAKEOVER_GRACE);
        assert_eq!(time_left(f64::INFINITY), TAKEOVER_GRACE);
        assert_eq!(time_left(f64::NAN), FEED_TIMEOUT);
        assert_eq!(time_left(-5.0), FEED_TIMEOUT);
    }

    #[test]
    fn only_failures_that_may_pass_are_retried() {
        for transient in [
            LoadError::Http(500),
            LoadError::Http(503),
            LoadError::Http(429),
            LoadError::Network,
            LoadError::Timeout,
        ] {
            assert!(transient.is_transient(), "{transient}");
        }
        let broken = LoadError::Feed(FeedError::NotAFeed("x"));
        for permanent in [LoadError::Http(404), LoadError::Http(403), LoadError::NoFeed, broken] {
            assert!(!permanent.is_transient(), "{permanent}");
        }
    }

    #[test]
    fn reasons_are_short_words_for_dashboards() {
        assert_eq!(LoadError::Http(404).reason(), "http-404");
        assert_eq!(LoadError::Feed(FeedError::NotAFeed("x")).reason(), "unreadable");
        assert_eq!(LoadError::BadFeedUrl("data:x".into()).reason(), "bad-feed-url");
        assert_eq!(LoadError::Network.reason(), "network");
    }

    #[test]
    fn messages_name_the_cause() {
        assert_eq!(LoadError::Http(404).to_string(), "the feed server answered HTTP 404");
        let json = LoadError::Feed(FeedError::Json { line: 3, column: 7, message: "expected value".into() });
        assert_eq!(
            json.to_string(),
            "the feed is unreadable: invalid JSON at line 3, column 7: expected value"
        );
        assert!(LoadError::Network.to_string().contains("Access-Control-Allow-Origin"));
        assert!(LoadError::Timeout.to_string().contains("15 seconds"));
    }
}
