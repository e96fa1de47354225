package org.banshi;

import java.util.List;
import java.util.Optional;

/**
 * One eligibility rule and whether it is met. Immutable; its lists are unmodifiable. {@link #toJson()} gives back
 * the JSON it was read from (SCHEMA.md).
 */
public final class RuleOutcome extends JsonValue {
    private final String id;
    private final String text;
    private final Boolean met;
    private final List<String> because;
    private final List<String> basis;
    private final String decision;

    RuleOutcome(String id, String text, Boolean met, List<String> because, List<String> basis, String decision) {
        this.id = id;
        this.text = text;
        this.met = met;
        this.because = because;
        this.basis = basis;
        this.decision = decision;
    }

    /**
     * The rule id.
     *
     * @return the value
     */
    public String id() {
        return id;
    }

    /**
     * The rule, in Chinese.
     *
     * @return the value
     */
    public String text() {
        return text;
    }

    /**
     * True or false; empty while facts are missing.
     *
     * @return the value
     */
    public Optional<Boolean> met() {
        return Optional.ofNullable(met);
    }

    /**
     * The applicant's facts that decided it.
     *
     * @return the value
     */
    public List<String> because() {
        return because;
    }

    /**
     * Citation ids into the legal basis.
     *
     * @return the value
     */
    public List<String> basis() {
        return basis;
    }

    /**
     * The interpretation it rests on (口径说明), when it rests on one.
     *
     * @return the value
     */
    public Optional<String> decision() {
        return Optional.ofNullable(decision);
    }

    /**
     * Reads one RuleOutcome from its JSON.
     *
     * @param json the JSON text, as SCHEMA.md documents it
     * @return the value
     * @throws IllegalStateException if the text does not fit the schema
     */
    public static RuleOutcome parse(String json) {
        JsonReader in = new JsonReader(json);
        RuleOutcome value = read(in);
        in.finish();
        return value;
    }

    static RuleOutcome read(JsonReader in) {
        String where = "RuleOutcome";
        String id = null;
        String text = null;
        Boolean met = null;
        boolean has_met = false;
        List<String> because = null;
        List<String> basis = null;
        String decision = null;
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            switch (key) {
                case "id": id = in.string(); break;
                case "text": text = in.string(); break;
                case "met": has_met = true; met = in.nullableBool(); break;
                case "because": because = in.strings(); break;
                case "basis": basis = in.strings(); break;
                case "decision": decision = in.string(); break;
                default: throw in.unknown(key, where);
            }
        }
        if (!has_met) {
            throw in.error(where + " lacks \"met\"");
        }
        return new RuleOutcome(JsonReader.required(id, "id", where), JsonReader.required(text, "text", where), met, JsonReader.required(because, "because", where), JsonReader.required(basis, "basis", where), decision);
    }

    @Override
    void write(JsonWriter out) {
        out.beginObject();
        out.key("id").string(id);
        out.key("text").string(text);
        out.key("met").bool(met);
        out.key("because").strings(because);
        out.key("basis").strings(basis);
        out.optional("decision", decision);
        out.endObject();
    }
}
