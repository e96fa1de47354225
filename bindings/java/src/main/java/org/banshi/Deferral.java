package org.banshi;

import java.util.Optional;

/**
 * 容缺受理: a requirement that may be supplied after the application is accepted, within a number of calendar days
 * of the application date. Immutable. {@link #toJson()} gives back the JSON it was read from
 * ({@code {"days", "decision"?}}).
 */
public final class Deferral extends JsonValue {
    private final int days;
    private final String decision;

    Deferral(int days, String decision) {
        this.days = days;
        this.decision = decision;
    }

    /**
     * Calendar days after the application date within which it may be supplied: the due date is the application
     * date plus this many days. For a merged item of a bundle, the fewest days any of its parts allows.
     *
     * @return the days, from 1 to 365
     */
    public int days() {
        return days;
    }

    /**
     * The interpretation the deferral rests on (口径说明), when the catalogue recorded one. A merged item of a
     * bundle has none of its own: each of its parts carries its own.
     *
     * @return the decision; empty when the deferral is quoted from the seed, or for a merged item
     */
    public Optional<String> decision() {
        return Optional.ofNullable(decision);
    }

    /**
     * Reads one Deferral from its JSON.
     *
     * @param json the JSON text, {@code {"days", "decision"?}}
     * @return the value
     * @throws IllegalStateException if the text does not fit the schema
     */
    public static Deferral parse(String json) {
        JsonReader in = new JsonReader(json);
        Deferral value = read(in);
        in.finish();
        return value;
    }

    static Deferral read(JsonReader in) {
        String where = "Deferral";
        long days = -1;
        String decision = null;
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            switch (key) {
                case "days": days = in.integer(); break;
                case "decision": decision = in.string(); break;
                default: throw in.unknown(key, where);
            }
        }
        if (days < 0 || days > Integer.MAX_VALUE) {
            throw in.error(where + " lacks \"days\"");
        }
        return new Deferral((int) days, decision);
    }

    @Override
    void write(JsonWriter out) {
        out.beginObject();
        out.key("days").number(days);
        out.optional("decision", decision);
        out.endObject();
    }
}
