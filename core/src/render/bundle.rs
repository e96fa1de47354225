//! The JSON form of a bundle's assessment and notice (SCHEMA.md, "Bundle"),
//! written from the fragments each service prepared at load: a bundle's
//! parts say exactly what each service's own answer says.

use crate::eval::Assessment;
use crate::eval::bundle::{BundleAssessment, BundleNotice, MERGE_RULE, MergedItem, join};
use crate::facts::FactNames;
use crate::model::Material;
use crate::render::answer::{DeferredJson, FileJson, PLEDGE_NOTE, PhotoJson, Seq, StandInJson, write_phrases};
use crate::support::writer::Writer;

impl BundleAssessment<'_> {
    /// The bundle's assessment as JSON (see `SCHEMA.md`).
    pub fn to_json(&self) -> String {
        let mut w = self.writer();
        self.write_header(&mut w);
        w.raw(",\"checklist\":[");
        for (n, item) in self.items.iter().enumerate() {
            w.raw(if n == 0 { "" } else { "," });
            self.write_item(&mut w, item, false);
        }
        w.raw("]");
        self.write_exempt(&mut w);
        self.write_footer(&mut w);
        w.finish()
    }

    /// A writer with room for most answers.
    fn writer(&self) -> Writer {
        let size: usize = self.assessments.iter().map(|a| a.service.json.size).sum();
        Writer::with_capacity(size + 64 * self.parts.len())
    }

    /// `{` and the fields an assessment and a notice share at the top.
    fn write_header(&self, w: &mut Writer) {
        w.raw("{\"catalog_version\":");
        w.str(self.catalog.version());
        w.raw(",\"engine_version\":");
        w.str(crate::support::VERSION);
        w.raw(",\"catalog_hash\":");
        w.str(self.catalog.content_hash());
        w.raw(",\"bundle\":{\"id\":");
        w.value(&self.bundle.id);
        w.raw(",\"name\":");
        w.value(&self.bundle.name);
        if let Some(d) = &self.bundle.decision {
            w.raw(",\"decision\":");
            w.str(d);
        }
        w.raw(",\"services\":[");
        for (n, a) in self.assessments.iter().enumerate() {
            w.raw(if n == 0 { "" } else { "," });
            w.raw(&a.service.json.service);
        }
        w.raw("]},\"application_date\":");
        w.value(&self.date);
        w.raw(",\"eligibility\":{\"status\":");
        w.str(self.eligibility().name());
        w.raw("},\"services\":[");
        for (n, a) in self.assessments.iter().enumerate() {
            w.raw(if n == 0 { "{\"service\":" } else { ",{\"service\":" });
            write_service(w, a);
        }
        w.raw("]");
    }

    /// `,"exempt":[…]`, when anything is exempt.
    fn write_exempt(&self, w: &mut Writer) {
        if !self.exempt.is_empty() {
            w.raw(",\"exempt\":[");
            for (n, item) in self.exempt.iter().enumerate() {
                w.raw(if n == 0 { "" } else { "," });
                self.write_item(w, item, true);
            }
            w.raw("]");
        }
    }

    /// `,"missing_facts":[…],"merge_rule":…}`.
    fn write_footer(&self, w: &mut Writer) {
        w.raw(",\"missing_facts\":");
        w.value(&FactNames(self.missing, &self.catalog.vocabulary));
        w.raw(",\"merge_rule\":\"");
        // Plain text, with nothing JSON escapes (a test checks).
        w.raw(MERGE_RULE);
        w.raw("\"");
        w.raw("}");
    }

    /// A merged item: its id and name, its material fields with the merged
    /// numbers (or its options), what may replace or postpone it, and its
    /// parts, each the service's own checklist item with the service's number.
    fn write_item(&self, w: &mut Writer, item: &MergedItem<'_>, exempt: bool) {
        w.raw("{\"id\":");
        w.str(&item.id());
        w.raw(",\"name\":");
        w.str(item.name());
        match item.first.options.as_slice() {
            [m] => self.write_merged_fields(w, item, m),
            options => {
                w.raw(",\"one_of\":[");
                for (n, m) in options.iter().enumerate() {
                    w.raw(if n == 0 { "{\"id\":" } else { ",{\"id\":" });
                    w.str(&join(item.service.id(), m.id()));
                    w.raw(",\"name\":");
                    w.str(m.name());
                    write_material_fields(w, m);
                    w.raw("}");
                }
                w.raw("]");
            }
        }
        if let Some(days) = item.deferrable {
            w.raw(",\"deferrable\":{\"days\":");
            w.value(&days);
            w.raw("}");
        }
        if item.pledge {
            w.raw(",\"pledge\":");
            self.write_texts(w, item);
        }
        if exempt {
            // The material the office obtains, as its service's assessment found it.
            let on_file = self.parts[item.parts.clone()].iter().find_map(|p| p.stand_in);
            if let Some((m, s)) = on_file.and_then(|m| m.stand_in.as_ref().map(|s| (m, s))) {
                w.raw(",\"exempt\":");
                w.value(&StandInJson(m.document(), s));
            }
        }
        self.write_parts(w, item);
        w.raw("}");
    }

    /// `,"needed_by":[…]`: each part, the service's own checklist item with
    /// the service's number, so every item says why and on what basis.
    fn write_parts(&self, w: &mut Writer, item: &MergedItem<'_>) {
        w.raw(",\"needed_by\":[");
        for (n, part) in self.parts[item.parts.clone()].iter().enumerate() {
            let a = &self.assessments[part.at];
            w.raw(if n == 0 { "{\"service\":" } else { ",{\"service\":" });
            w.str(a.service.id());
            w.raw(",");
            w.raw(&part.requirement.json.head);
            w.raw(",\"because\":");
            write_phrases(w, &a.reasons[part.because.start as usize..part.because.end as usize]);
            w.raw(",");
            w.raw(&part.requirement.json.tail);
            w.raw("}");
        }
        w.raw("]");
    }

    /// `,` and a material's fields with a merged item's form, numbers, paper,
    /// stamps and notes, in the order of `material_fields`.
    fn write_merged_fields(&self, w: &mut Writer, item: &MergedItem<'_>, m: &Material) {
        w.raw(",\"document\":");
        w.str(m.document());
        w.raw(",\"owner\":");
        w.str(m.owner());
        w.raw(",\"form\":");
        w.str(item.form().name());
        w.raw(",\"originals\":");
        w.value(&item.originals());
        w.raw(",\"copies\":");
        w.value(&item.copies());
        if let Some(paper) = item.paper() {
            w.raw(",\"paper\":");
            w.str(paper.name());
        }
        if let Some(p) = m.photo() {
            // The merged number of photos, as `originals` counts them.
            let mut photo = *p;
            photo.count = item.originals();
            w.raw(",\"photo\":");
            w.value(&PhotoJson(&photo));
        }
        if let Some(f) = m.file() {
            w.raw(",\"file\":");
            w.value(&FileJson(f));
        }
        for (key, pick) in [("stamps", Material::stamps as fn(&Material) -> &[String]), ("notes", Material::notes)] {
            let parts = &self.parts[item.parts.clone()];
            let union =
                first_distinct(parts.iter().flat_map(|p| pick(&p.requirement.options[0]).iter().map(String::as_str)));
            if !union.is_empty() {
                w.raw(",\"");
                w.raw(key);
                w.raw("\":");
                w.value(&union);
            }
        }
    }

    /// `{"texts":[…]}`: the parts' distinct pledge texts.
    fn write_texts(&self, w: &mut Writer, item: &MergedItem<'_>) {
        let parts = &self.parts[item.parts.clone()];
        let texts = first_distinct(parts.iter().filter_map(|p| p.requirement.pledge.as_ref().map(|p| p.text.as_str())));
        w.raw("{\"texts\":");
        w.value(&texts);
        w.raw("}");
    }
}

/// `,` and a material's own fields, as `material_fields` writes them.
fn write_material_fields(w: &mut Writer, m: &Material) {
    struct Fields<'a>(&'a Material);
    impl serde::Serialize for Fields<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeMap;
            let mut map = s.serialize_map(None)?;
            crate::render::answer::material_fields(&mut map, self.0)?;
            map.end()
        }
    }
    let text = crate::support::writer::to_string(&Fields(m), 128);
    w.raw(",");
    w.raw(&text[1..text.len() - 1]);
}

/// Each distinct text once, in the order first given; by sorting, so that
/// a hostile bundle of many parts stays O(n log n).
fn first_distinct<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut all: Vec<(&str, usize)> = texts.enumerate().map(|(i, t)| (t, i)).collect();
    all.sort_unstable();
    all.dedup_by(|later, first| later.0 == first.0);
    all.sort_unstable_by_key(|&(_, i)| i);
    all.into_iter().map(|(t, _)| t).collect()
}

/// One service of a bundle, after `"service":`: what its own assessment says
/// beside the merged checklist (case, eligibility, pending, missing facts,
/// legal basis, steps and supervision).
fn write_service(w: &mut Writer, a: &Assessment<'_>) {
    w.raw(&a.service.json.service);
    a.write_case_and_eligibility(w);
    w.raw(",\"pending\":");
    w.value(&Seq(|| a.pending()));
    w.raw(",\"missing_facts\":");
    w.value(&FactNames(a.missing, &a.service.vocabulary));
    w.raw(",");
    w.raw(&a.service.json.assessment_tail);
    w.raw("}");
}

impl BundleNotice<'_> {
    /// The bundle's notice as JSON (see `SCHEMA.md`).
    pub fn to_json(&self) -> String {
        let a = &self.assessment;
        let mut w = a.writer();
        a.write_header(&mut w);
        w.raw(",\"status\":");
        w.str(self.status.name());
        w.raw(",\"missing\":[");
        for (n, &i) in self.missing.iter().enumerate() {
            w.raw(if n == 0 { "" } else { "," });
            a.write_item(&mut w, &a.items[i], false);
        }
        w.raw("],\"defective\":[");
        for (n, d) in self.defective.iter().enumerate() {
            let item = &a.items[d.item];
            w.raw(if n == 0 { "{\"id\":" } else { ",{\"id\":" });
            w.str(&d.id);
            w.raw(",\"name\":");
            w.str(d.material.name());
            w.raw(",\"item\":");
            w.str(&item.id());
            w.raw(",\"problems\":");
            w.value(&d.problems);
            w.raw(",\"required\":{");
            if item.first.options.len() == 1 {
                let mut fields = Writer::with_capacity(128);
                a.write_merged_fields(&mut fields, item, d.material);
                w.raw(&fields.finish()[1..]);
            } else {
                let mut fields = Writer::with_capacity(128);
                write_material_fields(&mut fields, d.material);
                w.raw(&fields.finish()[1..]);
            }
            w.raw("}");
            a.write_parts(&mut w, item);
            w.raw("}");
        }
        w.raw("]");
        if !self.deferred.is_empty() {
            w.raw(",\"deferred\":[");
            for (n, &(i, due)) in self.deferred.iter().enumerate() {
                let item = &a.items[i];
                w.raw(if n == 0 { "" } else { "," });
                let id = item.id();
                let deferral = crate::model::Deferral { days: item.deferrable.unwrap_or(0), decision: None };
                let json =
                    crate::support::writer::to_string(&DeferredJson(&id, item.name(), Some(&deferral), due), 128);
                w.raw(&json[..json.len() - 1]);
                a.write_parts(&mut w, item);
                w.raw("}");
            }
            w.raw("]");
        }
        if !self.pledged.is_empty() {
            w.raw(",\"pledged\":[");
            for (n, p) in self.pledged.iter().enumerate() {
                w.raw(if n == 0 { "{\"id\":" } else { ",{\"id\":" });
                match p.item.map(|i| &a.items[i]) {
                    Some(item) => {
                        w.str(&item.id());
                        w.raw(",\"material\":");
                        w.str(p.material.id());
                        w.raw(",\"name\":");
                        w.str(item.name());
                        w.raw(",\"pledge\":");
                        a.write_texts(&mut w, item);
                        w.raw(",\"note\":");
                        w.str(PLEDGE_NOTE);
                        a.write_parts(&mut w, item);
                    }
                    // A material that may be required: its own service's words.
                    None => {
                        let service = a.assessments[p.at].service;
                        w.str(&join(service.id(), p.material.id()));
                        w.raw(",\"material\":");
                        w.str(p.material.id());
                        w.raw(",\"name\":");
                        w.str(p.material.name());
                        w.raw(",\"pledge\":{\"texts\":");
                        w.value(&[p.requirement.pledge().map_or("", |x| x.text())]);
                        w.raw("},\"note\":");
                        w.str(PLEDGE_NOTE);
                        w.raw(",\"service\":");
                        w.str(service.id());
                    }
                }
                w.raw("}");
            }
            w.raw("]");
        }
        a.write_exempt(&mut w);
        w.raw(",\"not_required\":");
        w.value(&Seq(|| self.not_required()));
        a.write_footer(&mut w);
        w.finish()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_merge_rule_needs_no_escaping() {
        let rule = super::MERGE_RULE;
        assert_eq!(crate::support::writer::to_string(rule, rule.len() + 2), format!("\"{rule}\""));
    }
}
