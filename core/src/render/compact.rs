//! The compact assessment: only what varies between applicants, for
//! bindings that build the full answer from parts they read once per
//! catalogue (the service's guide, `json::service`).
//!
//! A JSON array, `[service, date, case, status, reasons, rules, rules_missing, items, pending, missing]`:
//!
//! - `service`: the service number, which names the guide to expand it with;
//! - `date`: the application date, `"YYYY-MM-DD"`;
//! - `reasons`: each distinct reason once, as text; the lists below give
//!   indices into it (most items share `办理本事项须提供`, so the Chinese text
//!   crosses the boundary, and is decoded, once);
//! - `case`: `-1` for a service without cases, `null` while the case fact is
//!   not given, else the index into the guide's `cases`;
//! - `status`: `eligible`, `ineligible` or `undetermined`;
//! - `rules`: for every eligibility rule, in the guide's order, `[met, [reason indices]]`;
//! - `rules_missing`: the fact names eligibility still needs;
//! - `items`: the checklist, `[index into the guide's materials, [reason indices]]`;
//! - `pending`: `[index into the guide's materials, [fact names it needs]]`;
//! - `missing`: every fact still needed, in vocabulary order.
//!
//! Everything else in an assessment (each item's id, name, material fields,
//! basis and decision; each rule's id, text, basis and decision; the legal
//! basis, steps and supervision) is the guide's, unchanged: the bindings'
//! tests check the rebuilt answer against `json::assess` on every case.

use crate::condition::Reason;
use crate::eval::Assessment;
use crate::facts::FactNames;
use crate::model::Requirement;
use crate::model::Service;
use crate::support::writer::Writer;

fn index(service: &Service, requirement: &Requirement) -> usize {
    service
        .requirements()
        .iter()
        .position(|r| std::ptr::eq(r, requirement))
        .expect("an assessment's requirements are its service's")
}

/// Writes `[i, j, …]`: each reason's index in the distinct reasons.
fn indices(w: &mut Writer, at: &[usize]) {
    w.raw("[");
    for (i, index) in at.iter().enumerate() {
        if i > 0 {
            w.raw(",");
        }
        w.value(index);
    }
    w.raw("]");
}

impl Assessment<'_> {
    /// The compact form described in this module's documentation.
    pub(crate) fn to_compact(&self) -> String {
        let service = self.service;
        let mut w = Writer::with_capacity(256 + 64 * self.items.len());
        w.raw("[");
        w.str(service.id());
        w.raw(",");
        w.value(&self.date);
        w.raw(",");
        match (service.cases().is_empty(), self.case) {
            (true, _) => w.raw("-1"),
            (false, None) => w.raw("null"),
            (false, Some(case)) => {
                let i = service.cases().iter().position(|c| std::ptr::eq(c, case)).expect("the service's case");
                w.value(&i);
            }
        }
        w.raw(",");
        w.str(self.eligibility.name());
        // The distinct reasons, and where each reason is among them: few
        // (most items share one), so a linear search, once per reason.
        let mut distinct: Vec<Reason<'_>> = Vec::with_capacity(8);
        let at: Vec<usize> = self
            .reasons
            .iter()
            .map(|reason| {
                distinct.iter().position(|d| d == reason).unwrap_or_else(|| {
                    distinct.push(*reason);
                    distinct.len() - 1
                })
            })
            .collect();
        w.raw(",");
        w.value(&distinct);
        w.raw(",[");
        for (i, (rule, &(_, start, end))) in self.rules().zip(self.rules.as_slice()).enumerate() {
            w.raw(if i == 0 { "[" } else { ",[" });
            w.value(&rule.met());
            w.raw(",");
            indices(&mut w, &at[start as usize..end as usize]);
            w.raw("]");
        }
        w.raw("],");
        w.value(&FactNames(self.rules_missing, &service.vocabulary));
        w.raw(",[");
        for (i, (requirement, range)) in self.items.iter().enumerate() {
            w.raw(if i == 0 { "[" } else { ",[" });
            w.value(&index(service, requirement));
            w.raw(",");
            indices(&mut w, &at[range.clone()]);
            w.raw("]");
        }
        w.raw("],[");
        for (i, (requirement, needs)) in self.pending.iter().enumerate() {
            w.raw(if i == 0 { "[" } else { ",[" });
            w.value(&index(service, requirement));
            w.raw(",");
            w.value(&FactNames(*needs, &service.vocabulary));
            w.raw("]");
        }
        w.raw("],");
        w.value(&FactNames(self.missing, &service.vocabulary));
        w.raw("]");
        w.finish()
    }
}
