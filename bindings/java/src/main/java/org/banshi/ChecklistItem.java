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

    ChecklistItem(String id, String name, List<Material> oneOf, MaterialSpec spec, List<String> because, List<String> basis, String decision) {
        this.id = id;
        this.name = name;
        this.oneOf = oneOf;
        this.spec = spec;
        this.because = because;
        this.basis = basis;
        this.decision = decision;
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
        String where = "ChecklistItem";
        String id = null;
        String name = null;
        MaterialSpec.Builder spec = new MaterialSpec.Builder();
        List<Material> oneOf = null;
        List<String> because = null;
        List<String> basis = null;
        String decision = null;
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            switch (key) {
                case "id": id = in.string(); break;
                case "name": name = in.string(); break;
                case "one_of": oneOf = in.list(Material::read); break;
                case "because": because = in.strings(); break;
                case "basis": basis = in.strings(); break;
                case "decision": decision = in.string(); break;
                default:
                    if (!spec.read(key, in)) {
                        throw in.unknown(key, where);
                    }
            }
        }
        if (oneOf != null && !spec.isEmpty()) {
            throw in.error(where + " has both one_of and material fields");
        }
        return new ChecklistItem(JsonReader.required(id, "id", where), JsonReader.required(name, "name", where), oneOf != null ? oneOf : Collections.<Material>emptyList(), oneOf != null ? null : spec.build(where), JsonReader.required(because, "because", where), JsonReader.required(basis, "basis", where), decision);
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
        out.key("because").strings(because);
        out.key("basis").strings(basis);
        out.optional("decision", decision);
        out.endObject();
    }
}
