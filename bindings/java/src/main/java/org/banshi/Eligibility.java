package org.banshi;

import java.util.List;

/**
 * Whether the applicant is eligible, rule by rule. Immutable; its lists are unmodifiable. {@link #toJson()} gives back
 * the JSON it was read from (SCHEMA.md).
 */
public final class Eligibility extends JsonValue {
    private final EligibilityStatus status;
    private final List<RuleOutcome> rules;
    private final List<String> missingFacts;

    Eligibility(EligibilityStatus status, List<RuleOutcome> rules, List<String> missingFacts) {
        this.status = status;
        this.rules = rules;
        this.missingFacts = missingFacts;
    }

    /**
     * Eligible, ineligible or undetermined.
     *
     * @return the value
     */
    public EligibilityStatus status() {
        return status;
    }

    /**
     * Every rule with its outcome.
     *
     * @return the value
     */
    public List<RuleOutcome> rules() {
        return rules;
    }

    /**
     * The facts needed to decide it.
     *
     * @return the value
     */
    public List<String> missingFacts() {
        return missingFacts;
    }

    /**
     * Reads one Eligibility from its JSON.
     *
     * @param json the JSON text, as SCHEMA.md documents it
     * @return the value
     * @throws IllegalStateException if the text does not fit the schema
     */
    public static Eligibility parse(String json) {
        JsonReader in = new JsonReader(json);
        Eligibility value = read(in);
        in.finish();
        return value;
    }

    static Eligibility read(JsonReader in) {
        String where = "Eligibility";
        EligibilityStatus status = null;
        List<RuleOutcome> rules = null;
        List<String> missingFacts = null;
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            switch (key) {
                case "status": status = EligibilityStatus.read(in); break;
                case "rules": rules = in.list(RuleOutcome::read); break;
                case "missing_facts": missingFacts = in.strings(); break;
                default: throw in.unknown(key, where);
            }
        }

        return new Eligibility(JsonReader.required(status, "status", where), JsonReader.required(rules, "rules", where), JsonReader.required(missingFacts, "missing_facts", where));
    }

    @Override
    void write(JsonWriter out) {
        out.beginObject();
        out.key("status").string(status.wireName());
        out.key("rules").values(rules);
        out.key("missing_facts").strings(missingFacts);
        out.endObject();
    }
}
