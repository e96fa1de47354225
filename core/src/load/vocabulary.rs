//! A catalogue's vocabulary (`facts.json`) and document registry
//! (`documents.json`), read and checked.

use super::check::{Checker, Obj, is_identifier};
use crate::facts::{
    APPLICATION_DATE, Choice, Derivation, Derived, FactInfo, MAX_CHOICES, MAX_COUNT, MAX_FACTS, Owner, Spec, Vocabulary,
};
use crate::model::Document;
use crate::support::lookup::Index;
use crate::support::wire::Value;

impl Checker<'_> {
    /// A name in the vocabulary: an identifier, not seen before.
    fn fact_name(&mut self, path: &str, name: &str, seen: &[String]) {
        if !is_identifier(name) {
            self.report(path, format!("名称“{name}”应由小写字母、数字和下划线组成，并以字母开头"));
        } else if name == APPLICATION_DATE {
            self.report(path, "application_date 是引擎内置的申请日期，不应在词汇表中声明");
        } else if seen.iter().any(|s| s == name) {
            self.report(path, format!("名称“{name}”重复"));
        }
    }

    /// Reads `facts` and `derived` into a vocabulary; `None` if any is wrong.
    pub(super) fn vocabulary(
        &mut self,
        facts: Option<&Value<'_>>,
        derived: Option<&Value<'_>>,
        owners: Option<&Value<'_>>,
    ) -> Option<Vocabulary> {
        let before = self.problems.list.len();
        let list: &[Value<'_>] = match facts {
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.report("facts", format!("应为数组，实为{}", other.type_name()));
                &[]
            }
            None => {
                self.report("facts", "缺少此字段");
                &[]
            }
        };
        if list.len() >= MAX_FACTS {
            self.report("facts", format!("事实过多：{} 个，上限为 {} 个", list.len(), MAX_FACTS - 1));
            return None;
        }
        let mut infos = vec![Vocabulary::application_date()];
        let mut names: Vec<String> = Vec::new();
        for (i, v) in list.iter().enumerate() {
            let path = format!("facts[{i}]");
            const KEYS: &[&str] = &["name", "label", "type", "choices", "yes", "no", "max", "subject", "unit"];
            let Some(f) = self.object(&path, v, KEYS) else { continue };
            let name = self.str(&f, "name");
            self.fact_name(&f.field("name"), &name, &names);
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
                    let max = self.number(&f, "max", u64::from(MAX_COUNT));
                    if f.get("max").is_none() {
                        self.report(f.field("max"), "缺少此字段");
                    }
                    Spec::Count {
                        max: max.unwrap_or(0) as u32,
                        subject: self.text(&f, "subject"),
                        unit: self.str(&f, "unit"),
                    }
                }
                _ => Spec::Choice(self.choices(&f)),
            };
            infos.push(FactInfo { name, label, spec });
        }
        let mut derivations = Vec::new();
        let list: &[Value<'_>] = match derived {
            None => &[],
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.report("derived", format!("应为数组，实为{}", other.type_name()));
                &[]
            }
        };
        if list.len() > MAX_FACTS {
            self.report("derived", format!("派生值过多：{} 个，上限为 {MAX_FACTS} 个", list.len()));
            return None;
        }
        for (i, v) in list.iter().enumerate() {
            let path = format!("derived[{i}]");
            const KEYS: &[&str] = &["name", "label", "function", "of", "subject", "unit"];
            let Some(d) = self.object(&path, v, KEYS) else { continue };
            let name = self.str(&d, "name");
            self.fact_name(&d.field("name"), &name, &names);
            names.push(name.clone());
            let label = self.text(&d, "label");
            let function = self.str(&d, "function");
            let function = Derivation::ALL.iter().copied().find(|f| f.name() == function).or_else(|| {
                let all = Derivation::ALL.iter().map(|f| f.name()).collect::<Vec<_>>().join("、");
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
        let owners = self.owners(owners);
        (self.problems.list.len() == before).then(|| Vocabulary::new(infos, derivations, owners))
    }

    /// The parties whose materials a checklist lists: at least one, each an
    /// identifier with a Chinese label.
    fn owners(&mut self, list: Option<&Value<'_>>) -> Vec<Owner> {
        let items: &[Value<'_>] = match list {
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.report("owners", format!("应为数组，实为{}", other.type_name()));
                &[]
            }
            None => {
                self.report("owners", "缺少此字段（材料归属，如 applicant 申请人）");
                &[]
            }
        };
        if items.is_empty() && list.is_some() {
            self.report("owners", "至少应有一个材料归属");
        }
        let mut out: Vec<Owner> = Vec::with_capacity(items.len());
        for (i, v) in items.iter().enumerate() {
            let Some(o) = self.object(&format!("owners[{i}]"), v, &["name", "label"]) else { continue };
            let name = self.str(&o, "name");
            if !is_identifier(&name) {
                self.report(o.field("name"), format!("名称“{name}”应由小写字母、数字和下划线组成，并以字母开头"));
            } else if out.iter().any(|x| x.name == name) {
                self.report(o.field("name"), format!("名称“{name}”重复"));
            }
            let label = self.text(&o, "label");
            out.push(Owner { name, label });
        }
        out
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
        for (j, v) in items.iter().enumerate() {
            let Some(o) = self.object(&format!("{}[{j}]", f.field("choices")), v, &["name", "label", "phrase"]) else {
                continue;
            };
            let name = self.str(&o, "name");
            if !is_identifier(&name) {
                self.report(o.field("name"), format!("取值“{name}”应由小写字母、数字和下划线组成，并以字母开头"));
            } else if choices.iter().any(|c| c.name == name) {
                self.report(o.field("name"), format!("取值“{name}”重复"));
            }
            let (label, phrase) = (self.text(&o, "label"), self.text(&o, "phrase"));
            choices.push(Choice { name, label, phrase });
        }
        choices
    }

    /// Reads the document registry.
    pub(super) fn documents(&mut self, list: Option<&Value<'_>>) -> Vec<Document> {
        let items: &[Value<'_>] = match list {
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.report("documents", format!("应为数组，实为{}", other.type_name()));
                &[]
            }
            None => {
                self.report("documents", "缺少此字段");
                &[]
            }
        };
        let ids = items.iter().map(|v| match v {
            Value::Object(members) => members.iter().find(|(k, _)| k == "id").map_or("", |(_, v)| match v {
                Value::Str(s) => s.as_ref(),
                _ => "",
            }),
            _ => "",
        });
        let repeats = Index::new(ids).repeats();
        let mut out = Vec::with_capacity(items.len());
        for (i, v) in items.iter().enumerate() {
            let Some(o) = self.object(&format!("documents[{i}]"), v, &["id", "name", "issuer"]) else { continue };
            let id = self.str(&o, "id");
            self.id(&o.field("id"), &id, repeats[i]);
            let name = self.text(&o, "name");
            let issuer = self.opt_str(&o, "issuer");
            if let Some(issuer) = &issuer {
                self.non_empty(&o.field("issuer"), issuer);
            }
            out.push(Document { id, name, issuer });
        }
        out
    }
}
