package org.banshi;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One material to bring, with its reasons and legal basis. Immutable; its lists are unmodifiable. {@link #toJson()} gives back
 * the JSON it was read from (SCHEMA.md).
 */
public final class ChecklistItem extends JsonValue {
    private final String id;
    private final String name;
    private final List<Material> oneOf;
    private final MaterialSpec spec;
    private final List<String> because;
    private final List<String> basis;
    private final String decision;
    private final Deferral deferrable;
    private final Pledge pledge;

    ChecklistItem(String id, String name, List<Material> oneOf, MaterialSpec spec, List<String> because, List<String> basis, String decision,
            Deferral deferrable, Pledge pledge) {
        this.id = id;
        this.name = name;
        this.oneOf = oneOf;
        this.spec = spec;
        this.because = because;
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
     * The reasons, in the applicant's terms, such as {@code 申请人已婚}.
     *
     * @return the value
     */
    public List<String> because() {
        return because;
    }

    /**
     * Citation ids into the legal basis; empty for an interpretation the seed does not state.
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
     * 容缺受理: whether it may be supplied after the application is accepted, and within how many days. The catalogue
     * states it for the requirement, whatever the applicant's facts; a notice lists it as deferred when it is missing.
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
     * Reads one ChecklistItem from its JSON.
     *
     * @param json the JSON text, as SCHEMA.md documents it
     * @return the value
     * @throws IllegalStateException if the text does not fit the schema
     */
    public static ChecklistItem parse(String json) {
        JsonReader in = new JsonReader(json);
        ChecklistItem value = read(in);
        in.finish();
        return value;
    }

    static ChecklistItem read(JsonReader in) {
        return read(in, "ChecklistItem", null);
    }

    /** A member that an object holding an item's members adds to them, such as an exempt item's {@code "exempt"}. */
    interface Extra {
        /** Reads the value of {@code key} if it is the extra member; false if it is not. */
        boolean read(String key, JsonReader in);
    }

    /** Reads an item's members, and those {@code extra} (if not null) knows, from one object. */
    static ChecklistItem read(JsonReader in, String where, Extra extra) {
        String id = null;
        String name = null;
        MaterialSpec.Builder spec = new MaterialSpec.Builder();
        List<Material> oneOf = null;
        List<String> because = null;
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
                case "because": because = in.strings(); break;
                case "basis": basis = in.strings(); break;
                case "decision": decision = in.string(); break;
                case "deferrable": deferrable = Deferral.read(in); break;
                case "pledge": pledge = Pledge.read(in); break;
                default:
                    if (!spec.read(key, in) && (extra == null || !extra.read(key, in))) {
                        throw in.unknown(key, where);
                    }
            }
        }
        if (oneOf != null && !spec.isEmpty()) {
            throw in.error(where + " has both one_of and material fields");
        }
        return new ChecklistItem(JsonReader.required(id, "id", where), JsonReader.required(name, "name", where), oneOf != null ? oneOf : Collections.<Material>emptyList(), oneOf != null ? null : spec.build(where), JsonReader.required(because, "because", where), JsonReader.required(basis, "basis", where), decision,
                deferrable, pledge);
    }

    @Override
    void write(JsonWriter out) {
        out.beginObject();
        writeFields(out);
        out.endObject();
    }

    /** Writes the members, for an object that adds its own beside them (an exempt item, a part of a merged item). */
    void writeFields(JsonWriter out) {
        out.key("id").string(id);
        out.key("name").string(name);
        if (!oneOf.isEmpty()) {
            out.key("one_of").values(oneOf);
        } else {
            spec.writeFields(out);
        }
        out.key("because").strings(because);
        out.key("basis").strings(basis);
        out.optional("decision", decision);
        Mechanisms.write(out, deferrable, pledge);
    }
}
