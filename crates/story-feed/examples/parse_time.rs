//! How long `Feed::parse` takes on a feed file, natively:
//!
//! ```sh
//! node -e "import('./bench/feeds.mjs').then(m => require('fs').writeFileSync('/tmp/feed.json', m.feedJson(5000)))"
//! cargo run --release -p story-feed --example parse_time -- /tmp/feed.json
//! ```
//!
//! Prints the fastest and the median of 20 parses, and what came out.

use std::time::{Duration, Instant};

use story_feed::Feed;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: parse_time FEED.json");
        std::process::exit(2);
    };
    let json = match std::fs::read(&path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(2);
        }
    };
    let mut times: Vec<Duration> = Vec::new();
    let mut result = None;
    for _ in 0..20 {
        let start = Instant::now();
        let feed = Feed::parse(&json, "https://kommune.example/feed.json");
        times.push(start.elapsed());
        result = Some(feed);
    }
    times.sort();
    match result {
        Some(Ok(feed)) => println!(
            "{path}: {} bytes, {} stories, {} skipped; fastest {:.1} ms, median {:.1} ms",
            json.len(),
            feed.stories.len(),
            feed.skipped.len(),
            times[0].as_secs_f64() * 1e3,
            times[times.len() / 2].as_secs_f64() * 1e3
        ),
        Some(Err(e)) => println!("{path}: {e}"),
        None => {}
    }
}
