//! Rendering: answers as JSON ([`answer`] for the answer types, [`json`]
//! for the calls every binding makes; [`bundle`] for bundles of services),
//! as the compact form the bindings
//! expand ([`compact`]), as printable HTML documents ([`html`]) and as plain
//! Chinese text ([`text`]); the two share what a document says
//! ([`document`]) and differ only in layout. A catalogue's facts and ids
//! are also written as TypeScript declarations ([`typescript`]). The parts of answers that
//! depend on the catalogue only are prepared once per catalogue
//! ([`prepare`]) and copied into each answer.

pub(crate) mod answer;
mod bundle;
pub(crate) mod compact;
mod document;
pub mod html;
pub mod json;
mod request;
pub mod text;
pub mod typescript;

use crate::model::Catalog;

/// Prepares every service's fixed JSON text; called once, when a catalogue
/// is built.
pub(crate) fn prepare(catalog: &mut Catalog) {
    for service in &mut catalog.services {
        service.prepare_json(&catalog.version, &catalog.hash);
    }
}
