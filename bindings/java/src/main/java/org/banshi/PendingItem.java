package org.banshi;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A material that depends on facts not given. Immutable; its lists are unmodifiable. {@link #toJson()} gives back
 * the JSON it was read from (SCHEMA.md).
 */
public final class PendingItem extends JsonValue {
    private final String id;
    private final String name;
    private final List<Material> oneOf;
    private final MaterialSpec spec;
    private final String when;
    private final List<String> needs;
    private final List<String> basis;
    private final String decision;
    private final Deferral deferrable;
    private final Pledge pledge;

    PendingItem(String id, String name, List<Material> oneOf, MaterialSpec spec, String when, List<String> needs, List<String> basis, String decision,
            Deferral deferrable, Pledge pledge) {
        this.id = id;
        this.name = name;
        this.oneOf = oneOf;
        this.spec = spec;
        this.when = when;
        this.needs = needs;
        this.basis = basis;
        this.decision = decision;
        this.deferrable = deferrable;
        this.pledge = pledge;
    }

    /**
     * The stable requirement id.
     *
     * @return the value
     */
    public String id() {
        return id;
    }

    /**
     * The Chinese name.
     *
     * @return the value
     */
    public String name() {
        return name;
    }

    /**
     * The options, for a requirement satisfied by any one of several materials ({@code one_of}).
     *
     * @return the options; empty for a single material
     */
    public List<Material> oneOf() {
        return oneOf;
    }

    /**
     * What the material is and how many are needed, for a single material.
     *
     * @return the material fields; empty for a {@code one_of} requirement
     */
    public Optional<MaterialSpec> spec() {
        return Optional.ofNullable(spec);
    }

    /**
     * The catalogue condition; empty when there is none.
     *
     * @return the value
     */
    public Optional<String> when() {
        return Optional.ofNullable(when);
    }

    /**
     * The fact names that would decide it.
     *
     * @return the value
     */
    public List<String> needs() {
        return needs;
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
     * 容缺受理: whether it may be supplied after the application is accepted, and within how many days.
     *
     * @return the deferral; empty when it must be submitted with the application
     */
    public Optional<Deferral> deferrable() {
        return Optional.ofNullable(deferrable);
    }

    /**
     * 告知承诺制: the written pledge that may replace it, submitted as {@link Submission#pledged(String)}.
     *
     * @return the pledge; empty when no pledge can replace it
     */
    public Optional<Pledge> pledge() {
        return Optional.ofNullable(pledge);
    }

    /**
     * Reads one PendingItem from its JSON.
     *
     * @param json the JSON text, as SCHEMA.md documents it
     * @return the value
     * @throws IllegalStateException if the text does not fit the schema
     */
    public static PendingItem parse(String json) {
        JsonReader in = new JsonReader(json);
        PendingItem value = read(in);
        in.finish();
        return value;
    }

    static PendingItem read(JsonReader in) {
        String where = "PendingItem";
        String id = null;
        String name = null;
        MaterialSpec.Builder spec = new MaterialSpec.Builder();
        List<Material> oneOf = null;
        String when = null;
        boolean has_when = false;
        List<String> needs = null;
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
                case "when": has_when = true; when = in.nullableString(); break;
                case "needs": needs = in.strings(); break;
                case "basis": basis = in.strings(); break;
                case "decision": decision = in.string(); break;
                case "deferrable": deferrable = Deferral.read(in); break;
                case "pledge": pledge = Pledge.read(in); break;
                default:
                    if (!spec.read(key, in)) {
                        throw in.unknown(key, where);
                    }
            }
        }
        if (oneOf != null && !spec.isEmpty()) {
            throw in.error(where + " has both one_of and material fields");
        }
        if (!has_when) {
            throw in.error(where + " lacks \"when\"");
        }
        return new PendingItem(JsonReader.required(id, "id", where), JsonReader.required(name, "name", where), oneOf != null ? oneOf : Collections.<Material>emptyList(), oneOf != null ? null : spec.build(where), when, JsonReader.required(needs, "needs", where), JsonReader.required(basis, "basis", where), decision,
                deferrable, pledge);
    }

    @Override
    void write(JsonWriter out) {
        out.beginObject();
        out.key("id").string(id);
        out.key("name").string(name);
        if (!oneOf.isEmpty()) {
            out.key("one_of").values(oneOf);
        } else {
            spec.writeFields(out);
        }
        out.key("when").string(when);
        out.key("needs").strings(needs);
        out.key("basis").strings(basis);
        out.optional("decision", decision);
        Mechanisms.write(out, deferrable, pledge);
        out.endObject();
    }
}
