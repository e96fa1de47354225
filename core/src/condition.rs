//! Catalogue conditions: a small typed expression language.
//!
//! ```text
//! expr  := and ("||" and)*
//! and   := unary ("&&" unary)*
//! unary := "!" unary | "(" expr ")" | atom
//! atom  := name                              (a yes/no fact)
//!        | name ("==" | "!=") value          (a choice fact)
//!        | name "in" "[" value ("," value)* "]"
//!        | name ("<" | "<=" | ">" | ">=" | "==" | "!=") integer   (a number)
//! ```
//!
//! A condition is at most [`MAX_LENGTH`] bytes long and nests `!` and `(` at
//! most [`MAX_DEPTH`] deep, so that parsing, evaluating and explaining it
//! (all recursive) stay far within a small thread stack (256 KiB, a JVM
//! thread's) whatever the catalogue holds.
//!
//! Names are the catalogue's own vocabulary: its yes/no, choice and count
//! facts, and its derived values (such as an age computed from a date fact
//! and the application date). Conditions are type-checked against that
//! vocabulary when the catalogue loads. They are evaluated in three-valued logic: a condition
//! that depends on a fact not given is *unknown*, never guessed.

use std::fmt;

use crate::facts::{Choice, FactSet, Facts, Slot, Source, Var, VarKind, VarValue, Vocabulary};
use crate::support::Joined as _;

/// The outcome of a condition: Kleene's three-valued logic.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Tri {
    True,
    False,
    Unknown,
}

impl Tri {
    fn not(self) -> Tri {
        match self {
            Tri::True => Tri::False,
            Tri::False => Tri::True,
            Tri::Unknown => Tri::Unknown,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Cmp {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
}

impl Cmp {
    fn holds(self, a: i64, b: i64) -> bool {
        match self {
            Cmp::Lt => a < b,
            Cmp::Le => a <= b,
            Cmp::Gt => a > b,
            Cmp::Ge => a >= b,
            Cmp::Eq => a == b,
            Cmp::Ne => a != b,
        }
    }

    /// The Chinese word for `subject ? n` when the comparison is `truth`.
    fn word(self, truth: bool) -> &'static str {
        match (self, truth) {
            (Cmp::Lt, true) | (Cmp::Ge, false) => "不满",
            (Cmp::Ge, true) | (Cmp::Lt, false) => "满",
            (Cmp::Le, true) | (Cmp::Gt, false) => "不超过",
            (Cmp::Gt, true) | (Cmp::Le, false) => "超过",
            (Cmp::Eq, true) | (Cmp::Ne, false) => "为",
            (Cmp::Ne, true) | (Cmp::Eq, false) => "不为",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Test {
    /// A yes/no fact is true.
    True,
    /// A choice fact's value is in the set (bit i = choice i).
    In(u32),
    /// A number compares with a constant.
    Cmp(Cmp, i64),
}

/// One test of one variable, with where its value comes from (resolved
/// once, at parse time).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct Atom {
    var: Var,
    source: Source,
    test: Test,
}

impl Atom {
    /// Whether the atom holds for the facts, and the value it read: a
    /// plain fact's tested as it is stored, the commonest case, inline.
    #[cfg_attr(not(target_family = "wasm"), inline(always))]
    fn eval(&self, facts: &Facts) -> Option<(bool, VarValue)> {
        let Source::Fact(slot) = self.source else {
            return self.eval_derived(facts);
        };
        match (self.test, facts.slot(slot)?) {
            (Test::True, &Slot::Bool(b)) => Some((b, VarValue::Bool(b))),
            (Test::In(mask), &Slot::Choice(i)) => Some((mask & (1 << i) != 0, VarValue::Choice(i))),
            (Test::Cmp(cmp, n), &Slot::Count(count)) => {
                let value = i32::try_from(count).unwrap_or(i32::MAX);
                Some((cmp.holds(i64::from(value), n), VarValue::Count(value)))
            }
            // Unset, or (never: conditions are type-checked) of another type.
            _ => None,
        }
    }

    /// [`Atom::eval`], out of line: for the paths that are not the
    /// commonest, so that the inlined copies stay few (the WASM build is
    /// kept small).
    #[cfg_attr(not(target_family = "wasm"), inline(never))]
    fn eval_outlined(&self, facts: &Facts) -> Option<(bool, VarValue)> {
        self.eval(facts)
    }

    /// [`Atom::eval`] for a derived value.
    #[cfg_attr(not(target_family = "wasm"), inline(never))]
    fn eval_derived(&self, facts: &Facts) -> Option<(bool, VarValue)> {
        let value = facts.value(self.source)?;
        Some((self.test_value(value)?, value))
    }

    /// Whether the atom holds for `value`.
    #[cfg_attr(not(target_family = "wasm"), inline)]
    fn test_value(&self, value: VarValue) -> Option<bool> {
        match (self.test, value) {
            (Test::True, VarValue::Bool(b)) => Some(b),
            (Test::In(mask), VarValue::Choice(i)) => Some(mask & (1 << i) != 0),
            (Test::Cmp(cmp, n), VarValue::Count(v)) => Some(cmp.holds(i64::from(v), n)),
            // Conditions are type-checked against the vocabulary the facts
            // were read with (the engine refuses facts of another one), so
            // this cannot happen; "unknown" is the safe answer if it did.
            _ => None,
        }
    }

    /// Where the tested value comes from.
    pub(crate) fn source(&self) -> Source {
        self.source
    }

    /// What is tested.
    pub(crate) fn test(&self) -> Test {
        self.test
    }
}

#[derive(Clone, PartialEq, Eq, Debug)]
enum Node {
    Atom(Atom),
    Not(Box<Node>),
    All(Vec<Node>),
    Any(Vec<Node>),
}

/// The deepest nesting of `!` and `(` a condition may have.
pub(crate) const MAX_DEPTH: usize = 32;

/// The longest condition, in bytes.
pub(crate) const MAX_LENGTH: usize = 4096;

/// A parsed, type-checked condition, with its source text.
#[derive(Clone, PartialEq, Eq, Debug)]
pub(crate) struct Condition {
    source: String,
    node: Node,
    facts: FactSet,
    /// The choice values the text names, per choice variable it tests (bit
    /// i = choice i): what `==`, `!=` and `in` spell, where the atoms keep
    /// only the set that makes them true. For the audit layer; kept out of
    /// the atoms so that evaluation reads the same data as before it.
    named: Vec<(Var, u32)>,
}

impl Condition {
    /// Parses and type-checks `source` within the limits.
    pub(crate) fn parse(source: &str, vocabulary: &Vocabulary) -> Result<Condition, ConditionError> {
        Condition::parse_within(source, vocabulary, MAX_DEPTH, MAX_LENGTH)
    }

    /// Parses with given limits: the loader allows one more level (and a
    /// few more bytes) for the `case == … && (when)` it builds itself.
    pub(crate) fn parse_within(
        source: &str,
        vocabulary: &Vocabulary,
        max_depth: usize,
        max_length: usize,
    ) -> Result<Condition, ConditionError> {
        if source.len() > max_length {
            return Err(ConditionError {
                message: format!("条件过长：{} 字节，上限为 {max_length} 字节", source.len()),
                offset: max_length,
            });
        }
        let mut parser = Parser { src: source, pos: 0, depth: 0, max_depth, vocabulary, named: Vec::new() };
        let node = parser.expr()?;
        parser.skip_ws();
        if parser.pos != source.len() {
            return Err(parser.error("条件末尾有多余内容"));
        }
        let mut facts = FactSet::EMPTY;
        node.collect_facts(vocabulary, &mut facts);
        Ok(Condition { source: source.to_owned(), node, facts, named: parser.named })
    }

    /// The source text, as written in the catalogue.
    pub(crate) fn source(&self) -> &str {
        &self.source
    }

    /// The input facts this condition reads.
    pub(crate) fn facts(&self) -> FactSet {
        self.facts
    }

    /// Evaluates the condition and, when it is decided and `explain` wants
    /// that outcome explained, appends why: the facts that decide it,
    /// phrased by `vocabulary` (the one it was parsed against). A condition
    /// that is one test of one fact, the commonest kind, is evaluated once
    /// instead of twice, and inline: the rest is out of line.
    #[cfg_attr(not(target_family = "wasm"), inline)]
    pub(crate) fn decide<'c>(
        &'c self,
        vocabulary: &'c Vocabulary,
        facts: &Facts,
        explain: impl Fn(bool) -> bool,
        out: &mut Vec<Reason<'c>>,
    ) -> Tri {
        if let Node::Atom(atom) = &self.node {
            return match atom.eval(facts) {
                Some((truth, value)) => {
                    if explain(truth) {
                        out.push(Reason(ReasonKind::Atom { vocabulary, atom, value, truth }));
                    }
                    if truth { Tri::True } else { Tri::False }
                }
                None => Tri::Unknown,
            };
        }
        self.decide_compound(vocabulary, facts, &explain, out)
    }

    /// [`Condition::decide`] for a condition of more than one test: one
    /// copy for every caller's `explain`.
    #[cfg_attr(not(target_family = "wasm"), inline(never))]
    fn decide_compound<'c>(
        &'c self,
        vocabulary: &'c Vocabulary,
        facts: &Facts,
        explain: &dyn Fn(bool) -> bool,
        out: &mut Vec<Reason<'c>>,
    ) -> Tri {
        if let Node::Any(nodes) | Node::All(nodes) = &self.node {
            if let Some(outcome) =
                Self::decide_flat(nodes, matches!(self.node, Node::Any(_)), vocabulary, facts, explain, out)
            {
                return outcome;
            }
        }
        let outcome = self.node.eval(&|source| facts.value(source));
        match outcome {
            Tri::True | Tri::False if explain(outcome == Tri::True) => {
                self.node.explain(vocabulary, facts, outcome == Tri::True, out);
            }
            _ => {}
        }
        outcome
    }

    /// [`Condition::decide`] for `a || b || …` (`any`) or `a && b && …` of
    /// at most 64 atoms, each evaluated once to decide, and those that
    /// explain the outcome once more to explain it, where the general walk
    /// evaluates each up to three times. The same outcome and the same
    /// reasons, in the same order; `None` (nothing pushed) for any other
    /// condition.
    fn decide_flat<'c>(
        nodes: &'c [Node],
        any: bool,
        vocabulary: &'c Vocabulary,
        facts: &Facts,
        explain: &dyn Fn(bool) -> bool,
        out: &mut Vec<Reason<'c>>,
    ) -> Option<Tri> {
        if nodes.len() > 64 {
            return None;
        }
        // `||` is true if any part is; `&&` false if any part is.
        let (decisive, otherwise) = if any { (Tri::True, Tri::False) } else { (Tri::False, Tri::True) };
        let mut outcome = otherwise;
        // Bit i: part i decides the outcome alone.
        let mut deciding = 0u64;
        for (i, node) in nodes.iter().enumerate() {
            let Node::Atom(atom) = node else { return None };
            match atom.eval(facts) {
                Some((truth, _)) if truth == any => {
                    outcome = decisive;
                    deciding |= 1 << i;
                }
                None if outcome != decisive => outcome = Tri::Unknown,
                _ => {}
            }
        }
        if outcome != Tri::Unknown && explain(outcome == Tri::True) {
            // A true `&&` is explained by all of its parts, a false one by
            // the parts that are false; dually for `||` (as `Node::explain`):
            // the deciding parts, or, when none decides, every part.
            let explaining = if outcome == decisive { deciding } else { u64::MAX };
            for (i, node) in nodes.iter().enumerate() {
                if let (true, Node::Atom(atom)) = (explaining >> i & 1 == 1, node) {
                    if let Some((truth, value)) = atom.eval_outlined(facts) {
                        out.push(Reason(ReasonKind::Atom { vocabulary, atom, value, truth }));
                    }
                }
            }
        }
        Some(outcome)
    }

    /// The outcome alone, for tests: answers use [`Condition::decide`].
    #[cfg(test)]
    pub(crate) fn eval(&self, facts: &Facts) -> Tri {
        self.node.eval(&|source| facts.value(source))
    }

    /// Evaluates with values from `value` instead of facts: `None` for a
    /// value not given. For tools that search the values a condition can
    /// take (`audit`), not for answers.
    pub(crate) fn eval_with(&self, value: &impl Fn(Source) -> Option<VarValue>) -> Tri {
        self.node.eval(value)
    }

    /// The choice values the text names, per choice variable, in text
    /// order (one entry per `==`, `!=` or `in`).
    pub(crate) fn named(&self) -> &[(Var, u32)] {
        &self.named
    }

    /// Every atom, in text order.
    pub(crate) fn atoms(&self) -> Vec<&Atom> {
        let mut out = Vec::new();
        self.node.atoms(&mut out);
        out
    }

    /// The facts whose absence makes this condition unknown.
    pub(crate) fn missing(&self, facts: &Facts, out: &mut FactSet) {
        self.node.missing(facts, out);
    }
}

/// A condition in Chinese, for guides: each atom in its vocabulary's words,
/// `，且` and `，或` between parts, and brackets where an `或` sits inside
/// an `且`.
struct Phrase {
    text: String,
    /// Made of `||`: needs brackets inside an `&&`.
    or: bool,
}

impl Condition {
    /// The condition in Chinese, phrased by `vocabulary` (the one it was
    /// parsed against): `由代办人办理，或申请人不满18周岁`.
    pub(crate) fn describe(&self, vocabulary: &Vocabulary) -> String {
        self.node.describe(vocabulary, true).text
    }
}

impl Atom {
    /// The atom as a statement when `truth` holds: its negation for `false`.
    fn describe(&self, vocabulary: &Vocabulary, truth: bool) -> String {
        match (vocabulary.kind(self.var), self.test) {
            (VarKind::Bool { yes, no }, _) => (if truth { yes } else { no }).to_owned(),
            (VarKind::Choice(choices), Test::In(mask)) => {
                let mask = if truth { mask } else { !mask };
                let mut labels: Vec<&str> =
                    choices.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, c)| c.label()).collect();
                let label = vocabulary.fact(vocabulary.var_name(self.var)).map_or("", |f| f.label());
                match labels.pop() {
                    None => format!("{label}无可取值"),
                    Some(last) if labels.is_empty() => format!("{label}为{last}"),
                    Some(last) => format!("{label}为{}或{last}", labels.joined("、")),
                }
            }
            (VarKind::Count { subject, unit }, Test::Cmp(cmp, n)) => format!("{subject}{}{n}{unit}", cmp.word(truth)),
            // Conditions are type-checked at parse time: no other pairing exists.
            _ => String::new(),
        }
    }
}

impl Node {
    fn describe(&self, vocabulary: &Vocabulary, truth: bool) -> Phrase {
        match self {
            Node::Atom(atom) => Phrase { text: atom.describe(vocabulary, truth), or: false },
            Node::Not(inner) => match &**inner {
                Node::Atom(_) | Node::Not(_) => inner.describe(vocabulary, !truth),
                _ if truth => {
                    Phrase { text: format!("并非“{}”", inner.describe(vocabulary, true).text), or: false }
                }
                _ => inner.describe(vocabulary, true),
            },
            Node::All(_) | Node::Any(_) if !truth => {
                Phrase { text: format!("并非“{}”", self.describe(vocabulary, true).text), or: false }
            }
            Node::All(nodes) => {
                let parts: Vec<String> = nodes
                    .iter()
                    .map(|n| {
                        let p = n.describe(vocabulary, true);
                        if p.or { format!("（{}）", p.text) } else { p.text }
                    })
                    .collect();
                Phrase { text: parts.joined("，且"), or: false }
            }
            Node::Any(nodes) => {
                let parts: Vec<String> = nodes.iter().map(|n| n.describe(vocabulary, true).text).collect();
                Phrase { text: parts.joined("，或"), or: true }
            }
        }
    }

    fn eval(&self, value: &impl Fn(Source) -> Option<VarValue>) -> Tri {
        let tri = |b: Option<bool>| match b {
            Some(true) => Tri::True,
            Some(false) => Tri::False,
            None => Tri::Unknown,
        };
        match self {
            Node::Atom(atom) => tri(value(atom.source).and_then(|v| atom.test_value(v))),
            Node::Not(inner) => inner.eval(value).not(),
            Node::All(nodes) => {
                let mut result = Tri::True;
                for node in nodes {
                    match node.eval(value) {
                        Tri::False => return Tri::False,
                        Tri::Unknown => result = Tri::Unknown,
                        Tri::True => {}
                    }
                }
                result
            }
            Node::Any(nodes) => {
                let mut result = Tri::False;
                for node in nodes {
                    match node.eval(value) {
                        Tri::True => return Tri::True,
                        Tri::Unknown => result = Tri::Unknown,
                        Tri::False => {}
                    }
                }
                result
            }
        }
    }

    fn atoms<'n>(&'n self, out: &mut Vec<&'n Atom>) {
        match self {
            Node::Atom(atom) => out.push(atom),
            Node::Not(inner) => inner.atoms(out),
            Node::All(nodes) | Node::Any(nodes) => nodes.iter().for_each(|n| n.atoms(out)),
        }
    }

    fn missing(&self, facts: &Facts, out: &mut FactSet) {
        match self {
            Node::Atom(atom) => {
                if atom.eval_outlined(facts).is_none() {
                    out.insert(facts.vocabulary().input(atom.var));
                }
            }
            Node::Not(inner) => inner.missing(facts, out),
            Node::All(nodes) | Node::Any(nodes) => {
                for node in nodes {
                    if node.eval(&|source| facts.value(source)) == Tri::Unknown {
                        node.missing(facts, out);
                    }
                }
            }
        }
    }

    fn explain<'c>(&'c self, vocabulary: &'c Vocabulary, facts: &Facts, truth: bool, out: &mut Vec<Reason<'c>>) {
        match self {
            Node::Atom(atom) => {
                if let Some((t, value)) = atom.eval_outlined(facts) {
                    debug_assert_eq!(t, truth);
                    out.push(Reason(ReasonKind::Atom { vocabulary, atom, value, truth: t }));
                }
            }
            Node::Not(inner) => inner.explain(vocabulary, facts, !truth, out),
            // A true conjunction is explained by all of its parts, a false one
            // by the parts that are false; dually for disjunctions.
            Node::All(nodes) | Node::Any(nodes) => {
                let wanted = if truth { Tri::True } else { Tri::False };
                for node in nodes {
                    if node.eval(&|source| facts.value(source)) == wanted {
                        node.explain(vocabulary, facts, truth, out);
                    }
                }
            }
        }
    }

    fn collect_facts(&self, vocabulary: &Vocabulary, out: &mut FactSet) {
        match self {
            Node::Atom(atom) => out.insert(vocabulary.input(atom.var)),
            Node::Not(inner) => inner.collect_facts(vocabulary, out),
            Node::All(nodes) | Node::Any(nodes) => nodes.iter().for_each(|n| n.collect_facts(vocabulary, out)),
        }
    }
}

/// Why a material is required, or why an eligibility rule holds or fails,
/// as a Chinese phrase (its `Display`).
///
/// Reasons describe the applicant's actual facts: a material required when
/// `marital_status in [unmarried, divorced]` is explained as `申请人离异`
/// for a divorced applicant.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Reason<'c>(pub(crate) ReasonKind<'c>);

#[derive(Clone, Copy, PartialEq, Debug)]
pub(crate) enum ReasonKind<'c> {
    /// A material every applicant of the service (or case) brings.
    Always,
    /// A reason written in the catalogue.
    Text(&'c str),
    /// A decided test of one fact, phrased by its vocabulary.
    Atom { vocabulary: &'c Vocabulary, atom: &'c Atom, value: VarValue, truth: bool },
}

impl fmt::Display for Reason<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(text) = self.as_str() {
            return f.write_str(text);
        }
        let Some((subject, word, n, unit)) = self.count_parts() else {
            unreachable!("every reason is a fixed phrase or a number comparison")
        };
        write!(f, "{subject}{word}{n}{unit}")
    }
}

impl Reason<'_> {
    /// The phrase of a number comparison in its parts: the subject, the
    /// comparison's word, the number and the unit (`申请人` `不满` 18
    /// `周岁`); `None` for every other reason.
    pub(crate) fn count_parts(&self) -> Option<(&str, &'static str, i64, &str)> {
        match self.0 {
            ReasonKind::Atom { vocabulary, atom, value: VarValue::Count(_), truth } => {
                match (vocabulary.kind(atom.var), atom.test) {
                    (VarKind::Count { subject, unit }, Test::Cmp(cmp, n)) => Some((subject, cmp.word(truth), n, unit)),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The phrase of a yes/no or choice fact's value as a JSON string, as
    /// the vocabulary prepared it; `None` for every other reason.
    #[inline]
    pub(crate) fn json(&self) -> Option<&str> {
        match self.0 {
            ReasonKind::Atom { vocabulary, atom, value, .. } => vocabulary.quoted_phrase(atom.var, value),
            _ => None,
        }
    }

    /// The phrase when it needs no formatting (all but number comparisons).
    pub(crate) fn as_str(&self) -> Option<&str> {
        match self.0 {
            ReasonKind::Always => Some("办理本事项须提供"),
            ReasonKind::Text(text) => Some(text),
            ReasonKind::Atom { vocabulary, atom, value, .. } => match (vocabulary.kind(atom.var), value) {
                (VarKind::Bool { yes, no }, VarValue::Bool(b)) => Some(if b { yes } else { no }),
                (VarKind::Choice(choices), VarValue::Choice(i)) => choices.get(usize::from(i)).map(Choice::phrase),
                _ => None,
            },
        }
    }
}

impl serde::Serialize for Reason<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.as_str() {
            Some(text) => s.serialize_str(text),
            None => s.collect_str(self),
        }
    }
}

/// A malformed condition: what is wrong, and where.
#[derive(Clone, PartialEq, Eq, Debug)]
pub(crate) struct ConditionError {
    pub(crate) message: String,
    /// Byte offset into the condition text.
    pub(crate) offset: usize,
}

impl fmt::Display for ConditionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}（第 {} 个字节处）", self.message, self.offset)
    }
}

struct Parser<'s> {
    vocabulary: &'s Vocabulary,
    src: &'s str,
    pos: usize,
    /// How many `!` and `(` enclose the current position.
    depth: usize,
    max_depth: usize,
    /// The choice values named so far (`Condition::named`).
    named: Vec<(Var, u32)>,
}

impl<'s> Parser<'s> {
    fn error(&self, message: impl Into<String>) -> ConditionError {
        ConditionError { message: message.into(), offset: self.pos }
    }

    fn skip_ws(&mut self) {
        let rest = &self.src[self.pos..];
        self.pos += rest.len() - rest.trim_start().len();
    }

    fn eat(&mut self, token: &str) -> bool {
        self.skip_ws();
        if self.src[self.pos..].starts_with(token) {
            self.pos += token.len();
            true
        } else {
            false
        }
    }

    fn word(&mut self) -> Option<&'s str> {
        self.skip_ws();
        let rest = &self.src[self.pos..];
        let len = rest.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count();
        (len > 0).then(|| {
            self.pos += len;
            &rest[..len]
        })
    }

    fn expr(&mut self) -> Result<Node, ConditionError> {
        let mut nodes = vec![self.and()?];
        while self.eat("||") {
            nodes.push(self.and()?);
        }
        Ok(if nodes.len() == 1 { nodes.pop().unwrap() } else { Node::Any(nodes) })
    }

    fn and(&mut self) -> Result<Node, ConditionError> {
        let mut nodes = vec![self.unary()?];
        while self.eat("&&") {
            nodes.push(self.unary()?);
        }
        Ok(if nodes.len() == 1 { nodes.pop().unwrap() } else { Node::All(nodes) })
    }

    fn unary(&mut self) -> Result<Node, ConditionError> {
        if self.eat("!") {
            if self.src[self.pos..].starts_with('=') {
                return Err(self.error("“!=”前缺少事实名"));
            }
            return self.nested(|p| Ok(Node::Not(Box::new(p.unary()?))));
        }
        if self.eat("(") {
            let node = self.nested(Self::expr)?;
            if !self.eat(")") {
                return Err(self.error("缺少右括号“)”"));
            }
            return Ok(node);
        }
        self.atom().map(Node::Atom)
    }

    /// Parses one level deeper, or fails past `max_depth`: recursion here is
    /// bounded, so no catalogue can overflow the stack.
    fn nested(&mut self, f: impl FnOnce(&mut Self) -> Result<Node, ConditionError>) -> Result<Node, ConditionError> {
        if self.depth == self.max_depth {
            return Err(self.error(format!("“!”和“(”嵌套超过 {} 层", self.max_depth)));
        }
        self.depth += 1;
        let node = f(self);
        self.depth -= 1;
        node
    }

    fn atom(&mut self) -> Result<Atom, ConditionError> {
        let start = self.pos;
        let Some(name) = self.word() else {
            return Err(self.error("此处应为事实名"));
        };
        let vocabulary = self.vocabulary;
        let Some(var) = vocabulary.var(name) else {
            let suggestion = crate::support::suggest::nearest(name, vocabulary.var_names());
            let mut message = format!("未知的事实名“{name}”");
            if let Some(s) = suggestion {
                message.push_str(&format!("，是否应为“{s}”？"));
            }
            return Err(ConditionError { message, offset: start });
        };
        self.skip_ws();
        let op = ["==", "!=", "<=", ">=", "<", ">"].into_iter().find(|op| self.src[self.pos..].starts_with(op));
        let is_in = op.is_none() && {
            let save = self.pos;
            let word = self.word();
            if word == Some("in") {
                true
            } else {
                self.pos = save;
                false
            }
        };
        match (vocabulary.kind(var), op, is_in) {
            (VarKind::Bool { .. }, None, false) => Ok(Atom { var, source: vocabulary.source(var), test: Test::True }),
            (VarKind::Bool { .. }, _, _) => Err(self.error(format!("“{name}”是是非型事实，直接写“{name}”或“!{name}”"))),
            (VarKind::Choice(choices), Some(op @ ("==" | "!=")), _) => {
                self.pos += op.len();
                let mask = 1 << self.choice(name, choices)?;
                self.named.push((var, mask));
                // 1 to 32 choices (the loader's limit): no shift overflows.
                let all = u32::MAX >> (32 - choices.len().clamp(1, 32));
                Ok(Atom {
                    var,
                    source: vocabulary.source(var),
                    test: Test::In(if op == "==" { mask } else { all & !mask }),
                })
            }
            (VarKind::Choice(choices), None, true) => {
                if !self.eat("[") {
                    return Err(self.error("“in”后应为“[”"));
                }
                let mut mask = 0u32;
                loop {
                    mask |= 1 << self.choice(name, choices)?;
                    if self.eat("]") {
                        break;
                    }
                    if !self.eat(",") {
                        return Err(self.error("此处应为“,”或“]”"));
                    }
                }
                self.named.push((var, mask));
                Ok(Atom { var, source: vocabulary.source(var), test: Test::In(mask) })
            }
            (VarKind::Choice(_), _, _) => Err(self.error(format!("“{name}”是选择型事实，应使用“==”“!=”或“in”"))),
            (VarKind::Count { .. }, Some(op), _) => {
                self.pos += op.len();
                self.skip_ws();
                let digits = self.src[self.pos..].bytes().take_while(u8::is_ascii_digit).count();
                let n: i64 = self.src[self.pos..self.pos + digits]
                    .parse()
                    .ok()
                    .filter(|n| *n <= 100_000)
                    .ok_or_else(|| self.error("此处应为 0 至 100000 的整数"))?;
                self.pos += digits;
                let cmp = match op {
                    "<" => Cmp::Lt,
                    "<=" => Cmp::Le,
                    ">" => Cmp::Gt,
                    ">=" => Cmp::Ge,
                    "==" => Cmp::Eq,
                    _ => Cmp::Ne,
                };
                Ok(Atom { var, source: vocabulary.source(var), test: Test::Cmp(cmp, n) })
            }
            (VarKind::Count { .. }, None, _) => Err(self.error(format!("“{name}”是数值型事实，应与整数比较"))),
        }
    }

    fn choice(&mut self, name: &str, choices: &[Choice]) -> Result<u32, ConditionError> {
        self.skip_ws();
        let start = self.pos;
        let value = self.word().ok_or_else(|| self.error("此处应为取值"))?;
        match choices.iter().position(|c| c.name() == value) {
            Some(i) => Ok(i as u32),
            None => Err(ConditionError {
                message: format!(
                    "“{value}”不是“{name}”的取值，应为 {} 之一",
                    choices.iter().map(|c| c.name()).collect::<Vec<_>>().joined("、")
                ),
                offset: start,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::support::date::Date;

    fn vocabulary() -> &'static Vocabulary {
        crate::model::Catalog::embedded().vocabulary()
    }

    fn parse(text: &str) -> Result<Condition, ConditionError> {
        Condition::parse(text, vocabulary())
    }

    fn facts() -> Facts {
        Facts::new(vocabulary(), "2026-11-27".parse().unwrap())
    }

    fn eval(c: &Condition, f: &Facts) -> Tri {
        let mut out = Vec::new();
        let outcome = c.decide(vocabulary(), f, |_| false, &mut out);
        assert!(out.is_empty(), "explained when told not to");
        outcome
    }

    /// Why the condition came out as it did, checking that `decide`'s
    /// one-test shortcut and the general path agree.
    fn reasons(c: &Condition, f: &Facts, truth: bool) -> Vec<String> {
        let mut out = Vec::new();
        let outcome = c.decide(vocabulary(), f, |_| true, &mut out);
        assert_eq!(outcome, if truth { Tri::True } else { Tri::False });
        let mut general = Vec::new();
        c.node.explain(vocabulary(), f, truth, &mut general);
        assert_eq!(out, general);
        assert_eq!(c.eval(f), outcome);
        out.iter().map(ToString::to_string).collect()
    }

    fn names(set: FactSet) -> Vec<String> {
        set.facts(vocabulary()).map(|f| f.name().to_owned()).collect()
    }

    #[test]
    fn parses_and_evaluates() {
        let c = parse("marital_status in [unmarried, divorced, widowed] || (hukou == nonlocal && !proxy)").unwrap();
        let mut f = facts();
        assert_eq!(eval(&c, &f), Tri::Unknown);
        let mut missing = FactSet::EMPTY;
        c.missing(&f, &mut missing);
        assert_eq!(names(missing), ["hukou", "marital_status", "proxy"]);

        f.set("marital_status", "divorced").unwrap();
        assert_eq!(eval(&c, &f), Tri::True);
        assert_eq!(reasons(&c, &f, true), ["申请人离异"]);

        f.set("marital_status", "married").unwrap();
        f.set("hukou", "nonlocal").unwrap();
        assert_eq!(eval(&c, &f), Tri::Unknown);
        let mut missing = FactSet::EMPTY;
        c.missing(&f, &mut missing);
        assert_eq!(names(missing), ["proxy"]);
        f.set("proxy", false).unwrap();
        assert_eq!(eval(&c, &f), Tri::True);
        assert_eq!(reasons(&c, &f, true), ["申请人户籍为外地", "由申请人本人办理"]);
        f.set("proxy", true).unwrap();
        assert_eq!(eval(&c, &f), Tri::False);
        assert_eq!(reasons(&c, &f, false), ["申请人已婚", "由代办人办理"]);
    }

    #[test]
    fn long_flat_conditions_explain_as_the_general_walk() {
        // Past eight parts, with every way a part can come out: `reasons`
        // checks the fast path against the general walk.
        let parts = ["proxy", "college_graduate", "hukou == nonlocal", "age_years >= 60", "marital_status == married"];
        let any = parse(&[parts.as_slice(), &parts, &parts].concat().join(" || ")).unwrap();
        let all = parse(&[parts.as_slice(), &parts, &parts].concat().join(" && ")).unwrap();
        let mut f = facts();
        f.set("proxy", false).unwrap();
        f.set("college_graduate", false).unwrap();
        f.set("hukou", "local").unwrap();
        f.set("marital_status", "married").unwrap();
        // One part unknown (no birth date): `||` is decided by the true
        // parts, `&&` by the false ones.
        assert_eq!(reasons(&any, &f, true), ["申请人已婚"; 3]);
        assert_eq!(reasons(&all, &f, false).len(), 9);
        f.set("marital_status", "unmarried").unwrap();
        assert_eq!(eval(&any, &f), Tri::Unknown);
        f.set("birth_date", "1990-01-01".parse::<Date>().unwrap()).unwrap();
        assert_eq!(reasons(&any, &f, false).len(), 15);
        for (name, value) in [("proxy", true), ("college_graduate", true)] {
            f.set(name, value).unwrap();
        }
        f.set("hukou", "nonlocal").unwrap();
        f.set("marital_status", "married").unwrap();
        f.set("birth_date", "1950-01-01".parse::<Date>().unwrap()).unwrap();
        assert_eq!(reasons(&all, &f, true).len(), 15);
    }

    #[test]
    fn derived_ages_explain_the_boundary() {
        let c = parse("age_days < 90").unwrap();
        let mut f = facts();
        f.set("birth_date", "2026-08-30".parse::<Date>().unwrap()).unwrap();
        assert_eq!(eval(&c, &f), Tri::True);
        assert_eq!(reasons(&c, &f, true), ["申请人出生不满90天"]);
        f.set("birth_date", "2026-08-29".parse::<Date>().unwrap()).unwrap();
        assert_eq!(eval(&c, &f), Tri::False);
        assert_eq!(reasons(&c, &f, false), ["申请人出生满90天"]);
        let c = parse("age_years >= 60").unwrap();
        f.set("birth_date", "1966-11-27".parse::<Date>().unwrap()).unwrap();
        assert_eq!(reasons(&c, &f, true), ["申请人满60周岁"]);
    }

    #[test]
    fn rejects_malformed_conditions_with_a_position() {
        for (text, offset) in [
            ("marital_staus == married", 0),
            ("marital_status == maried", 18),
            ("proxy == true", 6),
            ("age_days < ninety", 11),
            ("hukou < 3", 6),
            ("(proxy", 6),
            ("proxy &&", 8),
            ("proxy proxy", 6),
            ("hukou in [local", 15),
            ("", 0),
        ] {
            let err = parse(text).unwrap_err();
            assert_eq!(err.offset, offset, "{text}: {err}");
        }
        assert!(parse("marital_staus == married").unwrap_err().message.contains("marital_status"));
    }
}
