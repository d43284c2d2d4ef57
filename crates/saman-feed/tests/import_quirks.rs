//! `import` on what real feeds do: each quirk of the real-world corpus (see
//! `realworld_corpus.rs`) in a small fixture of our own, so that the
//! guarantees hold in every run, with or without that corpus.

mod common;

use std::fs;

use common::*;
use saman_feed::import::{convert, Imported};
use saman_feed::json_feed::JsonItem;
use story_feed::Audience;

fn import(bytes: &[u8]) -> Imported {
    convert(bytes, None, Audience::Residents).unwrap_or_else(|e| panic!("not imported: {e}"))
}

fn rss(items: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>
<title>Fjordvik kommune</title><link>https://fjordvik.kommune.example/</link>
{items}
</channel></rss>"#
    )
}

fn only_item(imported: &Imported) -> &JsonItem {
    assert_eq!(imported.feed.items.len(), 1, "{:#?}", imported.feed.items);
    &imported.feed.items[0]
}

#[test]
fn html_entities_that_xml_does_not_define_are_read() {
    // No declaration, and `&nbsp;` / `&aring;` as a CMS's HTML templates write them.
    let feed = r#"<rss version="2.0"><channel><title>Nytt&nbsp;fr&aring; kommunen</title>
<item><title>Ny&nbsp;bru</title><link>https://k.example/bru</link><description>Opnar i mai.</description></item>
</channel></rss>"#;
    let imported = import(feed.as_bytes());
    assert_eq!(only_item(&imported).title.as_deref(), Some("Ny bru"));
    assert_eq!(imported.feed.title, "Nytt frå kommunen");
}

#[test]
fn a_truncated_file_is_a_clear_error() {
    let whole = rss("<item><title>A</title><link>https://k.example/a</link></item>");
    let cut = &whole[..whole.find("<item>").unwrap() + 10];
    let error = convert(cut.as_bytes(), None, Audience::Residents).unwrap_err();
    assert!(error.starts_with("not an RSS or Atom feed: "), "{error}");
    assert!(!error.contains('\n'), "one line: {error}");
}

#[test]
fn a_blank_line_before_the_xml_declaration_is_tolerated() {
    let feed = format!("\n\r\n  {}", rss("<item><title>A</title><link>https://k.example/a</link></item>"));
    assert_eq!(only_item(&import(feed.as_bytes())).title.as_deref(), Some("A"));
}

#[test]
fn iso_8859_1_is_decoded() {
    let mut feed = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss version=\"2.0\"><channel><title>Nytt</title><item><title>".to_vec();
    feed.extend_from_slice(b"Bl\xe5b\xe6r p\xe5 \xd8rnes");
    feed.extend_from_slice(b"</title><link>https://k.example/a</link></item></channel></rss>");
    assert_eq!(only_item(&import(&feed)).title.as_deref(), Some("Blåbær på Ørnes"));
}

#[test]
fn gb2312_is_decoded() {
    let mut feed =
        b"<?xml version=\"1.0\" encoding=\"gb2312\"?><rss version=\"2.0\"><channel><title>x</title><item><title>"
            .to_vec();
    feed.extend_from_slice(b"\xc4\xe3\xba\xc3 \xd0\xc2\xce\xc5"); // 你好 新闻
    feed.extend_from_slice(b"</title><link>https://k.example/a</link></item></channel></rss>");
    assert_eq!(only_item(&import(&feed)).title.as_deref(), Some("你好 新闻"));
}

#[test]
fn a_byte_order_mark_is_skipped_in_xml_and_json() {
    let mut xml = b"\xEF\xBB\xBF".to_vec();
    xml.extend_from_slice(rss("<item><title>A</title><link>https://k.example/a</link></item>").as_bytes());
    assert_eq!(only_item(&import(&xml)).title.as_deref(), Some("A"));
    let mut json = b"\xEF\xBB\xBF".to_vec();
    json.extend_from_slice(br#"{"version": "https://jsonfeed.org/version/1", "title": "x", "items": [{"id": "1", "content_text": "Hei"}]}"#);
    assert_eq!(only_item(&import(&json)).id, "1");
}

#[test]
fn an_atom_file_named_rss_is_read_as_atom() {
    let dir = tempfile::tempdir().unwrap();
    let misnamed = dir.path().join("nyheiter.rss");
    fs::copy(fixture("atom.xml"), &misnamed).unwrap();
    let output = run(&["import", arg(&misnamed)]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let feed: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(feed["items"][0]["title"], "Ny lønnsløsning fra januar");
}

#[test]
fn xml_base_resolves_relative_pictures_and_links() {
    let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://k.example/">
  <title>Nytt</title><id>https://k.example/feed</id><updated>2026-10-14T09:00:00Z</updated>
  <entry>
    <title>Brua</title><id>urn:k:1</id><updated>2026-10-14T09:00:00Z</updated>
    <link href="nytt/brua"/>
    <content type="html" xml:base="https://k.example/nytt/brua/"><![CDATA[<p><img src="bilete/bru.jpg" alt="Brua i sol"></p>]]></content>
  </entry>
</feed>"#;
    let item = only_item(&import(atom.as_bytes())).clone();
    assert_eq!(item.url.as_deref(), Some("https://k.example/nytt/brua"));
    assert_eq!(item.image.as_deref(), Some("https://k.example/nytt/brua/bilete/bru.jpg"));
    assert_eq!(item.saman.image_alt.as_deref(), Some("Brua i sol"));
    assert!(item.content_html.unwrap().contains("src=\"https://k.example/nytt/brua/bilete/bru.jpg\""));
}

#[test]
fn media_content_gives_the_picture_and_media_title_its_alt_text() {
    let feed = rss(r#"<item><title>Ny barnehage</title><link>https://k.example/bhg</link>
<media:content url="https://k.example/bhg.jpg" medium="image" type="image/jpeg" width="1200" height="675">
<media:title>Born leikar i sandkassa</media:title></media:content></item>"#);
    let imported = import(feed.as_bytes());
    let item = only_item(&imported);
    assert_eq!(item.image.as_deref(), Some("https://k.example/bhg.jpg"));
    assert_eq!(item.saman.image_alt.as_deref(), Some("Born leikar i sandkassa"));
    assert!(imported.notes.is_empty(), "{:?}", imported.notes);
}

#[test]
fn items_without_dates_are_kept_without_one() {
    let imported =
        import(rss("<item><title>Udatert</title><link>https://k.example/u</link></item>").as_bytes());
    assert_eq!(only_item(&imported).date_published, None);
    assert!(imported.notes.is_empty(), "{:?}", imported.notes);
}

#[test]
fn untitled_items_are_kept_without_a_title_and_empty_ones_left_out() {
    // RSS 0.92: every element of an item is optional.
    let feed = r#"<?xml version="1.0"?><rss version="0.92"><channel><title>Logg</title><link>https://k.example/</link>
<item><description>Brannøvinga på rådhuset er &lt;b&gt;ferdig&lt;/b&gt;.</description><link>https://k.example/1</link></item>
<item><link>https://k.example/2</link></item>
<item><title>Med tittel</title><link>https://k.example/3</link></item>
</channel></rss>"#;
    let imported = import(feed.as_bytes());
    let items = &imported.feed.items;
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].title, None);
    assert_eq!(items[0].content_text, "Brannøvinga på rådhuset er ferdig.");
    assert_eq!(items[1].title.as_deref(), Some("Med tittel"));
    assert_eq!(imported.notes, ["item 2 left out: it has neither a title nor any text"]);
    // No "title" at all in the JSON, not an empty one: the widget's rule applies.
    let json = saman_feed::json_feed::to_json(&imported.feed);
    assert_eq!(json.matches("\"title\"").count(), 2, "{json}");
}

#[test]
fn one_guid_on_every_item_gives_way_to_the_links_with_one_warning() {
    let items: String = (1..=4)
        .map(|n| {
            format!("<item><title>Sak {n}</title><link>https://avis.example/sak/{n}</link><guid isPermaLink=\"false\">https://avis.example/</guid></item>")
        })
        .collect();
    let imported = import(rss(&items).as_bytes());
    let ids: Vec<&str> = imported.feed.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "https://avis.example/sak/1",
            "https://avis.example/sak/2",
            "https://avis.example/sak/3",
            "https://avis.example/sak/4"
        ]
    );
    assert_eq!(imported.notes.len(), 1, "{:?}", imported.notes);
    assert!(
        imported.notes[0].starts_with("4 items share one id (\"https://avis.example/\")"),
        "{:?}",
        imported.notes
    );
}

#[test]
fn json_feed_from_another_system_keeps_ids_and_dates() {
    let json = r#"{
      "version": "http://jsonfeed.org/version/1",
      "title": "Blogg &#8211; Fjordvik",
      "home_page_url": "https://k.example/",
      "items": [
        {"id": "post-1", "title": "A", "content_html": "<p>Hei</p>", "date_published": "2026-10-14T09:00:00-07:00", "tags": "skule,helse"},
        {"id": 2, "content_text": "Eit innlegg utan tittel.", "date_published": "2026-10-13T08:00"},
        {"url": "https://k.example/3", "title": "Utan id", "content_text": "x", "date_published": "Fri, 09 Oct 2026 12:17:58 -0700"}
      ]
    }"#;
    let imported = import(json.as_bytes());
    let items = &imported.feed.items;
    assert_eq!(imported.feed.title, "Blogg – Fjordvik");
    let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["post-1", "2", "https://k.example/3"]);
    assert_eq!(items[0].date_published.as_deref(), Some("2026-10-14T09:00:00-07:00"));
    assert_eq!(items[0].tags, ["skule", "helse"]);
    assert_eq!(items[1].title, None);
    assert_eq!(items[1].date_published.as_deref(), Some("2026-10-13T08:00:00+02:00"));
    assert_eq!(items[2].date_published.as_deref(), Some("2026-10-09T12:17:58-07:00"));
    assert_eq!(
        imported.notes,
        [
            "1 date has no time zone (like \"2026-10-13T08:00\"): read as Norwegian time",
            "1 item has no id: its link is its id"
        ]
    );
}

#[test]
fn json_that_is_not_a_json_feed_is_a_clear_error() {
    let rss_as_json = r#"{"rss": {"version": "2.0", "channel": {"title": "Scripting News", "item": []}}}"#;
    let error = convert(rss_as_json.as_bytes(), None, Audience::Residents).unwrap_err();
    assert_eq!(error, "not a JSON Feed: it has no \"items\" array");
    let cut =
        r#"{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", "content_text": "Heile"#;
    let error = convert(cut.as_bytes(), None, Audience::Residents).unwrap_err();
    assert!(error.starts_with("not a JSON Feed: the JSON is broken: EOF"), "{error}");
}

#[test]
fn json_feed_imports_from_the_command_line_and_says_so_in_help() {
    let help = stdout(&run(&["import", "--help"]));
    assert!(help.contains("JSON Feed"), "{help}");
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("feed.json");
    fs::write(&source, r#"{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": [{"id": "a", "title": "A", "content_text": "x"}]}"#).unwrap();
    let output = run(&["import", arg(&source), "--audience", "colleagues"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let feed: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(feed["items"][0]["id"], "a");
    assert_eq!(feed["items"][0]["_saman"]["audience"], "colleagues");
}
