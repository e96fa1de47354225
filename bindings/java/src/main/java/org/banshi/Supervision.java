package org.banshi;

import java.util.List;

/**
 * Where to complain: the supervising office. Immutable; its lists are unmodifiable. {@link #toJson()} gives back
 * the JSON it was read from (SCHEMA.md).
 */
public final class Supervision extends JsonValue {
    private final String office;
    private final String phone;

    Supervision(String office, String phone) {
        this.office = office;
        this.phone = phone;
    }

    /**
     * The office.
     *
     * @return the value
     */
    public String office() {
        return office;
    }

    /**
     * Its phone number.
     *
     * @return the value
     */
    public String phone() {
        return phone;
    }

    /**
     * Reads one Supervision from its JSON.
     *
     * @param json the JSON text, as SCHEMA.md documents it
     * @return the value
     * @throws IllegalStateException if the text does not fit the schema
     */
    public static Supervision parse(String json) {
        JsonReader in = new JsonReader(json);
        Supervision value = read(in);
        in.finish();
        return value;
    }

    static Supervision read(JsonReader in) {
        String where = "Supervision";
        String office = null;
        String phone = null;
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            switch (key) {
                case "office": office = in.string(); break;
                case "phone": phone = in.string(); break;
                default: throw in.unknown(key, where);
            }
        }

        return new Supervision(JsonReader.required(office, "office", where), JsonReader.required(phone, "phone", where));
    }

    @Override
    void write(JsonWriter out) {
        out.beginObject();
        out.key("office").string(office);
        out.key("phone").string(phone);
        out.endObject();
    }
}
