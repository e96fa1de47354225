//! Rendering: answers as JSON ([`answer`] for the answer types, [`json`]
//! for the calls every binding makes), as the compact form the bindings
//! expand ([`compact`]), and as printable HTML documents ([`html`]). The
//! parts of answers that depend on the catalogue only are prepared once per
//! catalogue ([`prepare`]) and copied into each answer.

pub(crate) mod answer;
pub(crate) mod compact;
pub mod html;
pub mod json;
mod request;

use crate::model::Catalog;

/// Prepares every service's fixed JSON text; called once, when a catalogue
/// is built.
pub(crate) fn prepare(catalog: &mut Catalog) {
    for service in &mut catalog.services {
        service.prepare_json();
    }
}
