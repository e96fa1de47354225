//! Loading: reading a catalogue's files (or one bundle) and compiling them
//! into the model. Every problem in every file is found and reported at
//! once ([`LoadError`]); nothing half-loaded is ever returned.
//!
//! - [`check`]: the walker over JSON trees that collects problems;
//! - [`vocabulary`]: `facts.json` and `documents.json`;
//! - [`service`]: one service file, compiled against them;
//! - [`receipt`]: the content hash; [`embedded`]: the compiled-in files.

mod check;
pub(crate) mod embedded;
pub(crate) mod keys;
pub(crate) mod receipt;
mod service;
mod vocabulary;

use check::{Checker, Obj, Problems};
pub(crate) use service::Provenance;
use service::{Context, load_one};

use crate::error::{LoadError, Problem};
use crate::facts::Vocabulary;
use crate::model::{Bundle, Catalog, Document, MAX_BUNDLE, MIN_BUNDLE, Service};
use crate::support::lookup::Index;
use crate::support::wire::{self, Value};

/// Where the vocabulary or the registry is read from: the file's name, and
/// the object holding its members (`facts.json` and `documents.json`, or
/// the bundle itself).
type Source<'o, 'v, 'a> = Option<(String, &'o Obj<'v, 'a>)>;

impl Catalog {
    /// Reads and compiles a catalogue's files (see `Catalog::from_files`).
    /// `hash` is the content hash when it is already known (the embedded
    /// catalogue's, from build time); otherwise it is computed.
    pub(crate) fn load_files<'a>(
        version: &str,
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
        provenance: Provenance,
        hash: Option<&str>,
    ) -> Result<Catalog, LoadError> {
        let mut problems = Problems::default();
        let mut parsed = Vec::new();
        for (file, text) in files {
            match wire::parse_unlimited(text) {
                Ok(value) => parsed.push((file, value)),
                Err(detail) => problems.add(Problem::new(file, None, "", format!("JSON 格式错误：{detail}"))),
            }
        }
        let role = |file: &str| match file.rsplit('/').next().unwrap_or(file) {
            "facts.json" => Some(("facts.json", keys::FACTS_FILE)),
            "documents.json" => Some(("documents.json", keys::DOCUMENTS_FILE)),
            "bundles.json" => Some(("bundles.json", keys::BUNDLES_FILE)),
            _ => None,
        };
        let (mut vocabulary, mut registry, mut bundles) = (None, None, None);
        let mut services = Vec::new();
        for (file, value) in &parsed {
            let Some((name, keys)) = role(file) else {
                services.push((*file, value));
                continue;
            };
            let mut c = Checker::new(file, &mut problems);
            let slot = match name {
                "facts.json" => &mut vocabulary,
                "documents.json" => &mut registry,
                _ => &mut bundles,
            };
            if slot.is_some() {
                c.report("", format!("目录中有多个 {name}"));
            } else if let Some(o) = c.object("", value, keys) {
                *slot = Some(((*file).to_owned(), o));
            }
        }
        let vocabulary = vocabulary.as_ref().map(|(f, o)| (f.clone(), o));
        let registry = registry.as_ref().map(|(f, o)| (f.clone(), o));
        let bundles = bundles.as_ref().map(|(f, o)| (f.clone(), o));
        let sources = Sources { vocabulary, registry, bundles };
        Catalog::assemble(version, sources, services, provenance, hash, problems)
    }

    /// Reads and compiles a bundle (see `Catalog::from_bundle`).
    pub(crate) fn load_bundle(text: &str) -> Result<Catalog, LoadError> {
        let value = wire::parse_unlimited(text).map_err(|detail| LoadError {
            problems: vec![Problem::new("bundle", None, "", format!("JSON 格式错误：{detail}"))],
        })?;
        let mut problems = Problems::default();
        let mut c = Checker::new("bundle", &mut problems);
        let Some(bundle) = c.object("", &value, keys::BUNDLE) else {
            return Err(LoadError { problems: problems.into_list() });
        };
        let version = c.str(&bundle, "version");
        let items = c.items(&bundle, "services", true);
        let names: Vec<String> = (0..items.len()).map(|i| format!("bundle:services[{i}]")).collect();
        let services = names.iter().map(String::as_str).zip(items.iter()).collect();
        let source = Some(("bundle".to_owned(), &bundle));
        let sources = Sources { vocabulary: source.clone(), registry: source.clone(), bundles: source };
        Catalog::assemble(&version, sources, services, Provenance::Checked, None, problems)
    }

    /// Reads the vocabulary and the registry, then every service against
    /// them, and hashes what was read.
    fn assemble(
        version: &str,
        Sources { vocabulary, registry, bundles }: Sources<'_, '_, '_>,
        services: Vec<(&str, &Value<'_>)>,
        provenance: Provenance,
        known_hash: Option<&str>,
        mut problems: Problems,
    ) -> Result<Catalog, LoadError> {
        let words = match &vocabulary {
            Some((file, o)) => Checker::new(file, &mut problems).vocabulary(o),
            None => {
                Checker::new("facts.json", &mut problems).report("", "缺少事实词汇表 facts.json");
                None
            }
        };
        let documents = match &registry {
            Some((file, o)) => Checker::new(file, &mut problems).documents(o, provenance == Provenance::Checked),
            None => {
                Checker::new("documents.json", &mut problems).report("", "缺少材料证件登记表 documents.json");
                Vec::new()
            }
        };
        // Services cannot be type-checked without a vocabulary.
        let Some(words) = words else {
            return Err(LoadError { problems: problems.into_list() });
        };
        let mut loaded = Vec::new();
        let document_index = Index::new(documents.iter().map(|d| d.id.as_str()));
        let context = Context { vocabulary: &words, documents: &documents, document_index: &document_index };
        for &(file, value) in &services {
            load_one(file, value, &context, provenance, &mut problems, &mut loaded);
        }
        let hash = match known_hash {
            Some(hash) => hash.to_owned(),
            None => {
                let member = |source: &Source<'_, '_, '_>, key: &str| {
                    let value = source.as_ref()?.1.get(key)?;
                    let mut text = String::new();
                    receipt::canonical(value, &mut text);
                    Some(text)
                };
                receipt::hash(
                    member(&vocabulary, "facts").as_deref(),
                    member(&vocabulary, "derived").as_deref(),
                    member(&vocabulary, "owners").as_deref(),
                    member(&registry, "documents").as_deref(),
                    // An empty list declares no bundle, and hashes as none.
                    member(&bundles, "bundles").filter(|text| text != "[]").as_deref(),
                    services.iter().map(|&(_, value)| value),
                )
            }
        };
        let raw_bundles = match &bundles {
            Some((file, o)) if o.get("bundles").is_some() => {
                Checker::new(file, &mut problems).bundles(o, provenance == Provenance::Checked)
            }
            // Optional in a one-file catalogue; the whole point of bundles.json.
            Some((file, _)) if file != "bundle" => {
                Checker::new(file, &mut problems).report("bundles", "缺少此字段");
                Vec::new()
            }
            _ => Vec::new(),
        };
        // A bundle naming a service that failed to load is that service's
        // problem, already reported: not a second one.
        let loaded_ids = Index::new(loaded.iter().map(|(_, s)| s.id.as_str()));
        let mut failed: Vec<String> = services
            .iter()
            .filter_map(|(_, v)| v.str_member("id"))
            .filter(|id| loaded_ids.first(id).is_none())
            .map(str::to_owned)
            .collect();
        failed.sort_unstable();
        let mut catalog = finish(version, words, documents, loaded, raw_bundles, &failed, problems)?;
        catalog.hash = hash;
        Ok(catalog)
    }
}

/// Where each part of a catalogue is read from.
struct Sources<'o, 'v, 'a> {
    vocabulary: Source<'o, 'v, 'a>,
    registry: Source<'o, 'v, 'a>,
    bundles: Source<'o, 'v, 'a>,
}

/// A declared bundle of services as read, before its services are resolved.
struct RawBundle {
    file: String,
    path: String,
    id: String,
    name: String,
    services: Vec<String>,
    decision: Option<String>,
}

impl Checker<'_> {
    /// Reads the declared bundles of services (`bundles.json`, or a bundle's
    /// `bundles`).
    fn bundles(&mut self, o: &Obj<'_, '_>, checked: bool) -> Vec<RawBundle> {
        let items = self.items(o, "bundles", true);
        let ids = items.iter().map(|v| v.str_member("id").unwrap_or_default());
        let repeats = Index::new(ids).repeats();
        let mut out = Vec::with_capacity(items.len());
        for (i, v) in items.iter().enumerate() {
            let path = format!("bundles[{i}]");
            let Some((b, decision)) = self.sourced(&path, v, keys::SERVICE_BUNDLE, "一件事（bundle）", checked)
            else {
                continue;
            };
            let id = self.str(&b, "id");
            self.id(check::At(&path, "id"), &id, repeats[i]);
            let name = self.text(&b, "name");
            let services = self.strings(&b, "services");
            if b.get("services").is_none() {
                self.report(b.field("services"), "缺少此字段");
            }
            out.push(RawBundle { file: self.file.clone(), path, id, name, services, decision });
        }
        out
    }
}

fn finish(
    version: &str,
    vocabulary: Vocabulary,
    documents: Vec<Document>,
    mut services: Vec<(String, Service)>,
    raw_bundles: Vec<RawBundle>,
    failed: &[String],
    problems: Problems,
) -> Result<Catalog, LoadError> {
    let mut problems = problems.into_list();
    if version.trim().is_empty() {
        problems.push(Problem::new("", None, "version", "目录版本号不能为空"));
    }
    services.sort_by_key(|(_, s)| sort_key(&s.id));
    for pair in services.windows(2) {
        if pair[0].1.id == pair[1].1.id {
            problems.push(Problem::new(
                &pair[1].0,
                Some(&pair[1].1.id),
                "id",
                format!("事项序号“{}”与 {} 重复", pair[1].1.id, pair[0].0),
            ));
        }
    }
    if services.is_empty() && problems.is_empty() {
        problems.push(Problem::new("", None, "", "目录中没有任何事项"));
    }
    let mut bundles = Vec::with_capacity(raw_bundles.len());
    let by_id = Index::new(services.iter().map(|(_, s)| s.id.as_str()));
    for raw in raw_bundles {
        let mut report =
            |message: String| problems.push(Problem::new(&raw.file, None, &format!("{}.services", raw.path), message));
        if !(MIN_BUNDLE..=MAX_BUNDLE).contains(&raw.services.len()) {
            // Not resolved: a hostile list of a million services costs one problem, not a million.
            report(format!("一件事应包含 {MIN_BUNDLE} 至 {MAX_BUNDLE} 个事项，实为 {} 个", raw.services.len()));
            continue;
        }
        let mut indices: Vec<usize> = Vec::with_capacity(raw.services.len());
        for id in &raw.services {
            match by_id.first(id) {
                Some(i) if indices.contains(&i) => report(format!("事项“{id}”重复")),
                Some(i) => indices.push(i),
                None if failed.binary_search(id).is_ok() => {}
                None => {
                    let hint = crate::support::suggest::nearest(id, services.iter().map(|(_, s)| s.id.as_str()))
                        .map(|s| format!("，是否应为“{s}”？"))
                        .unwrap_or_default();
                    report(format!("目录中没有序号为“{id}”的事项{hint}"));
                }
            }
        }
        let ids = indices.iter().map(|&i| services[i].1.id.clone()).collect();
        bundles.push(Bundle { id: Some(raw.id), name: Some(raw.name), services: indices, ids, decision: raw.decision });
    }
    if problems.is_empty() {
        Ok(Catalog {
            bundles,
            version: version.to_owned(),
            hash: String::new(),
            vocabulary,
            documents,
            services: services.into_iter().map(|(_, s)| s).collect(),
        })
    } else {
        Err(LoadError { problems })
    }
}

/// Orders "2.1" before "10.1".
fn sort_key(id: &str) -> (u32, u32) {
    let mut parts = id.split('.').map(|p| p.parse().unwrap_or(u32::MAX));
    (parts.next().unwrap_or(u32::MAX), parts.next().unwrap_or(u32::MAX))
}
