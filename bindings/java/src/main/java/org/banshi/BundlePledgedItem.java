package org.banshi;

import java.util.List;

/**
 * 告知承诺制 in a bundle notice: a merged item satisfied by a signed pledge, recorded as pledged, not proven.
 * Immutable; its lists are unmodifiable. {@link #toJson()} gives back the JSON it was read from
 * ({@code {"id", "material", "name", "pledge": {"texts"}, "note"}}).
 */
public final class BundlePledgedItem extends JsonValue {
    private final String id;
    private final String material;
    private final String name;
    private final List<String> texts;
    private final String note;

    BundlePledgedItem(String id, String material, String name, List<String> texts, String note) {
        this.id = id;
        this.material = material;
        this.name = name;
        this.texts = texts;
        this.note = note;
    }

    /**
     * The merged item's id ({@link MergedItem#id()}).
     *
     * @return the id
     */
    public String id() {
        return id;
    }

    /**
     * The material the pledge stands for: its id in the first service that asks for it.
     *
     * @return the material id
     */
    public String material() {
        return material;
    }

    /**
     * The item's Chinese name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The texts of the pledges its parts accept, each distinct text once.
     *
     * @return the texts, at least one
     */
    public List<String> texts() {
        return texts;
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
     * Reads one BundlePledgedItem from its JSON.
     *
     * @param json the JSON text, {@code {"id", "material", "name", "pledge": {"texts"}, "note"}}
     * @return the value
     * @throws IllegalStateException if the text does not fit the schema
     */
    public static BundlePledgedItem parse(String json) {
        JsonReader in = new JsonReader(json);
        BundlePledgedItem value = read(in);
        in.finish();
        return value;
    }

    static BundlePledgedItem read(JsonReader in) {
        String where = "BundlePledgedItem";
        String id = null;
        String material = null;
        String name = null;
        List<String> texts = null;
        String note = null;
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            switch (key) {
                case "id": id = in.string(); break;
                case "material": material = in.string(); break;
                case "name": name = in.string(); break;
                case "pledge": texts = MergedItem.texts(in, where); break;
                case "note": note = in.string(); break;
                default: throw in.unknown(key, where);
            }
        }
        return new BundlePledgedItem(JsonReader.required(id, "id", where),
                JsonReader.required(material, "material", where), JsonReader.required(name, "name", where),
                JsonReader.required(texts, "pledge", where), JsonReader.required(note, "note", where));
    }

    @Override
    void write(JsonWriter out) {
        out.beginObject();
        out.key("id").string(id);
        out.key("material").string(material);
        out.key("name").string(name);
        out.key("pledge");
        MergedItem.writeTexts(out, texts);
        out.key("note").string(note);
        out.endObject();
    }
}
