//! Reading a feed file the webmaster chose or dropped.

use wasm_bindgen_futures::JsFuture;

use crate::load_failure::{LoadFailure, MAX_FILE_BYTES};

/// The text of `file`.
pub async fn read_text(file: &web_sys::File) -> Result<String, LoadFailure> {
    if file.size() > MAX_FILE_BYTES {
        return Err(LoadFailure::FileTooLarge);
    }
    let text = JsFuture::from(file.text()).await.map_err(|_| LoadFailure::FileUnreadable)?;
    text.as_string().ok_or(LoadFailure::FileUnreadable)
}
