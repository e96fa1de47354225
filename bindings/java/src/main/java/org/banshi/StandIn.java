package org.banshi;

import java.util.Optional;

/**
 * Why a required material need not be submitted (免提交): the office has its document on file, and an electronic
 * licence or shared data stands in for the paper. Immutable. {@link #toJson()} gives back the JSON it was read from
 * ({@code {"document", "by", "label", "decision"?}}).
 */
public final class StandIn extends JsonValue {
    private final String document;
    private final StandInKind by;
    private final String label;
    private final String decision;

    StandIn(String document, StandInKind by, String label, String decision) {
        this.document = document;
        this.by = by;
        this.label = label;
        this.decision = decision;
    }

    /**
     * The document on file, an id of the catalogue's document registry, such as {@code resident_id_card}.
     *
     * @return the document id
     */
    public String document() {
        return document;
    }

    /**
     * What stands in for the paper document.
     *
     * @return an electronic licence or shared data
     */
    public StandInKind by() {
        return by;
    }

    /**
     * What stands in, in Chinese: {@code 电子证照} or {@code 共享数据}.
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * The interpretation that lets it stand in (口径说明), when the catalogue recorded one.
     *
     * @return the decision; empty when it is quoted from the seed
     */
    public Optional<String> decision() {
        return Optional.ofNullable(decision);
    }

    /**
     * Reads one StandIn from its JSON.
     *
     * @param json the JSON text, {@code {"document", "by", "label", "decision"?}}
     * @return the value
     * @throws IllegalStateException if the text does not fit the schema
     */
    public static StandIn parse(String json) {
        JsonReader in = new JsonReader(json);
        StandIn value = read(in);
        in.finish();
        return value;
    }

    static StandIn read(JsonReader in) {
        String where = "StandIn";
        String document = null;
        StandInKind by = null;
        String label = null;
        String decision = null;
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            switch (key) {
                case "document": document = in.string(); break;
                case "by": by = StandInKind.read(in); break;
                case "label": label = in.string(); break;
                case "decision": decision = in.string(); break;
                default: throw in.unknown(key, where);
            }
        }
        return new StandIn(JsonReader.required(document, "document", where), JsonReader.required(by, "by", where),
                JsonReader.required(label, "label", where), decision);
    }

    @Override
    void write(JsonWriter out) {
        out.beginObject();
        out.key("document").string(document);
        out.key("by").string(by.wireName());
        out.key("label").string(label);
        out.optional("decision", decision);
        out.endObject();
    }
}
