package org.banshi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The parts of a service's guide (SCHEMA.md, Guide) that every assessment of
 * the service repeats: each material's id, name, fields, basis and decision,
 * each rule's id, text, basis and decision, the cases, the legal basis, the
 * steps and the supervision, and each requirement's deferral and pledge
 * (容缺受理, 告知承诺制). Read once per catalogue and service, immutable,
 * and shared by every typed {@link Assessment} built from a compact answer
 * (core/src/render/compact.rs).
 */
final class GuideParts {
    /** A requirement as the guide states it, less what only the guide shows. */
    static final class Requirement {
        final String id;
        final String name;
        final List<Material> oneOf;
        final MaterialSpec spec;
        final String when;
        final List<String> basis;
        final String decision;
        /** 容缺受理, or null. */
        final Deferral deferrable;
        /** 告知承诺制, or null. */
        final Pledge pledge;

        Requirement(String id, String name, List<Material> oneOf, MaterialSpec spec, String when, List<String> basis,
                String decision, Deferral deferrable, Pledge pledge) {
            this.id = id;
            this.name = name;
            this.oneOf = oneOf;
            this.spec = spec;
            this.when = when;
            this.basis = basis;
            this.decision = decision;
            this.deferrable = deferrable;
            this.pledge = pledge;
        }
    }

    /** An eligibility rule as the guide states it. */
    static final class Rule {
        final String id;
        final String text;
        final List<String> basis;
        final String decision;

        Rule(String id, String text, List<String> basis, String decision) {
            this.id = id;
            this.text = text;
            this.basis = basis;
            this.decision = decision;
        }
    }

    String catalogVersion;
    String engineVersion;
    String catalogHash;
    ServiceRef service;
    List<Citation> legalBasis;
    List<Step> steps;
    Supervision supervision;
    List<Rule> rules;
    List<Case> cases;
    List<Requirement> requirements;

    static GuideParts parse(String guideJson) {
        JsonReader in = new JsonReader(guideJson);
        GuideParts g = new GuideParts();
        String id = null;
        String name = null;
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            switch (key) {
                case "catalog_version": g.catalogVersion = in.string(); break;
                case "engine_version": g.engineVersion = in.string(); break;
                case "catalog_hash": g.catalogHash = in.string(); break;
                case "id": id = in.string(); break;
                case "name": name = in.string(); break;
                case "legal_basis": g.legalBasis = in.list(Citation::read); break;
                case "steps": g.steps = in.list(Step::read); break;
                case "supervision": g.supervision = Supervision.read(in); break;
                case "eligibility": g.rules = in.list(GuideParts::rule); break;
                case "cases": g.cases = in.list(Case::read); break;
                case "materials": g.requirements = in.list(GuideParts::requirement); break;
                case "valid_from": case "valid_until": case "implementing_body": case "boundary":
                case "responsibility": case "facts": case "case_fact": case "decisions":
                    in.skip();
                    break;
                default: throw in.unknown(key, "guide");
            }
        }
        in.finish();
        g.service = new ServiceRef(JsonReader.required(id, "id", "guide"), JsonReader.required(name, "name", "guide"));
        for (Object part : new Object[] {g.catalogVersion, g.engineVersion, g.catalogHash, g.legalBasis, g.steps, g.supervision, g.rules, g.cases,
                g.requirements}) {
            JsonReader.required(part, "every part", "guide");
        }
        return g;
    }

    private static Rule rule(JsonReader in) {
        String id = null;
        String text = null;
        List<String> basis = null;
        String decision = null;
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            switch (key) {
                case "id": id = in.string(); break;
                case "text": text = in.string(); break;
                case "requires": in.skip(); break;
                case "basis": basis = in.strings(); break;
                case "decision": decision = in.string(); break;
                default: throw in.unknown(key, "guide rule");
            }
        }
        return new Rule(JsonReader.required(id, "id", "guide rule"), JsonReader.required(text, "text", "guide rule"),
                JsonReader.required(basis, "basis", "guide rule"), decision);
    }

    private static Requirement requirement(JsonReader in) {
        String id = null;
        String name = null;
        MaterialSpec.Builder spec = new MaterialSpec.Builder();
        List<Material> oneOf = null;
        String when = null;
        List<String> basis = null;
        String decision = null;
        Deferral deferrable = null;
        Pledge pledge = null;
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            switch (key) {
                case "id": id = in.string(); break;
                case "name": name = in.string(); break;
                case "one_of": oneOf = in.list(Material::read); break;
                case "when": when = in.string(); break;
                case "basis": basis = in.strings(); break;
                case "decision": decision = in.string(); break;
                case "deferrable": deferrable = Deferral.read(in); break;
                case "pledge": pledge = Pledge.read(in); break;
                case "case": case "valid_from": case "valid_until": in.skip(); break;
                default:
                    if (!spec.read(key, in)) {
                        throw in.unknown(key, "guide material");
                    }
            }
        }
        String where = "guide material";
        return new Requirement(JsonReader.required(id, "id", where), JsonReader.required(name, "name", where),
                oneOf != null ? oneOf : Collections.<Material>emptyList(), oneOf != null ? null : spec.build(where),
                when, JsonReader.required(basis, "basis", where), decision, deferrable, pledge);
    }

    /**
     * Reads the service number that opens a compact answer
     * {@code [service, date, case, status, reasons, rules, rules_missing, items, pending, missing]}
     * (core/src/render/compact.rs).
     */
    static String serviceOf(JsonReader in) {
        in.beginArray();
        next(in);
        return in.string();
    }

    /** Builds the full assessment from the rest of a compact answer, after {@link #serviceOf}. */
    Assessment expand(JsonReader in) {
        next(in);
        String date = in.string();
        next(in);
        boolean hasCases = !cases.isEmpty();
        Case selected = null;
        if (!in.isNull()) {
            char c = peekMinus(in);
            if (c == '-') {
                hasCases = false;
            } else {
                selected = cases.get((int) in.integer());
            }
        }
        next(in);
        EligibilityStatus status = EligibilityStatus.read(in);
        next(in);
        List<String> reasons = in.strings();
        next(in);
        List<RuleOutcome> outcomes = new ArrayList<>(rules.size());
        in.beginArray();
        for (int i = 0; in.more(); i++) {
            Rule r = rules.get(i);
            in.beginArray();
            next(in);
            Boolean met = in.nullableBool();
            next(in);
            List<String> because = reasons(in, reasons);
            end(in);
            outcomes.add(new RuleOutcome(r.id, r.text, met, because, r.basis, r.decision));
        }
        next(in);
        List<String> rulesMissing = in.strings();
        next(in);
        List<ChecklistItem> items = new ArrayList<>();
        in.beginArray();
        while (in.more()) {
            in.beginArray();
            next(in);
            Requirement r = requirements.get((int) in.integer());
            next(in);
            List<String> because = reasons(in, reasons);
            end(in);
            items.add(new ChecklistItem(r.id, r.name, r.oneOf, r.spec, because, r.basis, r.decision, r.deferrable,
                    r.pledge));
        }
        next(in);
        List<PendingItem> pending = new ArrayList<>();
        in.beginArray();
        while (in.more()) {
            in.beginArray();
            next(in);
            Requirement r = requirements.get((int) in.integer());
            next(in);
            List<String> needs = in.strings();
            end(in);
            pending.add(new PendingItem(r.id, r.name, r.oneOf, r.spec, r.when, needs, r.basis, r.decision,
                    r.deferrable, r.pledge));
        }
        next(in);
        List<String> missing = in.strings();
        end(in);
        in.finish();
        Eligibility eligibility = new Eligibility(status, Collections.unmodifiableList(outcomes), rulesMissing);
        return new Assessment(catalogVersion, engineVersion, catalogHash, service, date, hasCases, selected, eligibility,
                Collections.unmodifiableList(items), Collections.<ExemptItem>emptyList(), Collections.unmodifiableList(pending), missing, legalBasis, steps,
                supervision);
    }

    /** A list of indices into the answer's reasons, as the reasons; unmodifiable. */
    private static List<String> reasons(JsonReader in, List<String> table) {
        in.beginArray();
        if (!in.more()) {
            return Collections.emptyList();
        }
        String first = table.get((int) in.integer());
        if (!in.more()) {
            return Collections.singletonList(first);
        }
        List<String> out = new ArrayList<>(4);
        out.add(first);
        do {
            out.add(table.get((int) in.integer()));
        } while (in.more());
        return Collections.unmodifiableList(out);
    }

    /** The -1 of a service without cases: consumed here, since {@link JsonReader#integer()} reads no sign. */
    private static char peekMinus(JsonReader in) {
        return in.minusOne() ? '-' : '0';
    }

    private static void next(JsonReader in) {
        if (!in.more()) {
            throw in.error("compact answer too short");
        }
    }

    private static void end(JsonReader in) {
        if (in.more()) {
            throw in.error("compact answer too long");
        }
    }
}
