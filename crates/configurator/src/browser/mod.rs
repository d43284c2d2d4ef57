//! The page's dealings with the browser: fetching a feed, reading a file,
//! the page's address, the clipboard and today's date. Everything else is
//! plain logic in the crate's other modules.

pub mod clipboard;
pub mod feed_file;
pub mod fetch_feed;
pub mod page_address;

use story_feed::Date;

/// The visitor's calendar date.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    // The browser's calendar fields are always in range.
    Date { year: now.get_full_year() as u16, month: now.get_month() as u8 + 1, day: now.get_date() as u8 }
}
