package org.banshi;

/**
 * 告知承诺制: a requirement of a notice satisfied by a signed pledge instead of the material. It is recorded as
 * pledged, not proven: the office verifies it afterwards. Immutable. {@link #toJson()} gives back the JSON it was
 * read from ({@code {"id", "material", "name", "text", "note"}}).
 */
public final class PledgedItem extends JsonValue {
    private final String id;
    private final String material;
    private final String name;
    private final String text;
    private final String note;

    PledgedItem(String id, String material, String name, String text, String note) {
        this.id = id;
        this.material = material;
        this.name = name;
        this.text = text;
        this.note = note;
    }

    /**
     * The requirement's id.
     *
     * @return the id
     */
    public String id() {
        return id;
    }

    /**
     * The id the pledge was submitted under: the material it stands for.
     *
     * @return the material id
     */
    public String material() {
        return material;
    }

    /**
     * The material's Chinese name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The text of the pledge the applicant signed.
     *
     * @return the text
     */
    public String text() {
        return text;
    }

    /**
     * What the notice says of it, in Chinese: pledged, not yet verified, to be checked afterwards.
     *
     * @return the note
     */
    public String note() {
        return note;
    }

    /**
     * Reads one PledgedItem from its JSON.
     *
     * @param json the JSON text, {@code {"id", "material", "name", "text", "note"}}
     * @return the value
     * @throws IllegalStateException if the text does not fit the schema
     */
    public static PledgedItem parse(String json) {
        JsonReader in = new JsonReader(json);
        PledgedItem value = read(in);
        in.finish();
        return value;
    }

    static PledgedItem read(JsonReader in) {
        String where = "PledgedItem";
        String id = null;
        String material = null;
        String name = null;
        String text = null;
        String note = null;
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            switch (key) {
                case "id": id = in.string(); break;
                case "material": material = in.string(); break;
                case "name": name = in.string(); break;
                case "text": text = in.string(); break;
                case "note": note = in.string(); break;
                default: throw in.unknown(key, where);
            }
        }
        return new PledgedItem(JsonReader.required(id, "id", where), JsonReader.required(material, "material", where),
                JsonReader.required(name, "name", where), JsonReader.required(text, "text", where),
                JsonReader.required(note, "note", where));
    }

    @Override
    void write(JsonWriter out) {
        out.beginObject();
        out.key("id").string(id);
        out.key("material").string(material);
        out.key("name").string(name);
        out.key("text").string(text);
        out.key("note").string(note);
        out.endObject();
    }
}
