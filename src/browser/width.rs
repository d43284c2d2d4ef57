//! An element's width in its own `em`, the unit the carousel's breakpoints
//! are written in (so they follow the visitor's text size).

use web_sys::Element;

/// The content width of `element` divided by its computed font size (16 px
/// when the browser does not say).
pub fn width_in_em(element: &Element) -> f64 {
    let font_px = web_sys::window()
        .and_then(|w| w.get_computed_style(element).ok().flatten())
        .and_then(|style| style.get_property_value("font-size").ok())
        .map(|size| js_sys::parse_float(&size))
        // Not NaN, and not zero.
        .filter(|px| *px > 0.0)
        .unwrap_or(16.0);
    f64::from(element.client_width()) / font_px
}
