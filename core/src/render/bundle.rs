//! The JSON form of a bundle's assessment and notice (SCHEMA.md, "Bundle").

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::eval::bundle::{BundleAssessment, BundleDefect, BundleNotice, MERGE_RULE, MergedItem, PartView};
use crate::facts::FactNames;
use crate::model::{Material, Requirement};
use crate::render::answer::{
    CaseJson, CitationJson, DeferredJson, PLEDGE_NOTE, Seq, ServiceRef, StandInJson, mechanism_fields, write_provenance,
};

impl BundleAssessment<'_> {
    /// The bundle's assessment as JSON (see `SCHEMA.md`).
    pub fn to_json(&self) -> String {
        crate::support::writer::to_string(self, 4096)
    }
}

impl BundleNotice<'_> {
    /// The bundle's notice as JSON (see `SCHEMA.md`).
    pub fn to_json(&self) -> String {
        crate::support::writer::to_string(self, 4096)
    }
}

/// The fields a bundle's assessment and notice share at the top.
fn header<M: SerializeMap>(map: &mut M, a: &BundleAssessment<'_>) -> Result<(), M::Error> {
    map.serialize_entry("catalog_version", a.catalog.version())?;
    map.serialize_entry("engine_version", crate::support::VERSION)?;
    map.serialize_entry("catalog_hash", a.catalog.content_hash())?;
    map.serialize_entry("bundle", &BundleRef(a))?;
    map.serialize_entry("application_date", &a.date)?;
    map.serialize_entry("eligibility", &Status(a.eligibility().name()))?;
    map.serialize_entry("services", &Seq(|| a.assessments.iter().map(ServiceJson)))
}

/// `{"status"}`: the bundle's eligibility, shaped as a service's is.
struct Status(&'static str);

impl Serialize for Status {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(1))?;
        map.serialize_entry("status", self.0)?;
        map.end()
    }
}

/// `{"id", "name", "decision"?, "services": [{"id", "name"}]}`: `id` and
/// `name` are null for a bundle the caller made.
struct BundleRef<'a, 'c>(&'a BundleAssessment<'c>);

impl Serialize for BundleRef<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let b = &self.0.bundle;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("id", &b.id)?;
        map.serialize_entry("name", &b.name)?;
        if let Some(d) = &b.decision {
            map.serialize_entry("decision", d)?;
        }
        map.serialize_entry("services", &Seq(|| self.0.assessments.iter().map(|a| ServiceRef(a.service))))?;
        map.end()
    }
}

/// One service of a bundle: what its own assessment says beside the
/// merged checklist.
struct ServiceJson<'a, 'c>(&'a crate::eval::Assessment<'c>);

impl Serialize for ServiceJson<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let a = self.0;
        let service = a.service;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("service", &ServiceRef(service))?;
        if !service.cases().is_empty() {
            map.serialize_entry("case", &a.case.map(CaseJson))?;
        }
        map.serialize_entry("eligibility", &crate::render::answer::EligibilityJson(a))?;
        map.serialize_entry("pending", &Seq(|| a.pending()))?;
        map.serialize_entry("missing_facts", &FactNames(a.missing, &service.vocabulary))?;
        map.serialize_entry("legal_basis", &Seq(|| service.legal_basis().iter().map(CitationJson)))?;
        map.end()
    }
}

/// A merged item: its material fields with the merged numbers (or its
/// options), then what may replace or postpone it, and its parts.
struct ItemJson<'a, 'c> {
    item: &'a MergedItem<'c>,
    assessment: &'a BundleAssessment<'c>,
    exempt: bool,
}

impl Serialize for ItemJson<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let item = self.item;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("id", &item.id())?;
        map.serialize_entry("name", item.name())?;
        match item.first.options.as_slice() {
            [m] => merged_fields(&mut map, item, m, self.assessment)?,
            options => {
                let service = item.service.id();
                map.serialize_entry("one_of", &Seq(|| options.iter().map(|m| OptionJson(service, m))))?;
            }
        }
        if let Some(days) = item.deferrable {
            map.serialize_entry("deferrable", &Days(days))?;
        }
        if item.pledge {
            map.serialize_entry("pledge", &Texts(item, self.assessment))?;
        }
        if self.exempt {
            if let Some((m, stand_in)) = item.first.options.iter().find_map(|m| m.stand_in.as_ref().map(|s| (m, s))) {
                map.serialize_entry("exempt", &StandInJson(m.document(), stand_in))?;
            }
        }
        map.serialize_entry("needed_by", &Seq(|| item.needed_by(self.assessment).map(PartJson)))?;
        map.end()
    }
}

/// A material's fields with the merged item's numbers, paper, stamps and notes.
fn merged_fields<M: SerializeMap>(
    map: &mut M,
    item: &MergedItem<'_>,
    m: &Material,
    a: &BundleAssessment<'_>,
) -> Result<(), M::Error> {
    map.serialize_entry("document", m.document())?;
    map.serialize_entry("owner", m.owner())?;
    map.serialize_entry("form", &item.form())?;
    map.serialize_entry("originals", &item.originals())?;
    map.serialize_entry("copies", &item.copies())?;
    if let Some(paper) = item.paper() {
        map.serialize_entry("paper", &paper)?;
    }
    if let Some(p) = m.photo() {
        map.serialize_entry("photo", &crate::render::answer::PhotoJson(p))?;
    }
    if let Some(file) = m.file() {
        map.serialize_entry("file", &crate::render::answer::FileJson(file))?;
    }
    let union = |pick: fn(&Material) -> &[String]| {
        let mut out: Vec<&str> = Vec::new();
        for part in item.needed_by(a) {
            for text in pick(&part.requirement().options()[0]) {
                if !out.contains(&text.as_str()) {
                    out.push(text);
                }
            }
        }
        out
    };
    let stamps = union(Material::stamps);
    if !stamps.is_empty() {
        map.serialize_entry("stamps", &stamps)?;
    }
    let notes = union(Material::notes);
    if !notes.is_empty() {
        map.serialize_entry("notes", &notes)?;
    }
    Ok(())
}

/// A `one_of` option, its id prefixed by its service: `service:material`.
struct OptionJson<'a>(&'a str, &'a Material);

impl Serialize for OptionJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("id", &format_args!("{}:{}", self.0, self.1.id()))?;
        map.serialize_entry("name", self.1.name())?;
        crate::render::answer::material_fields(&mut map, self.1)?;
        map.end()
    }
}

/// `{"days"}`.
struct Days(u16);

impl Serialize for Days {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(1))?;
        map.serialize_entry("days", &self.0)?;
        map.end()
    }
}

/// `{"texts": [the parts' distinct pledge texts]}`.
struct Texts<'a, 'c>(&'a MergedItem<'c>, &'a BundleAssessment<'c>);

impl Serialize for Texts<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut texts: Vec<&str> = Vec::new();
        for part in self.0.needed_by(self.1) {
            if let Some(p) = part.requirement().pledge() {
                if !texts.contains(&p.text()) {
                    texts.push(p.text());
                }
            }
        }
        let mut map = s.serialize_map(Some(1))?;
        map.serialize_entry("texts", &texts)?;
        map.end()
    }
}

/// One part: `{"service", "id", "name", "originals"?, "copies"?, "because",
/// "basis", "decision"?, "deferrable"?, "pledge"?}`.
struct PartJson<'a, 'c>(PartView<'a, 'c>);

impl Serialize for PartJson<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let part = self.0;
        let r: &Requirement = part.requirement();
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("service", part.service().id())?;
        map.serialize_entry("id", r.id())?;
        map.serialize_entry("name", r.name())?;
        if let [m] = r.options() {
            map.serialize_entry("originals", &m.originals())?;
            map.serialize_entry("copies", &m.copies())?;
        }
        map.serialize_entry("because", &Seq(|| part.because()))?;
        write_provenance(&mut map, r)?;
        mechanism_fields(&mut map, r)?;
        map.end()
    }
}

impl Serialize for BundleAssessment<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        header(&mut map, self)?;
        map.serialize_entry(
            "checklist",
            &Seq(|| self.items.iter().map(|item| ItemJson { item, assessment: self, exempt: false })),
        )?;
        if !self.exempt.is_empty() {
            map.serialize_entry(
                "exempt",
                &Seq(|| self.exempt.iter().map(|item| ItemJson { item, assessment: self, exempt: true })),
            )?;
        }
        map.serialize_entry("missing_facts", &FactNames(self.missing, &self.catalog.vocabulary))?;
        map.serialize_entry("merge_rule", MERGE_RULE)?;
        map.end()
    }
}

struct DefectJson<'a, 'c>(&'a BundleDefect<'c>, &'a BundleAssessment<'c>);

impl Serialize for DefectJson<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (d, a) = (self.0, self.1);
        let item = &a.items[d.item];
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("id", &d.id)?;
        map.serialize_entry("name", d.material.name())?;
        map.serialize_entry("item", &item.id())?;
        map.serialize_entry("problems", &d.problems)?;
        struct Required<'a, 'c>(&'a MergedItem<'c>, &'a Material, &'a BundleAssessment<'c>);
        impl Serialize for Required<'_, '_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut map = s.serialize_map(None)?;
                if self.0.first.options.len() == 1 {
                    merged_fields(&mut map, self.0, self.1, self.2)?;
                } else {
                    crate::render::answer::material_fields(&mut map, self.1)?;
                }
                map.end()
            }
        }
        map.serialize_entry("required", &Required(item, d.material, a))?;
        map.end()
    }
}

impl Serialize for BundleNotice<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let a = &self.assessment;
        let item = |i: usize| ItemJson { item: &a.items[i], assessment: a, exempt: false };
        let mut map = s.serialize_map(None)?;
        header(&mut map, a)?;
        map.serialize_entry("status", self.status.name())?;
        map.serialize_entry("missing", &Seq(|| self.missing.iter().map(|&i| item(i))))?;
        map.serialize_entry("defective", &Seq(|| self.defective.iter().map(|d| DefectJson(d, a))))?;
        if !self.deferred.is_empty() {
            let ids: Vec<String> = self.deferred.iter().map(|&(i, _)| a.items[i].id()).collect();
            map.serialize_entry(
                "deferred",
                &Seq(|| {
                    self.deferred.iter().zip(&ids).map(|(&(i, due), id)| {
                        let days = a.items[i].deferrable.unwrap_or(0);
                        DeferredDays(DeferredJson(id, a.items[i].name(), None, due), days)
                    })
                }),
            )?;
        }
        if !self.pledged.is_empty() {
            map.serialize_entry(
                "pledged",
                &Seq(|| self.pledged.iter().map(|&(i, m)| BundlePledged(&a.items[i], m, a))),
            )?;
        }
        if !a.exempt.is_empty() {
            map.serialize_entry(
                "exempt",
                &Seq(|| a.exempt.iter().map(|item| ItemJson { item, assessment: a, exempt: true })),
            )?;
        }
        map.serialize_entry("not_required", &Seq(|| self.not_required()))?;
        map.serialize_entry("missing_facts", &FactNames(a.missing, &a.catalog.vocabulary))?;
        map.serialize_entry("merge_rule", MERGE_RULE)?;
        map.end()
    }
}

/// A deferred merged item: `{"id", "name", "days", "due"}`, with the
/// merged item's days.
struct DeferredDays<'a>(DeferredJson<'a>, u16);

impl Serialize for DeferredDays<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(4))?;
        map.serialize_entry("id", self.0.0)?;
        map.serialize_entry("name", self.0.1)?;
        map.serialize_entry("days", &self.1)?;
        map.serialize_entry("due", &self.0.3)?;
        map.end()
    }
}

/// A pledged merged item: `{"id", "material", "name", "pledge": {"texts"}, "note"}`.
struct BundlePledged<'a, 'c>(&'a MergedItem<'c>, &'a Material, &'a BundleAssessment<'c>);

impl Serialize for BundlePledged<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(5))?;
        map.serialize_entry("id", &self.0.id())?;
        map.serialize_entry("material", self.1.id())?;
        map.serialize_entry("name", self.0.name())?;
        map.serialize_entry("pledge", &Texts(self.0, self.2))?;
        map.serialize_entry("note", PLEDGE_NOTE)?;
        map.end()
    }
}
