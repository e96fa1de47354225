package org.banshi;

import java.util.List;

/**
 * One case of a service split into cases (1.2, 6.1). Immutable; its lists are unmodifiable. {@link #toJson()} gives back
 * the JSON it was read from (SCHEMA.md).
 */
public final class Case extends JsonValue {
    private final String value;
    private final String name;

    Case(String value, String name) {
        this.value = value;
        this.name = name;
    }

    /**
     * The case fact's value, such as {@code newborn_inpatient}.
     *
     * @return the value
     */
    public String value() {
        return value;
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
     * Reads one Case from its JSON.
     *
     * @param json the JSON text, as SCHEMA.md documents it
     * @return the value
     * @throws IllegalStateException if the text does not fit the schema
     */
    public static Case parse(String json) {
        JsonReader in = new JsonReader(json);
        Case value = read(in);
        in.finish();
        return value;
    }

    static Case read(JsonReader in) {
        String where = "Case";
        String value = null;
        String name = null;
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            switch (key) {
                case "value": value = in.string(); break;
                case "name": name = in.string(); break;
                default: throw in.unknown(key, where);
            }
        }

        return new Case(JsonReader.required(value, "value", where), JsonReader.required(name, "name", where));
    }

    @Override
    void write(JsonWriter out) {
        out.beginObject();
        out.key("value").string(value);
        out.key("name").string(name);
        out.endObject();
    }
}
