package org.banshi;

import java.util.Optional;

/**
 * 容缺受理: a requirement missing or defective in a one-service notice that may be supplied after acceptance, with
 * its due date and the interpretation the deferral rests on. (A bundle notice has {@link BundleDeferredItem}.)
 * Immutable. {@link #toJson()} gives back the JSON it was read from ({@code {"id", "name", "days", "due",
 * "decision"?}}).
 */
public final class DeferredItem extends JsonValue {
    private final String id;
    private final String name;
    private final int days;
    private final String due;
    private final String decision;

    DeferredItem(String id, String name, int days, String due, String decision) {
        this.id = id;
        this.name = name;
        this.days = days;
        this.due = due;
        this.decision = decision;
    }

    /**
     * The requirement's id, such as {@code medical_bills}.
     *
     * @return the id
     */
    public String id() {
        return id;
    }

    /**
     * The Chinese name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The calendar days allowed after the application date.
     *
     * @return the days
     */
    public int days() {
        return days;
    }

    /**
     * The last day to supply it: the application date plus {@link #days()} calendar days.
     *
     * @return the date, {@code YYYY-MM-DD}
     */
    public String due() {
        return due;
    }

    /**
     * The interpretation the deferral rests on (口径说明), as the requirement's {@link Deferral#decision()}: no
     * postponement is shown without its ground.
     *
     * @return the decision; empty when the deferral is quoted from the seed
     */
    public Optional<String> decision() {
        return Optional.ofNullable(decision);
    }

    /**
     * Reads one DeferredItem from its JSON.
     *
     * @param json the JSON text, {@code {"id", "name", "days", "due", "decision"?}}
     * @return the value
     * @throws IllegalStateException if the text does not fit the schema
     */
    public static DeferredItem parse(String json) {
        JsonReader in = new JsonReader(json);
        DeferredItem value = read(in);
        in.finish();
        return value;
    }

    static DeferredItem read(JsonReader in) {
        String where = "DeferredItem";
        String id = null;
        String name = null;
        long days = -1;
        String due = null;
        String decision = null;
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            switch (key) {
                case "id": id = in.string(); break;
                case "name": name = in.string(); break;
                case "days": days = in.integer(); break;
                case "due": due = in.string(); break;
                case "decision": decision = in.string(); break;
                default: throw in.unknown(key, where);
            }
        }
        if (days < 0 || days > Integer.MAX_VALUE) {
            throw in.error(where + " lacks \"days\"");
        }
        return new DeferredItem(JsonReader.required(id, "id", where), JsonReader.required(name, "name", where),
                (int) days, JsonReader.required(due, "due", where), decision);
    }

    @Override
    void write(JsonWriter out) {
        out.beginObject();
        out.key("id").string(id);
        out.key("name").string(name);
        out.key("days").number(days);
        out.key("due").string(due);
        out.optional("decision", decision);
        out.endObject();
    }
}
