//! The applicant facts: a closed, documented vocabulary.
//!
//! Facts cross every boundary as one JSON object. Every key is optional
//! except `application_date`; `null` means "not given". A key outside the
//! vocabulary is an error that names the nearest known key, so a typo never
//! silently drops a requirement. When a service needs a fact that was not
//! given, the assessment says so ("undetermined") instead of guessing.
//!
//! | key | type | 中文 |
//! |---|---|---|
//! | `application_date` | `"YYYY-MM-DD"`, required | 申请日期 |
//! | `birth_date` | `"YYYY-MM-DD"` | 出生日期 (age, minor and newborn are derived from it) |
//! | `hukou` | `"local"` / `"nonlocal"` | 户籍：本市 / 外地 |
//! | `marital_status` | `"unmarried"` / `"married"` / `"divorced"` / `"widowed"` | 婚姻状况：未婚 / 已婚 / 离异 / 丧偶 |
//! | `proxy` | bool | 是否由代办人办理 |
//! | `disabled` | bool | 是否持有残疾证 |
//! | `dibao` | bool | 是否享受最低生活保障（低保） |
//! | `employment_status` | `"employed"` / `"unemployed"` / `"flexible"` / `"retired"` | 就业状态：在职 / 失业 / 灵活就业 / 退休 |
//! | `insurance_category` | `"graduate"` / `"flexible_worker"` / `"sole_proprietor"` | 6.1 参保人员类别：大中专毕业生 / 灵活就业人员 / 个体工商户 |
//! | `reimbursement_case` | `"emergency_observation"` / `"newborn_inpatient"` | 1.2 报销情形：急诊留观转住院 / 新生儿住院垫付 |
//! | `receipt_names_parent` | bool | 1.2 住院收据姓名写作“XX之子/XX之女” |
//! | `premises` | `"owned"` / `"leased"` | 10.1 经营场所：自有 / 租赁 |
//! | `has_training_certificate` | bool | 10.1 已取得创业培训合格证书 |
//! | `college_graduate` | bool | 10.1 以高校毕业生身份申请 |
//! | `receiving_flexible_subsidy` | bool | 正在享受灵活就业社会保险补贴 |
//! | `subsidy_years_received` | integer 0–100 | 已享受灵活就业社会保险补贴的年数 |

use crate::Date;

/// One allowed value of a choice fact.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Choice {
    name: &'static str,
    label: &'static str,
    phrase: &'static str,
}

impl Choice {
    /// The JSON value, such as `"nonlocal"`.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The Chinese label, such as `外地`.
    pub fn label(&self) -> &'static str {
        self.label
    }
}

/// What kind of value a fact takes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub enum FactKind {
    /// A `YYYY-MM-DD` date.
    Date,
    /// `true` or `false`.
    Bool,
    /// One of a fixed set of strings.
    Choice(&'static [Choice]),
    /// A whole number from 0 to the maximum.
    Count {
        /// The largest accepted value.
        max: u32,
    },
}

/// A fact in the vocabulary: its JSON key, Chinese label and kind.
///
/// # Example
///
/// ```
/// let marital = banshi::FactInfo::find("marital_status").unwrap();
/// assert_eq!(marital.label(), "婚姻状况");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct FactInfo {
    name: &'static str,
    label: &'static str,
    kind: FactKind,
}

impl FactInfo {
    /// The JSON key.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The Chinese label, as a form would show it.
    pub fn label(&self) -> &'static str {
        self.label
    }

    /// The kind of value it takes.
    pub fn kind(&self) -> FactKind {
        self.kind
    }

    /// Every fact in the vocabulary, in its documented order.
    pub fn all() -> &'static [FactInfo] {
        &FACTS
    }

    /// The fact with this JSON key.
    pub fn find(name: &str) -> Option<&'static FactInfo> {
        FACTS.iter().find(|f| f.name == name)
    }
}

macro_rules! choice_enum {
    ($(#[doc = $doc:literal])* $name:ident { $($(#[doc = $vdoc:literal])* $variant:ident = $json:literal, $label:literal, $phrase:literal;)* }) => {
        $(#[doc = $doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[doc = $vdoc])* $variant,)*
        }

        impl $name {
            const CHOICES: &'static [Choice] = &[$(Choice { name: $json, label: $label, phrase: $phrase }),*];
            const VARIANTS: &'static [$name] = &[$($name::$variant),*];

            /// The JSON value.
            pub fn name(self) -> &'static str {
                Self::CHOICES[self as usize].name
            }

            /// The Chinese label.
            pub fn label(self) -> &'static str {
                Self::CHOICES[self as usize].label
            }

            fn from_name(name: &str) -> Option<$name> {
                Self::CHOICES.iter().position(|c| c.name == name).map(|i| Self::VARIANTS[i])
            }
        }
    };
}

choice_enum! {
    /// Household registration (户籍).
    Hukou {
        /// 本市: registered in Tianjin.
        Local = "local", "本市", "申请人户籍为本市";
        /// 外地: registered elsewhere.
        NonLocal = "nonlocal", "外地", "申请人户籍为外地";
    }
}

choice_enum! {
    /// Marital status (婚姻状况).
    MaritalStatus {
        /// 未婚.
        Unmarried = "unmarried", "未婚", "申请人未婚";
        /// 已婚.
        Married = "married", "已婚", "申请人已婚";
        /// 离异.
        Divorced = "divorced", "离异", "申请人离异";
        /// 丧偶.
        Widowed = "widowed", "丧偶", "申请人丧偶";
    }
}

choice_enum! {
    /// Employment status (就业状态).
    EmploymentStatus {
        /// 在职.
        Employed = "employed", "在职", "申请人在职";
        /// 失业: registered or able to register as unemployed.
        Unemployed = "unemployed", "失业", "申请人为失业人员";
        /// 灵活就业.
        Flexible = "flexible", "灵活就业", "申请人为灵活就业人员";
        /// 退休.
        Retired = "retired", "退休", "申请人已退休";
    }
}

choice_enum! {
    /// The category of a 6.1 applicant (外省市在津灵活就业人员的类别).
    InsuranceCategory {
        /// 大中专毕业生.
        Graduate = "graduate", "大中专毕业生", "申请人为大中专毕业生";
        /// 灵活就业人员.
        FlexibleWorker = "flexible_worker", "灵活就业人员", "申请人为灵活就业人员";
        /// 个体工商户.
        SoleProprietor = "sole_proprietor", "个体工商户", "申请人为个体工商户";
    }
}

choice_enum! {
    /// The case of a 1.2 reimbursement (报销情形).
    ReimbursementCase {
        /// 急诊留观转住院.
        EmergencyObservation = "emergency_observation", "急诊留观转住院", "报销情形为急诊留观转住院";
        /// 新生儿住院垫付.
        NewbornInpatient = "newborn_inpatient", "新生儿住院垫付", "报销情形为新生儿住院垫付";
    }
}

choice_enum! {
    /// Whether 10.1's business premises are owned or leased (经营场所).
    Premises {
        /// 自有.
        Owned = "owned", "自有", "经营场所为自有";
        /// 租赁.
        Leased = "leased", "租赁", "经营场所为租赁";
    }
}

/// The facts about one applicant and one application.
///
/// Every field but `application_date` is optional: `None` means "not given",
/// and a service that needs it reports it as missing.
///
/// # Example
///
/// ```
/// use banshi::{Facts, MaritalStatus};
///
/// let mut facts = Facts::new("2026-11-27".parse()?);
/// facts.marital_status = Some(MaritalStatus::Unmarried);
/// facts.proxy = Some(false);
///
/// let same = Facts::from_json(r#"{"application_date":"2026-11-27","marital_status":"unmarried","proxy":false}"#)?;
/// assert_eq!(facts, same);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub struct Facts {
    /// 申请日期. Selects the rules in force and anchors every age.
    pub application_date: Date,
    /// 出生日期. Age in days and in completed years are derived from it.
    pub birth_date: Option<Date>,
    /// 户籍.
    pub hukou: Option<Hukou>,
    /// 婚姻状况.
    pub marital_status: Option<MaritalStatus>,
    /// 由代办人办理.
    pub proxy: Option<bool>,
    /// 持有残疾证.
    pub disabled: Option<bool>,
    /// 享受低保.
    pub dibao: Option<bool>,
    /// 就业状态.
    pub employment_status: Option<EmploymentStatus>,
    /// 6.1 参保人员类别.
    pub insurance_category: Option<InsuranceCategory>,
    /// 1.2 报销情形.
    pub reimbursement_case: Option<ReimbursementCase>,
    /// 1.2 住院收据姓名写作“XX之子/XX之女”.
    pub receipt_names_parent: Option<bool>,
    /// 10.1 经营场所.
    pub premises: Option<Premises>,
    /// 10.1 已取得创业培训合格证书.
    pub has_training_certificate: Option<bool>,
    /// 10.1 以高校毕业生身份申请.
    pub college_graduate: Option<bool>,
    /// 正在享受灵活就业社会保险补贴.
    pub receiving_flexible_subsidy: Option<bool>,
    /// 已享受灵活就业社会保险补贴的年数, 0 to 100.
    pub subsidy_years_received: Option<u32>,
}

impl Facts {
    /// Facts with only the application date given.
    pub fn new(application_date: Date) -> Facts {
        Facts {
            application_date,
            birth_date: None,
            hukou: None,
            marital_status: None,
            proxy: None,
            disabled: None,
            dibao: None,
            employment_status: None,
            insurance_category: None,
            reimbursement_case: None,
            receipt_names_parent: None,
            premises: None,
            has_training_certificate: None,
            college_graduate: None,
            receiving_flexible_subsidy: None,
            subsidy_years_received: None,
        }
    }

    /// Parses the facts object from JSON.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidJson`](crate::Error::InvalidJson) for malformed JSON,
    /// [`Error::UnknownFact`](crate::Error::UnknownFact) for a key outside the
    /// vocabulary, [`Error::InvalidFactValue`](crate::Error::InvalidFactValue)
    /// or [`Error::InvalidDate`](crate::Error::InvalidDate) for a bad value,
    /// [`Error::DuplicateKey`](crate::Error::DuplicateKey),
    /// [`Error::MissingApplicationDate`](crate::Error::MissingApplicationDate),
    /// and [`Error::BirthAfterApplication`](crate::Error::BirthAfterApplication).
    pub fn from_json(text: &str) -> Result<Facts, crate::Error> {
        let value = crate::wire::parse(text)?;
        Facts::from_wire(&value, "facts")
    }

    /// Serialises the facts as the JSON object [`Facts::from_json`] reads,
    /// omitting facts that were not given.
    pub fn to_json(&self) -> String {
        crate::writer::to_string(self, 256)
    }

    pub(crate) fn from_wire(value: &crate::wire::Value<'_>, path: &str) -> Result<Facts, crate::Error> {
        use crate::Error;
        use crate::wire::Value;

        let Value::Object(members) = value else {
            return Err(Error::InvalidValue { field: path.to_owned(), expected: "应为 JSON 对象".to_owned() });
        };
        let mut seen = FactSet::EMPTY;
        let mut application_date = None;
        let mut facts = Facts::new(Date::MIN);
        for (key, value) in members {
            // One lookup gives both the fact's entry and its id.
            let Some(i) = FACTS.iter().position(|f| f.name == key.as_ref()) else {
                return Err(Error::UnknownFact {
                    key: key.to_string(),
                    suggestion: crate::suggest::nearest(key, FACTS.iter().map(|f| f.name)),
                });
            };
            let (info, id) = (&FACTS[i], FactId::ALL[i]);
            if seen.contains(id) {
                return Err(Error::DuplicateKey { key: key.to_string() });
            }
            seen.insert(id);
            if matches!(value, Value::Null) {
                continue;
            }
            let parsed = FactValue::parse(info, value)?;
            match (id, parsed) {
                (FactId::ApplicationDate, FactValue::Date(d)) => application_date = Some(d),
                (FactId::BirthDate, FactValue::Date(d)) => facts.birth_date = Some(d),
                (FactId::Hukou, FactValue::Choice(s)) => facts.hukou = Hukou::from_name(s),
                (FactId::MaritalStatus, FactValue::Choice(s)) => facts.marital_status = MaritalStatus::from_name(s),
                (FactId::Proxy, FactValue::Bool(b)) => facts.proxy = Some(b),
                (FactId::Disabled, FactValue::Bool(b)) => facts.disabled = Some(b),
                (FactId::Dibao, FactValue::Bool(b)) => facts.dibao = Some(b),
                (FactId::EmploymentStatus, FactValue::Choice(s)) => {
                    facts.employment_status = EmploymentStatus::from_name(s)
                }
                (FactId::InsuranceCategory, FactValue::Choice(s)) => {
                    facts.insurance_category = InsuranceCategory::from_name(s)
                }
                (FactId::ReimbursementCase, FactValue::Choice(s)) => {
                    facts.reimbursement_case = ReimbursementCase::from_name(s)
                }
                (FactId::ReceiptNamesParent, FactValue::Bool(b)) => facts.receipt_names_parent = Some(b),
                (FactId::Premises, FactValue::Choice(s)) => facts.premises = Premises::from_name(s),
                (FactId::HasTrainingCertificate, FactValue::Bool(b)) => facts.has_training_certificate = Some(b),
                (FactId::CollegeGraduate, FactValue::Bool(b)) => facts.college_graduate = Some(b),
                (FactId::ReceivingFlexibleSubsidy, FactValue::Bool(b)) => facts.receiving_flexible_subsidy = Some(b),
                (FactId::SubsidyYearsReceived, FactValue::Count(n)) => facts.subsidy_years_received = Some(n),
                _ => unreachable!("FactValue::parse returns the kind of the fact"),
            }
        }
        facts.application_date = application_date.ok_or(Error::MissingApplicationDate)?;
        facts.validate()?;
        Ok(facts)
    }

    /// Checks facts that are individually valid but wrong together.
    pub(crate) fn validate(&self) -> Result<(), crate::Error> {
        if let Some(birth) = self.birth_date {
            if birth > self.application_date {
                return Err(crate::Error::BirthAfterApplication { birth, application: self.application_date });
            }
        }
        if let Some(n) = self.subsidy_years_received {
            if n > MAX_SUBSIDY_YEARS {
                return Err(crate::Error::InvalidFactValue {
                    fact: "subsidy_years_received",
                    expected: format!("应为 0 至 {MAX_SUBSIDY_YEARS} 的整数"),
                });
            }
        }
        Ok(())
    }

    /// The value of a condition variable, `None` when its fact is not given.
    pub(crate) fn var(&self, var: Var) -> Option<VarValue> {
        let choice = |i: usize| Some(VarValue::Choice(i as u8));
        match var {
            Var::Hukou => self.hukou.and_then(|v| choice(v as usize)),
            Var::MaritalStatus => self.marital_status.and_then(|v| choice(v as usize)),
            Var::Proxy => self.proxy.map(VarValue::Bool),
            Var::Disabled => self.disabled.map(VarValue::Bool),
            Var::Dibao => self.dibao.map(VarValue::Bool),
            Var::EmploymentStatus => self.employment_status.and_then(|v| choice(v as usize)),
            Var::InsuranceCategory => self.insurance_category.and_then(|v| choice(v as usize)),
            Var::ReimbursementCase => self.reimbursement_case.and_then(|v| choice(v as usize)),
            Var::ReceiptNamesParent => self.receipt_names_parent.map(VarValue::Bool),
            Var::Premises => self.premises.and_then(|v| choice(v as usize)),
            Var::HasTrainingCertificate => self.has_training_certificate.map(VarValue::Bool),
            Var::CollegeGraduate => self.college_graduate.map(VarValue::Bool),
            Var::ReceivingFlexibleSubsidy => self.receiving_flexible_subsidy.map(VarValue::Bool),
            Var::SubsidyYearsReceived => self.subsidy_years_received.map(|n| VarValue::Count(i64::from(n))),
            Var::AgeDays => self.birth_date.map(|b| VarValue::Count(i64::from(b.days_until(self.application_date)))),
            Var::AgeYears => self.birth_date.map(|b| VarValue::Count(i64::from(b.years_until(self.application_date)))),
        }
    }
}

/// The largest accepted `subsidy_years_received`.
const MAX_SUBSIDY_YEARS: u32 = 100;

impl serde::Serialize for Facts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("application_date", &self.application_date)?;
        if let Some(d) = self.birth_date {
            map.serialize_entry("birth_date", &d)?;
        }
        macro_rules! put {
            ($($field:ident => $conv:expr),*) => {$(
                if let Some(v) = self.$field {
                    let conv = $conv;
                    map.serialize_entry(stringify!($field), &conv(v))?;
                }
            )*};
        }
        put!(
            hukou => Hukou::name,
            marital_status => MaritalStatus::name,
            proxy => std::convert::identity::<bool>,
            disabled => std::convert::identity::<bool>,
            dibao => std::convert::identity::<bool>,
            employment_status => EmploymentStatus::name,
            insurance_category => InsuranceCategory::name,
            reimbursement_case => ReimbursementCase::name,
            receipt_names_parent => std::convert::identity::<bool>,
            premises => Premises::name,
            has_training_certificate => std::convert::identity::<bool>,
            college_graduate => std::convert::identity::<bool>,
            receiving_flexible_subsidy => std::convert::identity::<bool>,
            subsidy_years_received => std::convert::identity::<u32>
        );
        map.end()
    }
}

/// A parsed fact value, before it is stored in [`Facts`].
enum FactValue<'a> {
    Date(Date),
    Bool(bool),
    Choice(&'a str),
    Count(u32),
}

impl<'a> FactValue<'a> {
    fn parse(info: &'static FactInfo, value: &'a crate::wire::Value<'_>) -> Result<FactValue<'a>, crate::Error> {
        use crate::Error;
        use crate::wire::Value;
        let invalid = |expected: String| Error::InvalidFactValue { fact: info.name, expected };
        match (info.kind, value) {
            (FactKind::Date, Value::Str(s)) => s
                .parse()
                .map(FactValue::Date)
                .map_err(|reason| Error::InvalidDate { field: info.name.to_owned(), reason }),
            (FactKind::Date, _) => Err(invalid("应为 YYYY-MM-DD 格式的日期字符串".to_owned())),
            (FactKind::Bool, Value::Bool(b)) => Ok(FactValue::Bool(*b)),
            (FactKind::Bool, _) => Err(invalid("应为 true 或 false".to_owned())),
            (FactKind::Choice(choices), Value::Str(s)) => match choices.iter().find(|c| c.name == s.as_ref()) {
                Some(c) => Ok(FactValue::Choice(c.name)),
                None => {
                    let names = choices.iter().map(|c| c.name);
                    let mut expected = format!("的取值“{s}”无效，应为 {} 之一", join(names.clone()));
                    if let Some(near) = crate::suggest::nearest(s, names) {
                        expected.push_str(&format!("，是否应为“{near}”？"));
                    }
                    Err(invalid(expected))
                }
            },
            (FactKind::Choice(choices), _) => {
                Err(invalid(format!("应为字符串，取 {} 之一", join(choices.iter().map(|c| c.name)))))
            }
            (FactKind::Count { max }, Value::Int(n)) if (0..=i64::from(max)).contains(n) => {
                Ok(FactValue::Count(*n as u32))
            }
            (FactKind::Count { max }, _) => Err(invalid(format!("应为 0 至 {max} 的整数"))),
        }
    }
}

fn join<'s>(names: impl Iterator<Item = &'s str>) -> String {
    names.collect::<Vec<_>>().join("、")
}

macro_rules! facts_table {
    ($($id:ident = $name:literal, $label:literal, $kind:expr;)*) => {
        /// An input fact, indexing [`FACTS`].
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
        pub(crate) enum FactId { $($id,)* }

        impl FactId {
            pub(crate) const ALL: &'static [FactId] = &[$(FactId::$id),*];

            pub(crate) fn info(self) -> &'static FactInfo {
                &FACTS[self as usize]
            }
        }

        static FACTS: [FactInfo; FactId::ALL.len()] = [$(FactInfo { name: $name, label: $label, kind: $kind }),*];
    };
}

facts_table! {
    ApplicationDate = "application_date", "申请日期", FactKind::Date;
    BirthDate = "birth_date", "出生日期", FactKind::Date;
    Hukou = "hukou", "户籍", FactKind::Choice(Hukou::CHOICES);
    MaritalStatus = "marital_status", "婚姻状况", FactKind::Choice(MaritalStatus::CHOICES);
    Proxy = "proxy", "是否由代办人办理", FactKind::Bool;
    Disabled = "disabled", "是否持有残疾证", FactKind::Bool;
    Dibao = "dibao", "是否享受低保", FactKind::Bool;
    EmploymentStatus = "employment_status", "就业状态", FactKind::Choice(EmploymentStatus::CHOICES);
    InsuranceCategory = "insurance_category", "参保人员类别", FactKind::Choice(InsuranceCategory::CHOICES);
    ReimbursementCase = "reimbursement_case", "报销情形", FactKind::Choice(ReimbursementCase::CHOICES);
    ReceiptNamesParent = "receipt_names_parent", "住院收据姓名是否写作“XX之子/XX之女”", FactKind::Bool;
    Premises = "premises", "经营场所", FactKind::Choice(Premises::CHOICES);
    HasTrainingCertificate = "has_training_certificate", "是否已取得创业培训合格证书", FactKind::Bool;
    CollegeGraduate = "college_graduate", "是否以高校毕业生身份申请", FactKind::Bool;
    ReceivingFlexibleSubsidy = "receiving_flexible_subsidy", "是否正在享受灵活就业社保补贴", FactKind::Bool;
    SubsidyYearsReceived = "subsidy_years_received", "已享受灵活就业社保补贴年数", FactKind::Count { max: MAX_SUBSIDY_YEARS };
}

/// A set of input facts, such as those a service needs or an assessment
/// still lacks. Iterates in vocabulary order.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default, Debug)]
pub struct FactSet(u32);

impl FactSet {
    pub(crate) const EMPTY: FactSet = FactSet(0);

    pub(crate) fn contains(self, id: FactId) -> bool {
        self.0 & (1 << id as u32) != 0
    }

    pub(crate) fn insert(&mut self, id: FactId) {
        self.0 |= 1 << id as u32;
    }

    pub(crate) fn union(self, other: FactSet) -> FactSet {
        FactSet(self.0 | other.0)
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The facts in the set, in vocabulary order.
    pub fn iter(self) -> impl Iterator<Item = &'static FactInfo> {
        FactId::ALL.iter().filter(move |&&id| self.contains(id)).map(|id| id.info())
    }
}

impl serde::Serialize for FactSet {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter().map(FactInfo::name))
    }
}

/// What a condition variable holds: a fact, or a value derived from facts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum VarValue {
    Bool(bool),
    Choice(u8),
    Count(i64),
}

/// How a condition variable is typed and described.
#[derive(Clone, Copy, Debug)]
pub(crate) enum VarKind {
    /// A yes/no fact, with the phrase for each answer.
    Bool { yes: &'static str, no: &'static str },
    /// A choice fact, each value carrying its phrase.
    Choice(&'static [Choice]),
    /// A number, described as `{subject}{不满|满|…}{n}{unit}`.
    Count { subject: &'static str, unit: &'static str },
}

macro_rules! vars_table {
    ($($id:ident = $name:literal, $fact:ident, $kind:expr;)*) => {
        /// A name a catalogue condition may test: a fact or a derived value.
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
        pub(crate) enum Var { $($id,)* }

        impl Var {
            pub(crate) const ALL: &'static [Var] = &[$(Var::$id),*];

            pub(crate) fn name(self) -> &'static str {
                match self { $(Var::$id => $name,)* }
            }

            /// The input fact this variable needs.
            pub(crate) fn fact(self) -> FactId {
                match self { $(Var::$id => FactId::$fact,)* }
            }

            pub(crate) fn kind(self) -> VarKind {
                match self { $(Var::$id => $kind,)* }
            }
        }
    };
}

vars_table! {
    Hukou = "hukou", Hukou, VarKind::Choice(Hukou::CHOICES);
    MaritalStatus = "marital_status", MaritalStatus, VarKind::Choice(MaritalStatus::CHOICES);
    Proxy = "proxy", Proxy, VarKind::Bool { yes: "由代办人办理", no: "由申请人本人办理" };
    Disabled = "disabled", Disabled, VarKind::Bool { yes: "申请人持有残疾证", no: "申请人未持有残疾证" };
    Dibao = "dibao", Dibao, VarKind::Bool { yes: "申请人享受低保", no: "申请人未享受低保" };
    EmploymentStatus = "employment_status", EmploymentStatus, VarKind::Choice(EmploymentStatus::CHOICES);
    InsuranceCategory = "insurance_category", InsuranceCategory, VarKind::Choice(InsuranceCategory::CHOICES);
    ReimbursementCase = "reimbursement_case", ReimbursementCase, VarKind::Choice(ReimbursementCase::CHOICES);
    ReceiptNamesParent = "receipt_names_parent", ReceiptNamesParent,
        VarKind::Bool { yes: "住院收据姓名写作“XX之子/XX之女”", no: "住院收据写有患儿本人姓名" };
    Premises = "premises", Premises, VarKind::Choice(Premises::CHOICES);
    HasTrainingCertificate = "has_training_certificate", HasTrainingCertificate,
        VarKind::Bool { yes: "申请人已取得创业培训合格证书", no: "申请人未取得创业培训合格证书" };
    CollegeGraduate = "college_graduate", CollegeGraduate,
        VarKind::Bool { yes: "申请人以高校毕业生身份申请", no: "申请人不以高校毕业生身份申请" };
    ReceivingFlexibleSubsidy = "receiving_flexible_subsidy", ReceivingFlexibleSubsidy,
        VarKind::Bool { yes: "申请人正在享受灵活就业社保补贴", no: "申请人未在享受灵活就业社保补贴" };
    SubsidyYearsReceived = "subsidy_years_received", SubsidyYearsReceived,
        VarKind::Count { subject: "享受灵活就业社保补贴", unit: "年" };
    AgeDays = "age_days", BirthDate, VarKind::Count { subject: "申请人出生", unit: "天" };
    AgeYears = "age_years", BirthDate, VarKind::Count { subject: "申请人", unit: "周岁" };
}

impl VarKind {
    /// The Chinese phrase describing a choice value.
    pub(crate) fn choice_phrase(choices: &'static [Choice], index: u8) -> &'static str {
        choices[usize::from(index)].phrase
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_matches_enums() {
        for (i, id) in FactId::ALL.iter().enumerate() {
            assert_eq!(*id as usize, i);
            assert_eq!(id.info().name(), FactInfo::all()[i].name());
        }
        assert!(FactId::ALL.len() <= 32, "FactSet is a u32");
        assert_eq!(Hukou::from_name("nonlocal"), Some(Hukou::NonLocal));
        assert_eq!(MaritalStatus::Widowed.label(), "丧偶");
        for var in Var::ALL {
            assert!(FactInfo::find(var.name()).is_some() || var.fact() == FactId::BirthDate);
        }
    }
}
