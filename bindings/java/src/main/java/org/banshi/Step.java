package org.banshi;

import java.util.List;
import java.util.Optional;

/**
 * One step of the procedure. Immutable; its lists are unmodifiable. {@link #toJson()} gives back
 * the JSON it was read from (SCHEMA.md).
 */
public final class Step extends JsonValue {
    private final String actor;
    private final String action;
    private final String phone;
    private final boolean optional;

    Step(String actor, String action, String phone, boolean optional) {
        this.actor = actor;
        this.action = action;
        this.phone = phone;
        this.optional = optional;
    }

    /**
     * Who acts, such as {@code 街劳服}.
     *
     * @return the value
     */
    public Optional<String> actor() {
        return Optional.ofNullable(actor);
    }

    /**
     * What is done.
     *
     * @return the value
     */
    public String action() {
        return action;
    }

    /**
     * A phone number.
     *
     * @return the value
     */
    public Optional<String> phone() {
        return Optional.ofNullable(phone);
    }

    /**
     * Whether the step is optional.
     *
     * @return the value
     */
    public boolean optional() {
        return optional;
    }

    /**
     * Reads one Step from its JSON.
     *
     * @param json the JSON text, as SCHEMA.md documents it
     * @return the value
     * @throws IllegalStateException if the text does not fit the schema
     */
    public static Step parse(String json) {
        JsonReader in = new JsonReader(json);
        Step value = read(in);
        in.finish();
        return value;
    }

    static Step read(JsonReader in) {
        String where = "Step";
        String actor = null;
        String action = null;
        String phone = null;
        boolean optional = false;
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            switch (key) {
                case "actor": actor = in.string(); break;
                case "action": action = in.string(); break;
                case "phone": phone = in.string(); break;
                case "optional": optional = in.bool(); if (!optional) { throw in.error("optional: false is written as absent"); } break;
                default: throw in.unknown(key, where);
            }
        }

        return new Step(actor, JsonReader.required(action, "action", where), phone, optional);
    }

    @Override
    void write(JsonWriter out) {
        out.beginObject();
        out.optional("actor", actor);
        out.key("action").string(action);
        out.optional("phone", phone);
        if (optional) {
            out.key("optional").bool(true);
        }
        out.endObject();
    }
}
