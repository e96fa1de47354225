package org.banshi;

import java.util.List;

/**
 * A service: its number and name. Immutable; its lists are unmodifiable. {@link #toJson()} gives back
 * the JSON it was read from (SCHEMA.md).
 */
public final class ServiceRef extends JsonValue {
    private final String id;
    private final String name;

    ServiceRef(String id, String name) {
        this.id = id;
        this.name = name;
    }

    /**
     * The service number, such as {@code 10.1}.
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
     * Reads one ServiceRef from its JSON.
     *
     * @param json the JSON text, as SCHEMA.md documents it
     * @return the value
     * @throws IllegalStateException if the text does not fit the schema
     */
    public static ServiceRef parse(String json) {
        JsonReader in = new JsonReader(json);
        ServiceRef value = read(in);
        in.finish();
        return value;
    }

    static ServiceRef read(JsonReader in) {
        String where = "ServiceRef";
        String id = null;
        String name = null;
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            switch (key) {
                case "id": id = in.string(); break;
                case "name": name = in.string(); break;
                default: throw in.unknown(key, where);
            }
        }

        return new ServiceRef(JsonReader.required(id, "id", where), JsonReader.required(name, "name", where));
    }

    @Override
    void write(JsonWriter out) {
        out.beginObject();
        out.key("id").string(id);
        out.key("name").string(name);
        out.endObject();
    }
}
