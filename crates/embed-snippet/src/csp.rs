//! The Content-Security-Policy sources a page needs for the widget.
//!
//! A page with a strict policy must allow the widget's origin for its
//! scripts (and `'wasm-unsafe-eval'` to compile the WebAssembly), for its
//! stylesheet, and for its requests; the feed's origin for the feed request;
//! and the origins of the pictures. A page that frames `embed.html` needs
//! only `frame-src` for the widget's origin.

/// Directives and their sources, in the order a page writes them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CspSources {
    directives: Vec<(&'static str, Vec<String>)>,
}

impl CspSources {
    /// Adds `sources` to `directive`, each source once.
    pub fn add(&mut self, directive: &'static str, sources: impl IntoIterator<Item = String>) {
        let index = match self.directives.iter().position(|(name, _)| *name == directive) {
            Some(index) => index,
            None => {
                self.directives.push((directive, Vec::new()));
                self.directives.len() - 1
            }
        };
        let list = &mut self.directives[index].1;
        for source in sources {
            if !list.contains(&source) {
                list.push(source);
            }
        }
    }

    /// The directives and their sources.
    pub fn directives(&self) -> &[(&'static str, Vec<String>)] {
        &self.directives
    }

    /// As a header value: `script-src a 'wasm-unsafe-eval'; style-src a; …`.
    pub fn header_value(&self) -> String {
        self.directives
            .iter()
            .map(|(name, sources)| format!("{name} {}", sources.join(" ")))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// One directive a line, names padded to one width, as the README
    /// shows them.
    pub fn lines(&self) -> String {
        let width = self.directives.iter().map(|(name, _)| name.len()).max().unwrap_or(0);
        self.directives
            .iter()
            .map(|(name, sources)| format!("{name:width$} {}", sources.join(" ")))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_kept_once_in_order() {
        let mut csp = CspSources::default();
        csp.add("script-src", ["https://w.example".to_owned(), "'wasm-unsafe-eval'".to_owned()]);
        csp.add("connect-src", ["https://w.example".to_owned(), "https://w.example".to_owned()]);
        csp.add("connect-src", ["https://f.example".to_owned()]);
        assert_eq!(
            csp.header_value(),
            "script-src https://w.example 'wasm-unsafe-eval'; connect-src https://w.example https://f.example"
        );
        assert_eq!(
            csp.lines(),
            "script-src  https://w.example 'wasm-unsafe-eval'\nconnect-src https://w.example https://f.example"
        );
    }
}
