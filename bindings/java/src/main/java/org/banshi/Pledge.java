package org.banshi;

import java.util.Optional;

/**
 * 告知承诺制: a written pledge that may replace a requirement. The applicant signs a pledge with this text instead
 * of bringing the material; the office accepts it and verifies afterwards. Immutable. {@link #toJson()} gives back
 * the JSON it was read from ({@code {"text", "decision"?}}).
 */
public final class Pledge extends JsonValue {
    private final String text;
    private final String decision;

    Pledge(String text, String decision) {
        this.text = text;
        this.decision = decision;
    }

    /**
     * The text the applicant signs, in Chinese, such as {@code 本人承诺系申请人的监护人……}.
     *
     * @return the text
     */
    public String text() {
        return text;
    }

    /**
     * The interpretation the pledge rests on (口径说明), when the catalogue recorded one.
     *
     * @return the decision; empty when the pledge is quoted from the seed
     */
    public Optional<String> decision() {
        return Optional.ofNullable(decision);
    }

    /**
     * Reads one Pledge from its JSON.
     *
     * @param json the JSON text, {@code {"text", "decision"?}}
     * @return the value
     * @throws IllegalStateException if the text does not fit the schema
     */
    public static Pledge parse(String json) {
        JsonReader in = new JsonReader(json);
        Pledge value = read(in);
        in.finish();
        return value;
    }

    static Pledge read(JsonReader in) {
        String where = "Pledge";
        String text = null;
        String decision = null;
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            switch (key) {
                case "text": text = in.string(); break;
                case "decision": decision = in.string(); break;
                default: throw in.unknown(key, where);
            }
        }
        return new Pledge(JsonReader.required(text, "text", where), decision);
    }

    @Override
    void write(JsonWriter out) {
        out.beginObject();
        out.key("text").string(text);
        out.optional("decision", decision);
        out.endObject();
    }
}
