//! The page's WebAssembly (a bin target, so it is built with LTO): shows
//! the configurator in `configure.html`.

fn main() {
    saman_configurator::start();
}
