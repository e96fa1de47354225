package org.banshi;

import java.util.List;
import java.util.Optional;

/**
 * A legal basis: a document by title, the seed's own reference, or only a number. Immutable; its lists are unmodifiable. {@link #toJson()} gives back
 * the JSON it was read from (SCHEMA.md).
 */
public final class Citation extends JsonValue {
    private final String id;
    private final String title;
    private final String reference;
    private final String number;
    private final String note;

    Citation(String id, String title, String reference, String number, String note) {
        this.id = id;
        this.title = title;
        this.reference = reference;
        this.number = number;
        this.note = note;
    }

    /**
     * The citation id that {@code basis} lists name.
     *
     * @return the value
     */
    public String id() {
        return id;
    }

    /**
     * The document's title, without 《》.
     *
     * @return the value
     */
    public Optional<String> title() {
        return Optional.ofNullable(title);
    }

    /**
     * The seed's own words for an unnamed document, such as {@code 天津人社局下发文件}.
     *
     * @return the value
     */
    public Optional<String> reference() {
        return Optional.ofNullable(reference);
    }

    /**
     * The document number, such as {@code 津银发〔2013〕93号}.
     *
     * @return the value
     */
    public Optional<String> number() {
        return Optional.ofNullable(number);
    }

    /**
     * A note.
     *
     * @return the value
     */
    public Optional<String> note() {
        return Optional.ofNullable(note);
    }

    /**
     * Reads one Citation from its JSON.
     *
     * @param json the JSON text, as SCHEMA.md documents it
     * @return the value
     * @throws IllegalStateException if the text does not fit the schema
     */
    public static Citation parse(String json) {
        JsonReader in = new JsonReader(json);
        Citation value = read(in);
        in.finish();
        return value;
    }

    static Citation read(JsonReader in) {
        String where = "Citation";
        String id = null;
        String title = null;
        String reference = null;
        String number = null;
        String note = null;
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            switch (key) {
                case "id": id = in.string(); break;
                case "title": title = in.string(); break;
                case "reference": reference = in.string(); break;
                case "number": number = in.string(); break;
                case "note": note = in.string(); break;
                default: throw in.unknown(key, where);
            }
        }

        return new Citation(JsonReader.required(id, "id", where), title, reference, number, note);
    }

    @Override
    void write(JsonWriter out) {
        out.beginObject();
        out.key("id").string(id);
        out.optional("title", title);
        out.optional("reference", reference);
        out.optional("number", number);
        out.optional("note", note);
        out.endObject();
    }
}
