//! The JSON form of answers (SCHEMA.md): `Serialize` for every answer
//! type, and the faster `to_json` that copies the text each catalogue
//! prepared at load. A property test checks that both agree.

use serde::Serialize;
use serde::ser::{SerializeMap, SerializeSeq, Serializer};

use crate::condition::Reason;
use crate::eval::{Assessment, ChecklistItem, Defect, ExemptItem, Notice, PendingItem, RuleOutcome, Shortfall};
use crate::facts::FactNames;
use crate::model::{
    Case, Citation, EligibilityRule, Material, PreparedRequirement, PreparedService, Requirement, Service,
};
use crate::support::writer::Writer;

impl<'c> Assessment<'c> {
    /// The assessment as JSON (see `SCHEMA.md`): the same text as its
    /// `Serialize` impl gives, written faster from fragments the catalogue
    /// prepared at load.
    pub fn to_json(&self) -> String {
        let mut w = Writer::with_capacity(self.service.json.size + 64 * self.reasons.len());
        self.write_header(&mut w);
        w.raw(",\"checklist\":");
        write_items(&mut w, self, 0..self.items.len());
        if !self.exempt.is_empty() {
            w.raw(",\"exempt\":");
            w.value(&Seq(|| self.exempt()));
        }
        w.raw(",\"pending\":");
        w.value(&Seq(|| self.pending()));
        w.raw(",\"missing_facts\":");
        w.value(&FactNames(self.missing, &self.service.vocabulary));
        w.raw(",");
        w.raw(&self.service.json.assessment_tail);
        w.raw("}");
        w.finish()
    }

    /// Writes `{` and the fields an assessment and a notice share at the top.
    pub(crate) fn write_header(&self, w: &mut Writer) {
        let json = &self.service.json;
        if self.catalog_version == json.version && self.catalog_hash == json.hash {
            w.raw(&json.header);
        } else {
            write_opening(w, self.catalog_version, self.catalog_hash, &json.service);
        }
        w.date(self.date);
        self.write_case_and_eligibility(w);
    }

    /// Writes `,"case"` (for services split into cases) and `,"eligibility":{…}`.
    pub(crate) fn write_case_and_eligibility(&self, w: &mut Writer) {
        if !self.service.cases().is_empty() {
            w.raw(",\"case\":");
            w.value(&self.case.map(CaseJson));
        }
        // A status's name is an identifier of banshi's own: no escape.
        let status = self.eligibility.name();
        debug_assert!(status.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{status}");
        w.raw(",\"eligibility\":{\"status\":\"");
        w.raw(status);
        w.raw("\",\"rules\":[");
        for (n, rule) in self.rules().enumerate() {
            w.raw(if n == 0 { "{" } else { ",{" });
            w.raw(&rule.rule.json.head);
            w.raw(match rule.met {
                Some(true) => ",\"met\":true,\"because\":",
                Some(false) => ",\"met\":false,\"because\":",
                None => ",\"met\":null,\"because\":",
            });
            write_phrases(w, rule.because);
            w.raw(",");
            w.raw(&rule.rule.json.tail);
            w.raw("}");
        }
        w.raw("],\"missing_facts\":");
        w.value(&FactNames(self.rules_missing, &self.service.vocabulary));
        w.raw("}");
    }
}

/// An answer's fields before the application date's value, as a
/// service prepares them for its own catalogue's version and hash.
fn write_opening(w: &mut Writer, version: &str, hash: &str, service: &str) {
    w.raw("{\"catalog_version\":");
    w.str(version);
    w.raw(",\"engine_version\":");
    w.str(crate::support::VERSION);
    w.raw(",\"catalog_hash\":");
    w.str(hash);
    w.raw(",\"service\":");
    w.raw(service);
    w.raw(",\"application_date\":");
}

/// `[…]` of reasons' phrases, as `Phrases` serialises them.
pub(crate) fn write_phrases(w: &mut Writer, reasons: &[Reason<'_>]) {
    w.raw("[");
    for (n, reason) in reasons.iter().enumerate() {
        if n > 0 {
            w.raw(",");
        }
        if let Some(json) = reason.json() {
            w.raw(json);
            continue;
        }
        match (reason.as_str(), reason.count_parts()) {
            (Some(text), _) => w.str(text),
            (None, Some((subject, word, n, unit))) => w.str_with_number([subject, word], n, unit),
            (None, None) => w.value(reason),
        }
    }
    w.raw("]");
}

impl<'c> Notice<'c> {
    /// The notice as JSON (see `SCHEMA.md`): the same text as its
    /// `Serialize` impl gives, written faster from prepared fragments.
    pub fn to_json(&self) -> String {
        let a = &self.assessment;
        let mut w = Writer::with_capacity(a.service.json.size + 64 * a.reasons.len());
        a.write_header(&mut w);
        w.raw(",\"status\":");
        w.str(self.status.name());
        w.raw(",\"missing\":");
        write_items(&mut w, a, self.missing.iter().copied());
        w.raw(",\"defective\":");
        w.value(&self.defective);
        self.write_mechanisms(&mut w);
        w.raw(",\"not_required\":");
        w.value(&Seq(|| self.not_required().map(Material::id)));
        w.raw(",\"pending\":");
        w.value(&Seq(|| a.pending()));
        w.raw(",\"missing_facts\":");
        w.value(&FactNames(a.missing, &a.service.vocabulary));
        w.raw(",");
        w.raw(&a.service.json.notice_tail);
        w.raw("}");
        w.finish()
    }
}

impl Notice<'_> {
    /// `deferred`, `pledged` and `exempt`, each only when not empty.
    fn write_mechanisms(&self, w: &mut Writer) {
        if !self.deferred.is_empty() {
            w.raw(",\"deferred\":");
            w.value(&Seq(|| {
                self.deferred().map(|(r, due)| DeferredJson(r.id(), r.name(), r.deferrable.as_ref(), due))
            }));
        }
        if !self.pledged.is_empty() {
            w.raw(",\"pledged\":");
            w.value(&Seq(|| self.pledged().map(|(r, m)| PledgedJson(r, m))));
        }
        if !self.assessment.exempt.is_empty() {
            w.raw(",\"exempt\":");
            w.value(&Seq(|| self.assessment.exempt()));
        }
    }
}

/// What a notice says of a pledged material: pledged, not proven.
pub(crate) const PLEDGE_NOTE: &str = "以告知承诺书代替，所承诺事项尚未核验，须事后核查";

/// A deferred item: `{"id", "name", "days", "due", "decision"?}`.
pub(crate) struct DeferredJson<'a>(
    pub(crate) &'a str,
    pub(crate) &'a str,
    pub(crate) Option<&'a crate::model::Deferral>,
    pub(crate) crate::support::date::Date,
);

impl Serialize for DeferredJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("id", self.0)?;
        map.serialize_entry("name", self.1)?;
        map.serialize_entry("days", &self.2.map_or(0, |d| d.days))?;
        map.serialize_entry("due", &self.3)?;
        if let Some(d) = self.2.and_then(|d| d.decision.as_deref()) {
            map.serialize_entry("decision", d)?;
        }
        map.end()
    }
}

/// A pledged requirement: `{"id", "material", "name", "text", "note", "decision"?}`.
struct PledgedJson<'a>(&'a Requirement, &'a Material);

impl Serialize for PledgedJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("id", self.0.id())?;
        map.serialize_entry("material", self.1.id())?;
        map.serialize_entry("name", self.1.name())?;
        map.serialize_entry("text", self.0.pledge.as_ref().map_or("", |p| p.text.as_str()))?;
        map.serialize_entry("note", PLEDGE_NOTE)?;
        if let Some(d) = self.0.pledge.as_ref().and_then(|p| p.decision.as_deref()) {
            map.serialize_entry("decision", d)?;
        }
        map.end()
    }
}

/// `deferrable` and `pledge`, when the requirement has them: what the
/// catalogue lets replace or postpone it.
pub(crate) fn mechanism_fields<M: SerializeMap>(map: &mut M, r: &Requirement) -> Result<(), M::Error> {
    if let Some(d) = &r.deferrable {
        map.serialize_entry("deferrable", &DeferralJson(d))?;
    }
    if let Some(p) = &r.pledge {
        map.serialize_entry("pledge", &PledgeJson(p))?;
    }
    Ok(())
}

pub(crate) struct DeferralJson<'a>(pub(crate) &'a crate::model::Deferral);

impl Serialize for DeferralJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("days", &self.0.days)?;
        if let Some(d) = &self.0.decision {
            map.serialize_entry("decision", d)?;
        }
        map.end()
    }
}

pub(crate) struct PledgeJson<'a>(pub(crate) &'a crate::model::Pledge);

impl Serialize for PledgeJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("text", &self.0.text)?;
        if let Some(d) = &self.0.decision {
            map.serialize_entry("decision", d)?;
        }
        map.end()
    }
}

/// `{"document", "by", "label", "decision"?}`: what stands in for a paper document.
pub(crate) struct StandInJson<'a>(pub(crate) &'a str, pub(crate) &'a crate::model::StandIn);

impl Serialize for StandInJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("document", self.0)?;
        map.serialize_entry("by", self.1.by.name())?;
        map.serialize_entry("label", self.1.by.label())?;
        if let Some(d) = &self.1.decision {
            map.serialize_entry("decision", d)?;
        }
        map.end()
    }
}

impl Serialize for ExemptItem<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        requirement_fields(&mut map, self.requirement)?;
        map.serialize_entry("because", &Phrases(self.because))?;
        provenance_fields(&mut map, self.requirement.basis(), self.requirement.decision())?;
        mechanism_fields(&mut map, self.requirement)?;
        map.serialize_entry("exempt", &StandInJson(self.material.document(), self.stand_in()))?;
        map.end()
    }
}

// ---------------------------------------------------------------------------
// JSON. The schema is documented in SCHEMA.md; keep the two in step.
//
// The `Serialize` impls below are the reference. `to_json` writes the same
// text faster by copying fragments prepared when the catalogue loads, for
// the parts of a response that depend on the catalogue only; a property test
// checks that the two agree.

/// `[{head,"because":[…],"basis":[…]}, …]` for the given checklist items.
fn write_items(w: &mut Writer, a: &Assessment<'_>, indices: impl Iterator<Item = usize>) {
    w.raw("[");
    for (n, i) in indices.enumerate() {
        let (requirement, range) = &a.items[i];
        if !requirement.json.item.is_empty() {
            // The same text as below: its `because` is the one it always has.
            debug_assert_eq!(
                Some(&a.reasons[range.clone()]),
                requirement.fixed_reason().as_ref().map(std::slice::from_ref)
            );
            w.raw(if n == 0 { "" } else { "," });
            w.raw(&requirement.json.item);
            continue;
        }
        w.raw(if n == 0 { "{" } else { ",{" });
        w.raw(&requirement.json.head);
        w.raw(",\"because\":");
        write_phrases(w, &a.reasons[range.clone()]);
        w.raw(",");
        w.raw(&requirement.json.tail);
        w.raw("}");
    }
    w.raw("]");
}

impl Service {
    /// Prepares the JSON fragments of this service and its requirements.
    /// `version` and `hash` are its catalogue's.
    pub(crate) fn prepare_json(&mut self, version: &str, hash: &str) {
        struct Head<'a>(&'a Requirement);
        impl Serialize for Head<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut map = s.serialize_map(None)?;
                requirement_fields(&mut map, self.0)?;
                map.end()
            }
        }
        /// The fields after `because`, for a requirement (with its
        /// deferral and pledge) or a rule alike.
        struct ProvenanceTail<'a>(&'a [Citation], Option<&'a str>, Option<&'a Requirement>);
        impl Serialize for ProvenanceTail<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut map = s.serialize_map(None)?;
                provenance_fields(&mut map, self.0, self.1)?;
                if let Some(r) = self.2 {
                    mechanism_fields(&mut map, r)?;
                }
                map.end()
            }
        }
        struct Tail<'a>(&'a Service, bool);
        impl Serialize for Tail<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let service = self.0;
                let mut map = s.serialize_map(None)?;
                map.serialize_entry("legal_basis", &Seq(|| service.legal_basis().iter().map(CitationJson)))?;
                if self.1 {
                    map.serialize_entry("steps", &Seq(|| service.steps().iter().map(StepJson)))?;
                }
                map.serialize_entry("supervision", &SupervisionJson(service.supervision()))?;
                map.end()
            }
        }
        struct RuleHead<'a>(&'a EligibilityRule);
        impl Serialize for RuleHead<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut map = s.serialize_map(None)?;
                map.serialize_entry("id", self.0.id())?;
                map.serialize_entry("text", self.0.text())?;
                map.end()
            }
        }
        // Fields without the surrounding braces.
        let inner = |json: String| json[1..json.len() - 1].to_owned();
        let mut size = 1024;
        for r in &mut self.requirements {
            let head = inner(crate::support::writer::to_string(&Head(r), 512));
            let tail = inner(crate::support::writer::to_string(&ProvenanceTail(r.basis(), r.decision(), Some(r)), 128));
            // Written as `write_items` writes an item.
            let item = match r.fixed_reason() {
                Some(reason) => {
                    let mut w = Writer::with_capacity(head.len() + tail.len() + 64);
                    w.raw("{");
                    w.raw(&head);
                    w.raw(",\"because\":");
                    write_phrases(&mut w, &[reason]);
                    w.raw(",");
                    w.raw(&tail);
                    w.raw("}");
                    w.finish()
                }
                None => String::new(),
            };
            r.json = PreparedRequirement { head, tail, item };
            size += r.json.head.len() + r.json.tail.len() + 32;
        }
        for rule in &mut self.eligibility {
            rule.json = PreparedRequirement {
                head: inner(crate::support::writer::to_string(&RuleHead(rule), 256)),
                tail: inner(crate::support::writer::to_string(
                    &ProvenanceTail(rule.basis(), rule.decision(), None),
                    128,
                )),
                item: String::new(),
            };
            size += rule.json.head.len() + rule.json.tail.len() + 32;
        }
        let service = crate::support::writer::to_string(&ServiceRef(self), 64);
        let assessment_tail = inner(crate::support::writer::to_string(&Tail(self, true), 1024));
        let notice_tail = inner(crate::support::writer::to_string(&Tail(self, false), 1024));
        let mut header = Writer::with_capacity(service.len() + version.len() + hash.len() + 96);
        write_opening(&mut header, version, hash, &service);
        let header = header.finish();
        size += header.len() + assessment_tail.len();
        let (version, hash) = (version.to_owned(), hash.to_owned());
        self.json = PreparedService { service, header, version, hash, assessment_tail, notice_tail, size };
    }
}

/// `basis` (citation ids), then `decision` when the entry rests on an
/// interpretation: what lets a reader tell the seed's rules from ours.
fn provenance_fields<M: SerializeMap>(map: &mut M, basis: &[Citation], decision: Option<&str>) -> Result<(), M::Error> {
    map.serialize_entry("basis", &Ids(basis))?;
    if let Some(d) = decision {
        map.serialize_entry("decision", d)?;
    }
    Ok(())
}

struct Ids<'c>(&'c [Citation]);

impl Serialize for Ids<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(Citation::id))
    }
}

struct Phrases<'a, 'c>(&'a [Reason<'c>]);

impl Serialize for Phrases<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter())
    }
}

/// Writes a material's fields into an open map.
pub(crate) fn material_fields<M: SerializeMap>(map: &mut M, m: &Material) -> Result<(), M::Error> {
    map.serialize_entry("document", m.document())?;
    map.serialize_entry("owner", &m.owner())?;
    map.serialize_entry("form", &m.form())?;
    map.serialize_entry("originals", &m.originals())?;
    map.serialize_entry("copies", &m.copies())?;
    if let Some(paper) = m.paper() {
        map.serialize_entry("paper", &paper)?;
    }
    if let Some(p) = m.photo() {
        map.serialize_entry("photo", &PhotoJson(p))?;
    }
    if let Some(file) = m.file() {
        map.serialize_entry("file", &FileJson(file))?;
    }
    if !m.stamps().is_empty() {
        map.serialize_entry("stamps", m.stamps())?;
    }
    if !m.notes().is_empty() {
        map.serialize_entry("notes", m.notes())?;
    }
    Ok(())
}

pub(crate) struct PhotoJson<'a>(pub(crate) &'a crate::model::PhotoSpec);

impl Serialize for PhotoJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(4))?;
        map.serialize_entry("size", &self.0.size())?;
        map.serialize_entry("color", &self.0.color())?;
        map.serialize_entry("bareheaded", &self.0.bareheaded())?;
        map.serialize_entry("count", &self.0.count())?;
        map.end()
    }
}

pub(crate) struct FileJson<'a>(pub(crate) &'a crate::model::FileSpec);

impl Serialize for FileJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry("formats", self.0.formats())?;
        map.serialize_entry("max_bytes", &self.0.max_bytes())?;
        map.end()
    }
}

pub(crate) struct MaterialJson<'a>(pub(crate) &'a Material);

impl Serialize for MaterialJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("id", self.0.id())?;
        map.serialize_entry("name", self.0.name())?;
        material_fields(&mut map, self.0)?;
        map.end()
    }
}

/// A requirement's own fields: id, name, and the material or the options.
fn requirement_fields<M: SerializeMap>(map: &mut M, r: &Requirement) -> Result<(), M::Error> {
    map.serialize_entry("id", r.id())?;
    map.serialize_entry("name", r.name())?;
    match r.options() {
        [single] => material_fields(map, single),
        options => {
            struct Options<'a>(&'a [Material]);
            impl Serialize for Options<'_> {
                fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                    s.collect_seq(self.0.iter().map(MaterialJson))
                }
            }
            map.serialize_entry("one_of", &Options(options))
        }
    }
}

impl Serialize for ChecklistItem<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        requirement_fields(&mut map, self.requirement)?;
        map.serialize_entry("because", &Phrases(self.because))?;
        provenance_fields(&mut map, self.requirement.basis(), self.requirement.decision())?;
        mechanism_fields(&mut map, self.requirement)?;
        map.end()
    }
}

impl Serialize for PendingItem<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        requirement_fields(&mut map, self.requirement)?;
        map.serialize_entry("when", &self.requirement.when())?;
        map.serialize_entry("needs", &FactNames(self.needs, &self.service.vocabulary))?;
        provenance_fields(&mut map, self.requirement.basis(), self.requirement.decision())?;
        mechanism_fields(&mut map, self.requirement)?;
        map.end()
    }
}

impl Serialize for RuleOutcome<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("id", self.rule.id())?;
        map.serialize_entry("text", self.rule.text())?;
        map.serialize_entry("met", &self.met)?;
        map.serialize_entry("because", &Phrases(self.because))?;
        provenance_fields(&mut map, self.rule.basis(), self.rule.decision())?;
        map.end()
    }
}

pub(crate) struct EligibilityJson<'a, 'c>(pub(crate) &'a Assessment<'c>);

impl Serialize for EligibilityJson<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let a = self.0;
        let mut map = s.serialize_map(Some(3))?;
        map.serialize_entry("status", a.eligibility.name())?;
        map.serialize_entry("rules", &Seq(|| a.rules()))?;
        map.serialize_entry("missing_facts", &FactNames(a.rules_missing, &a.service.vocabulary))?;
        map.end()
    }
}

/// Serialises an iterator, re-created on demand.
pub(crate) struct Seq<F>(pub(crate) F);

impl<F, I> Serialize for Seq<F>
where
    F: Fn() -> I,
    I: ExactSizeIterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let iter = (self.0)();
        let mut seq = s.serialize_seq(Some(iter.len()))?;
        for item in iter {
            seq.serialize_element(&item)?;
        }
        seq.end()
    }
}

pub(crate) struct ServiceRef<'a>(pub(crate) &'a Service);

impl Serialize for ServiceRef<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry("id", self.0.id())?;
        map.serialize_entry("name", self.0.name())?;
        map.end()
    }
}

pub(crate) struct CaseJson<'a>(pub(crate) &'a Case);

impl Serialize for CaseJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry("value", self.0.value())?;
        map.serialize_entry("name", self.0.name())?;
        map.end()
    }
}

pub(crate) struct CitationJson<'a>(pub(crate) &'a Citation);

impl Serialize for CitationJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let c = self.0;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("id", c.id())?;
        if let Some(t) = c.title() {
            map.serialize_entry("title", t)?;
        }
        if let Some(r) = c.reference() {
            map.serialize_entry("reference", r)?;
        }
        if let Some(n) = c.number() {
            map.serialize_entry("number", n)?;
        }
        if let Some(n) = c.note() {
            map.serialize_entry("note", n)?;
        }
        map.end()
    }
}

pub(crate) struct StepJson<'a>(pub(crate) &'a crate::model::Step);

impl Serialize for StepJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let step = self.0;
        let mut map = s.serialize_map(None)?;
        if let Some(actor) = step.actor() {
            map.serialize_entry("actor", actor)?;
        }
        map.serialize_entry("action", step.action())?;
        if let Some(phone) = step.phone() {
            map.serialize_entry("phone", phone)?;
        }
        if step.optional() {
            map.serialize_entry("optional", &true)?;
        }
        map.end()
    }
}

pub(crate) struct SupervisionJson<'a>(pub(crate) &'a crate::model::Supervision);

impl Serialize for SupervisionJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry("office", self.0.office())?;
        map.serialize_entry("phone", self.0.phone())?;
        map.end()
    }
}

/// The fields an assessment and a notice share at the top.
fn header<M: SerializeMap>(map: &mut M, a: &Assessment<'_>) -> Result<(), M::Error> {
    map.serialize_entry("catalog_version", a.catalog_version)?;
    map.serialize_entry("engine_version", crate::support::VERSION)?;
    map.serialize_entry("catalog_hash", a.catalog_hash)?;
    map.serialize_entry("service", &ServiceRef(a.service))?;
    map.serialize_entry("application_date", &a.date)?;
    if !a.service.cases().is_empty() {
        map.serialize_entry("case", &a.case.map(CaseJson))?;
    }
    map.serialize_entry("eligibility", &EligibilityJson(a))
}

impl Serialize for Assessment<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let service = self.service;
        let mut map = s.serialize_map(None)?;
        header(&mut map, self)?;
        map.serialize_entry("checklist", &Seq(|| self.checklist()))?;
        if !self.exempt.is_empty() {
            map.serialize_entry("exempt", &Seq(|| self.exempt()))?;
        }
        map.serialize_entry("pending", &Seq(|| self.pending()))?;
        map.serialize_entry("missing_facts", &FactNames(self.missing, &self.service.vocabulary))?;
        map.serialize_entry("legal_basis", &Seq(|| service.legal_basis().iter().map(CitationJson)))?;
        map.serialize_entry("steps", &Seq(|| service.steps().iter().map(StepJson)))?;
        map.serialize_entry("supervision", &SupervisionJson(service.supervision()))?;
        map.end()
    }
}

impl Serialize for Shortfall {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry("code", self.code())?;
        map.serialize_entry("message", &format_args!("{self}"))?;
        map.end()
    }
}

impl Serialize for Defect<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("id", self.material.id())?;
        map.serialize_entry("name", self.material.name())?;
        map.serialize_entry("requirement", self.requirement.id())?;
        map.serialize_entry("problems", &self.problems)?;
        map.serialize_entry("required", &RequiredJson(self.material))?;
        provenance_fields(&mut map, self.requirement.basis(), self.requirement.decision())?;
        mechanism_fields(&mut map, self.requirement)?;
        map.end()
    }
}

/// What is required of a material: its form and numbers.
struct RequiredJson<'a>(&'a Material);

impl Serialize for RequiredJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        material_fields(&mut map, self.0)?;
        map.end()
    }
}

impl Serialize for Notice<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        header(&mut map, &self.assessment)?;
        map.serialize_entry("status", self.status.name())?;
        map.serialize_entry("missing", &Seq(|| self.missing()))?;
        map.serialize_entry("defective", &self.defective)?;
        if !self.deferred.is_empty() {
            map.serialize_entry(
                "deferred",
                &Seq(|| self.deferred().map(|(r, due)| DeferredJson(r.id(), r.name(), r.deferrable.as_ref(), due))),
            )?;
        }
        if !self.pledged.is_empty() {
            map.serialize_entry("pledged", &Seq(|| self.pledged().map(|(r, m)| PledgedJson(r, m))))?;
        }
        if !self.assessment.exempt.is_empty() {
            map.serialize_entry("exempt", &Seq(|| self.assessment.exempt()))?;
        }
        map.serialize_entry("not_required", &Seq(|| self.not_required().map(Material::id)))?;
        map.serialize_entry("pending", &Seq(|| self.assessment.pending()))?;
        map.serialize_entry("missing_facts", &FactNames(self.assessment.missing, &self.assessment.service.vocabulary))?;
        let service = self.assessment.service;
        map.serialize_entry("legal_basis", &Seq(|| service.legal_basis().iter().map(CitationJson)))?;
        map.serialize_entry("supervision", &SupervisionJson(service.supervision()))?;
        map.end()
    }
}
