//! Building the widget's DOM: elements, attributes and text nodes, never
//! HTML. A string from a feed can only ever become text or an attribute
//! value, so nothing in a feed can run (tests/no_html_injection.rs keeps it
//! that way).
//!
//! ```ignore
//! let title = el("h3").class("saman-title").part("title").text(&story.title).build();
//! ```

use web_sys::{Document, Element, Node};

thread_local! {
    /// The document the widget's elements are made in: the one the wasm
    /// runs in (the page, or the frame of embed.html).
    static DOCUMENT: Document = web_sys::window().and_then(|w| w.document()).expect("a document");
}

const SVG_NAMESPACE: &str = "http://www.w3.org/2000/svg";

/// An element under construction.
#[must_use]
pub struct El(Element);

/// Starts an HTML element.
pub fn el(tag: &str) -> El {
    El(made(DOCUMENT.with(|d| d.create_element(tag))))
}

/// Starts an SVG element.
pub fn svg(tag: &str) -> El {
    El(made(DOCUMENT.with(|d| d.create_element_ns(Some(SVG_NAMESPACE), tag))))
}

/// The element a document made; only an invalid tag name (none of ours)
/// makes it refuse.
fn made(element: Result<Element, wasm_bindgen::JsValue>) -> Element {
    match element {
        Ok(element) => element,
        Err(_) => panic!("the document refused to create an element"),
    }
}

impl El {
    /// Sets an attribute.
    pub fn attr(self, name: &str, value: &str) -> El {
        set_attribute(&self.0, name, value);
        self
    }

    /// Sets an attribute when there is a value.
    pub fn attr_some(self, name: &str, value: Option<&str>) -> El {
        match value {
            Some(value) => self.attr(name, value),
            None => self,
        }
    }

    /// Sets `class`.
    pub fn class(self, class: &str) -> El {
        self.attr("class", class)
    }

    /// Sets `part`, the name host pages style with `::part()`.
    pub fn part(self, part: &str) -> El {
        self.attr("part", part)
    }

    /// Appends a text node.
    pub fn text(self, text: &str) -> El {
        let node = DOCUMENT.with(|d| d.create_text_node(text));
        append(&self.0, &node);
        self
    }

    /// Appends a child.
    pub fn child(self, child: impl AsRef<Node>) -> El {
        append(&self.0, child.as_ref());
        self
    }

    /// Appends a child when there is one.
    pub fn child_some(self, child: Option<impl AsRef<Node>>) -> El {
        match child {
            Some(child) => self.child(child),
            None => self,
        }
    }

    /// The finished element.
    pub fn build(self) -> Element {
        self.0
    }
}

impl AsRef<Node> for El {
    fn as_ref(&self) -> &Node {
        &self.0
    }
}

/// Sets an attribute; setting one with a valid name cannot fail.
pub fn set_attribute(element: &Element, name: &str, value: &str) {
    let _ = element.set_attribute(name, value);
}

/// Appends `child` to `parent`.
pub fn append(parent: &Node, child: &Node) {
    let _ = parent.append_child(child);
}

/// Replaces the text of `element` (one text node; the same element stays,
/// so focus and screen-reader position stay on it).
pub fn set_text(element: &Element, text: &str) {
    element.set_text_content(Some(text));
}
