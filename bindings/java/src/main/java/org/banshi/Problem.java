package org.banshi;

import java.util.List;

/**
 * One problem found: a stable code and a Chinese message. Immutable; its lists are unmodifiable. {@link #toJson()} gives back
 * the JSON it was read from (SCHEMA.md).
 */
public final class Problem extends JsonValue {
    private final String code;
    private final String message;

    Problem(String code, String message) {
        this.code = code;
        this.message = message;
    }

    /**
     * The code, such as {@code TOO_FEW_ORIGINALS} or {@code ID_CHECK_DIGIT}.
     *
     * @return the value
     */
    public String code() {
        return code;
    }

    /**
     * The Chinese message.
     *
     * @return the value
     */
    public String message() {
        return message;
    }

    /**
     * Reads one Problem from its JSON.
     *
     * @param json the JSON text, as SCHEMA.md documents it
     * @return the value
     * @throws IllegalStateException if the text does not fit the schema
     */
    public static Problem parse(String json) {
        JsonReader in = new JsonReader(json);
        Problem value = read(in);
        in.finish();
        return value;
    }

    static Problem read(JsonReader in) {
        String where = "Problem";
        String code = null;
        String message = null;
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            switch (key) {
                case "code": code = in.string(); break;
                case "message": message = in.string(); break;
                default: throw in.unknown(key, where);
            }
        }

        return new Problem(JsonReader.required(code, "code", where), JsonReader.required(message, "message", where));
    }

    @Override
    void write(JsonWriter out) {
        out.beginObject();
        out.key("code").string(code);
        out.key("message").string(message);
        out.endObject();
    }
}
