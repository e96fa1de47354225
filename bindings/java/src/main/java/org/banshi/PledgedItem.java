package org.banshi;

import java.util.Optional;

/**
 * 告知承诺制: a requirement of a notice satisfied by a signed pledge instead of the material. It is recorded as
 * pledged, not proven: the office verifies it afterwards. Immutable. {@link #toJson()} gives back the JSON it was
 * read from ({@code {"id", "material", "name", "text", "note", "decision"?}}).
 */
public final class PledgedItem extends JsonValue {
    private final String id;
    private final String material;
    private final String name;
    private final String text;
    private final String note;
    private final String decision;

    PledgedItem(String id, String material, String name, String text, String note, String decision) {
        this.id = id;
        this.material = material;
        this.name = name;
        this.text = text;
        this.note = note;
        this.decision = decision;
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
     * The interpretation the pledge rests on (口径说明), as the requirement's {@link Pledge#decision()}: no pledge is
     * shown without its ground.
     *
     * @return the decision; empty when the pledge is quoted from the seed
     */
    public Optional<String> decision() {
        return Optional.ofNullable(decision);
    }

    /**
     * Reads one PledgedItem from its JSON.
     *
     * @param json the JSON text, {@code {"id", "material", "name", "text", "note", "decision"?}}
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
        String decision = null;
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            switch (key) {
                case "id": id = in.string(); break;
                case "material": material = in.string(); break;
                case "name": name = in.string(); break;
                case "text": text = in.string(); break;
                case "note": note = in.string(); break;
                case "decision": decision = in.string(); break;
                default: throw in.unknown(key, where);
            }
        }
        return new PledgedItem(JsonReader.required(id, "id", where), JsonReader.required(material, "material", where),
                JsonReader.required(name, "name", where), JsonReader.required(text, "text", where),
                JsonReader.required(note, "note", where), decision);
    }

    @Override
    void write(JsonWriter out) {
        out.beginObject();
        out.key("id").string(id);
        out.key("material").string(material);
        out.key("name").string(name);
        out.key("text").string(text);
        out.key("note").string(note);
        out.optional("decision", decision);
        out.endObject();
    }
}
