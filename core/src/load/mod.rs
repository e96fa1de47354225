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
pub(crate) mod receipt;
mod service;
mod vocabulary;

use check::{Checker, Problems};
pub(crate) use service::Provenance;
use service::{Context, load_one};

use crate::error::{LoadError, Problem};
use crate::facts::Vocabulary;
use crate::model::{Catalog, Document, Service};
use crate::support::lookup::Index;
use crate::support::wire::{self, Value};

impl Catalog {
    /// Reads and compiles a catalogue's files (see `Catalog::from_files`).
    pub(crate) fn load_files<'a>(
        version: &str,
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
        provenance: Provenance,
    ) -> Result<Catalog, LoadError> {
        let mut problems = Problems::default();
        let mut parsed = Vec::new();
        for (file, text) in files {
            match wire::parse_unlimited(text) {
                Ok(value) => parsed.push((file, value)),
                Err(detail) => problems.add(Problem::new(file, None, "", format!("JSON 格式错误：{detail}"))),
            }
        }
        let base = |file: &str| file.rsplit('/').next().unwrap_or(file).to_owned();
        let role = |file: &str, name: &str| base(file) == name;
        let (mut facts, mut derived, mut owners, mut documents) = (None, None, None, None);
        let mut services = Vec::new();
        for (file, value) in &parsed {
            let mut c = Checker { file: (*file).to_owned(), service: None, problems: &mut problems };
            if role(file, "facts.json") {
                if facts.is_some() {
                    c.report("", "目录中有多个 facts.json");
                } else if let Some(o) = c.object("", value, &["facts", "derived", "owners"]) {
                    facts = Some(((*file).to_owned(), o.get("facts")));
                    derived = o.get("derived");
                    owners = o.get("owners");
                }
            } else if role(file, "documents.json") {
                if documents.is_some() {
                    c.report("", "目录中有多个 documents.json");
                } else if let Some(o) = c.object("", value, &["documents"]) {
                    documents = Some(((*file).to_owned(), o.get("documents")));
                }
            } else {
                services.push((*file, value));
            }
        }
        let mut catalog =
            Catalog::assemble(version, facts, [derived, owners], documents, services, provenance, problems)?;
        let vocabulary = parsed.iter().find(|(f, _)| role(f, "facts.json")).map(|(_, v)| v);
        let registry = parsed.iter().find(|(f, _)| role(f, "documents.json")).map(|(_, v)| v);
        let member = |v: Option<&Value<'_>>, key: &str| -> Option<String> {
            let Some(Value::Object(members)) = v else { return None };
            let (_, value) = members.iter().find(|(k, _)| k == key)?;
            let mut text = String::new();
            crate::load::receipt::canonical(value, &mut text);
            Some(text)
        };
        catalog.hash = crate::load::receipt::hash(
            member(vocabulary, "facts").as_deref(),
            member(vocabulary, "derived").as_deref(),
            member(vocabulary, "owners").as_deref(),
            member(registry, "documents").as_deref(),
            parsed.iter().filter(|(f, _)| !role(f, "facts.json") && !role(f, "documents.json")).map(|(_, v)| v),
        );
        Ok(catalog)
    }

    /// Reads the vocabulary and the registry, then every service against
    /// them. `facts` and `documents` name the file each came from.
    fn assemble<'v, 'a: 'v>(
        version: &str,
        facts: Option<(String, Option<&'v Value<'a>>)>,
        [derived, owners]: [Option<&'v Value<'a>>; 2],
        documents: Option<(String, Option<&'v Value<'a>>)>,
        services: Vec<(&str, &'v Value<'a>)>,
        provenance: Provenance,
        mut problems: Problems,
    ) -> Result<Catalog, LoadError> {
        let vocabulary = match facts {
            Some((file, list)) => {
                let mut c = Checker { file, service: None, problems: &mut problems };
                c.vocabulary(list, derived, owners)
            }
            None => {
                problems.add(Problem::new("facts.json", None, "", "缺少事实词汇表 facts.json"));
                None
            }
        };
        let registry = match documents {
            Some((file, list)) => {
                let mut c = Checker { file, service: None, problems: &mut problems };
                c.documents(list)
            }
            None => {
                problems.add(Problem::new("documents.json", None, "", "缺少材料证件登记表 documents.json"));
                Vec::new()
            }
        };
        // Services cannot be type-checked without a vocabulary.
        let Some(vocabulary) = vocabulary else {
            return Err(LoadError { problems: problems.into_list() });
        };
        let mut loaded = Vec::new();
        let document_index = Index::new(registry.iter().map(|d| d.id.as_str()));
        let context = Context { vocabulary: &vocabulary, documents: &registry, document_index: &document_index };
        for (file, value) in services {
            load_one(file, value, &context, provenance, &mut problems, &mut loaded);
        }
        finish(version, vocabulary, registry, loaded, problems)
    }

    /// Reads and compiles a bundle (see `Catalog::from_bundle`).
    pub(crate) fn load_bundle(text: &str) -> Result<Catalog, LoadError> {
        let value = wire::parse_unlimited(text).map_err(|detail| LoadError {
            problems: vec![Problem::new("bundle", None, "", format!("JSON 格式错误：{detail}"))],
        })?;
        let mut problems = Problems::default();
        let mut c = Checker { file: "bundle".to_owned(), service: None, problems: &mut problems };
        let Some(bundle) = c.object("", &value, &["version", "facts", "derived", "owners", "documents", "services"])
        else {
            return Err(LoadError { problems: problems.into_list() });
        };
        let version = c.str(&bundle, "version");
        let items = c.items(&bundle, "services", true);
        let names: Vec<String> = (0..items.len()).map(|i| format!("bundle:services[{i}]")).collect();
        let services = names.iter().map(String::as_str).zip(items.iter()).collect();
        let (facts, derived, documents) = (bundle.get("facts"), bundle.get("derived"), bundle.get("documents"));
        let owners = bundle.get("owners");
        let mut catalog = Catalog::assemble(
            &version,
            Some(("bundle".to_owned(), facts)),
            [derived, owners],
            Some(("bundle".to_owned(), documents)),
            services,
            Provenance::Checked,
            problems,
        )?;
        let canonical = |v: Option<&Value<'_>>| {
            v.map(|v| {
                let mut text = String::new();
                crate::load::receipt::canonical(v, &mut text);
                text
            })
        };
        catalog.hash = crate::load::receipt::hash(
            canonical(facts).as_deref(),
            canonical(derived).as_deref(),
            canonical(owners).as_deref(),
            canonical(documents).as_deref(),
            items.iter(),
        );
        Ok(catalog)
    }
}

fn finish(
    version: &str,
    vocabulary: Vocabulary,
    documents: Vec<Document>,
    mut services: Vec<(String, Service)>,
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
    if problems.is_empty() {
        Ok(Catalog {
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
