package org.banshi;

import java.util.List;

/**
 * A material with its id and name: one option of a {@code one_of} requirement. Immutable; its lists are unmodifiable. {@link #toJson()} gives back
 * the JSON it was read from (SCHEMA.md).
 */
public final class Material extends JsonValue {
    private final String id;
    private final String name;
    private final MaterialSpec spec;

    Material(String id, String name, MaterialSpec spec) {
        this.id = id;
        this.name = name;
        this.spec = spec;
    }

    /**
     * The stable material id.
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
     * What it is and how many are needed.
     *
     * @return the material fields
     */
    public MaterialSpec spec() {
        return spec;
    }

    /**
     * Reads one Material from its JSON.
     *
     * @param json the JSON text, as SCHEMA.md documents it
     * @return the value
     * @throws IllegalStateException if the text does not fit the schema
     */
    public static Material parse(String json) {
        JsonReader in = new JsonReader(json);
        Material value = read(in);
        in.finish();
        return value;
    }

    static Material read(JsonReader in) {
        String where = "Material";
        String id = null;
        String name = null;
        MaterialSpec.Builder spec = new MaterialSpec.Builder();
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            switch (key) {
                case "id": id = in.string(); break;
                case "name": name = in.string(); break;
                default:
                    if (!spec.read(key, in)) {
                        throw in.unknown(key, where);
                    }
            }
        }

        return new Material(JsonReader.required(id, "id", where), JsonReader.required(name, "name", where), spec.build(where));
    }

    @Override
    void write(JsonWriter out) {
        out.beginObject();
        out.key("id").string(id);
        out.key("name").string(name);
        spec.writeFields(out);
        out.endObject();
    }
}
