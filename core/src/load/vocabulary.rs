//! A catalogue's vocabulary (`facts.json`: `facts`, `derived`, `owners`)
//! and document registry (`documents.json`: `documents`), read and checked.
//! In a bundle the same members sit beside `services`.

use super::check::{At, Checker, Obj, indexed, is_identifier};
use super::keys;
use crate::facts::{
    APPLICATION_DATE, Choice, Derivation, Derived, FactInfo, MAX_CHOICES, MAX_COUNT, MAX_FACTS, MAX_OWNERS, Owner,
    Spec, Vocabulary,
};
use crate::model::{Document, StandIn, StandInKind};
use crate::support::Joined as _;
use crate::support::lookup::Index;

impl Checker<'_> {
    /// A name in one of the vocabulary's lists: an identifier, not among
    /// `seen`, and for a fact or a derived value (`fact`) not the built-in
    /// `application_date`. Returns it.
    fn name(&mut self, o: &Obj<'_, '_>, seen: &[String], fact: bool) -> String {
        let name = self.str(o, "name");
        if !is_identifier(&name) {
            self.report(o.field("name"), format!("名称“{name}”应由小写字母、数字和下划线组成，并以字母开头"));
        } else if fact && name == APPLICATION_DATE {
            self.report(o.field("name"), "application_date 是引擎内置的申请日期，不应在词汇表中声明");
        } else if seen.contains(&name) {
            self.report(o.field("name"), format!("名称“{name}”重复"));
        }
        name
    }

    /// Reads `facts`, `derived` and `owners` from `o` (`facts.json`, or a
    /// bundle) into a vocabulary; `None` if anything is wrong.
    pub(super) fn vocabulary(&mut self, o: &Obj<'_, '_>) -> Option<Vocabulary> {
        let before = self.problems.list.len();
        let list = self.items(o, "facts", true);
        if list.len() >= MAX_FACTS {
            self.report("facts", format!("事实过多：{} 个，上限为 {} 个", list.len(), MAX_FACTS - 1));
            return None;
        }
        let mut infos = vec![Vocabulary::application_date()];
        let mut names: Vec<String> = Vec::new();
        for (i, v) in list.iter().enumerate() {
            let Some(f) = self.object(indexed("facts", i), v, keys::FACT) else { continue };
            let name = self.name(&f, &names, true);
            names.push(name.clone());
            let label = self.text(&f, "label");
            let kind = self.str(&f, "type");
            let allowed: &[&str] = match kind.as_str() {
                "date" => &[],
                "bool" => &["yes", "no"],
                "choice" => &["choices"],
                "count" => &["max", "subject", "unit"],
                other => {
                    self.report(
                        f.field("type"),
                        format!("未知的事实类型“{other}”，应为 bool、choice、count 或 date 之一"),
                    );
                    continue;
                }
            };
            for key in ["choices", "yes", "no", "max", "subject", "unit"] {
                if f.get(key).is_some() && !allowed.contains(&key) {
                    self.report(f.field(key), format!("{kind} 型事实不应有字段“{key}”"));
                }
            }
            let spec = match kind.as_str() {
                "date" => Spec::Date,
                "bool" => Spec::Bool { yes: self.text(&f, "yes"), no: self.text(&f, "no") },
                "count" => {
                    f.require(self, "max");
                    Spec::Count {
                        max: self.number(&f, "max", u64::from(MAX_COUNT)).unwrap_or(0) as u32,
                        subject: self.text(&f, "subject"),
                        unit: self.str(&f, "unit"),
                    }
                }
                _ => Spec::Choice(self.choices(&f)),
            };
            infos.push(FactInfo { name, label, spec });
        }
        let list = self.items(o, "derived", false);
        if list.len() > MAX_FACTS {
            self.report("derived", format!("派生值过多：{} 个，上限为 {MAX_FACTS} 个", list.len()));
            return None;
        }
        let mut derivations = Vec::new();
        for (i, v) in list.iter().enumerate() {
            let Some(d) = self.object(indexed("derived", i), v, keys::DERIVED) else { continue };
            let name = self.name(&d, &names, true);
            names.push(name.clone());
            let label = self.text(&d, "label");
            let function = self.str(&d, "function");
            let function = Derivation::ALL.iter().copied().find(|f| f.name() == function).or_else(|| {
                let all = Derivation::ALL.iter().map(|f| f.name()).collect::<Vec<_>>().joined("、");
                self.report(d.field("function"), format!("未知的派生函数“{function}”，应为 {all} 之一"));
                None
            });
            let of = self.str(&d, "of");
            let slot = infos.iter().position(|f| f.name == of);
            match slot.map(|s| &infos[s].spec) {
                Some(Spec::Date) if of != APPLICATION_DATE => {}
                Some(_) => self.report(d.field("of"), format!("“{of}”不是已声明的日期型事实（申请日期本身除外）")),
                None => self.report(d.field("of"), format!("未声明的事实“{of}”")),
            }
            let (subject, unit) = (self.text(&d, "subject"), self.str(&d, "unit"));
            if let (Some(function), Some(slot)) = (function, slot) {
                derivations.push(Derived { name, label, function, of: slot as u16, subject, unit });
            }
        }
        let owners = self.owners(o);
        (self.problems.list.len() == before).then(|| Vocabulary::new(infos, derivations, owners))
    }

    /// The values of a choice fact.
    fn choices(&mut self, f: &Obj<'_, '_>) -> Vec<Choice> {
        let items = self.items(f, "choices", true);
        if items.is_empty() && f.get("choices").is_some() {
            self.report(f.field("choices"), "至少应有一个取值");
        }
        if items.len() > MAX_CHOICES {
            self.report(f.field("choices"), format!("取值过多：{} 个，上限为 {MAX_CHOICES} 个", items.len()));
            return Vec::new();
        }
        let mut choices: Vec<Choice> = Vec::new();
        let mut names: Vec<String> = Vec::new();
        for (j, v) in items.iter().enumerate() {
            let path = indexed(&f.field("choices"), j);
            let Some(o) = self.object(&path, v, keys::CHOICE) else { continue };
            let name = self.name(&o, &names, false);
            names.push(name.clone());
            let (label, phrase) = (self.text(&o, "label"), self.text(&o, "phrase"));
            choices.push(Choice { name, label, phrase });
        }
        choices
    }

    /// The parties whose materials a checklist lists: at least one, each an
    /// identifier with a Chinese label.
    fn owners(&mut self, o: &Obj<'_, '_>) -> Vec<Owner> {
        let items = self.items(o, "owners", true);
        if items.is_empty() && o.get("owners").is_some() {
            self.report(o.field("owners"), "至少应有一个材料归属");
        }
        if items.len() > MAX_OWNERS {
            self.report(o.field("owners"), format!("材料归属过多：{} 个，上限为 {MAX_OWNERS} 个", items.len()));
            return Vec::new();
        }
        let mut names: Vec<String> = Vec::new();
        let mut out = Vec::with_capacity(items.len());
        for (i, v) in items.iter().enumerate() {
            let Some(p) = self.object(indexed("owners", i), v, keys::OWNER) else { continue };
            let name = self.name(&p, &names, false);
            names.push(name.clone());
            out.push(Owner { name, label: self.text(&p, "label") });
        }
        out
    }

    /// Reads the document registry from `o` (`documents.json`, or a bundle).
    pub(super) fn documents(&mut self, o: &Obj<'_, '_>, checked: bool) -> Vec<Document> {
        let items = self.items(o, "documents", true);
        let ids = items.iter().map(|v| v.str_member("id").unwrap_or_default());
        let repeats = Index::new(ids).repeats();
        let mut out = Vec::with_capacity(items.len());
        for (i, v) in items.iter().enumerate() {
            let Some(d) = self.object(indexed("documents", i), v, keys::DOCUMENT) else { continue };
            let id = self.str(&d, "id");
            self.id(At(&d.path, "id"), &id, repeats[i]);
            let name = self.text(&d, "name");
            let issuer = self.opt_str(&d, "issuer");
            if let Some(issuer) = &issuer {
                self.non_empty(At(&d.path, "issuer"), issuer);
            }
            let stand_in = d.get("stand_in").and_then(|v| {
                let (s, decision) =
                    self.sourced(d.field("stand_in"), v, keys::STAND_IN, "免提交（stand_in）", checked)?;
                let by = self.str(&s, "by");
                match StandInKind::from_name(&by) {
                    Some(by) => Some(StandIn { by, decision }),
                    None => {
                        if s.get("by").is_some() {
                            self.report(
                                s.field("by"),
                                format!("未知的替代方式“{by}”，应为 electronic_licence 或 shared_data"),
                            );
                        }
                        None
                    }
                }
            });
            out.push(Document { id, name, issuer, stand_in });
        }
        out
    }
}
