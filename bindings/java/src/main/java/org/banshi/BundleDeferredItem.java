package org.banshi;

import java.util.List;

/**
 * 容缺受理 in a bundle notice: a merged item missing or defective that may be supplied after acceptance, with its
 * due date and the services' requirements it stands for, each with its own deferral and the interpretation that
 * deferral rests on. Immutable; its lists are unmodifiable. {@link #toJson()} gives back the JSON it was read from
 * ({@code {"id", "name", "days", "due", "needed_by"}}).
 */
public final class BundleDeferredItem extends JsonValue {
    private final String id;
    private final String name;
    private final int days;
    private final String due;
    private final List<MergedPart> neededBy;

    BundleDeferredItem(String id, String name, int days, String due, List<MergedPart> neededBy) {
        this.id = id;
        this.name = name;
        this.days = days;
        this.due = due;
        this.neededBy = neededBy;
    }

    /**
     * The merged item's id ({@link MergedItem#id()}), such as {@code 3.1:payment_account}.
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
     * The calendar days allowed after the application date: the fewest any of its parts allows.
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
     * The services' requirements the merged item stands for, as its {@link MergedItem#neededBy()}: each part's
     * {@link ChecklistItem#deferrable()} is the ground of the postponement, with its own decision.
     *
     * @return the parts, at least one
     */
    public List<MergedPart> neededBy() {
        return neededBy;
    }

    /**
     * Reads one BundleDeferredItem from its JSON.
     *
     * @param json the JSON text, {@code {"id", "name", "days", "due", "needed_by"}}
     * @return the value
     * @throws IllegalStateException if the text does not fit the schema
     */
    public static BundleDeferredItem parse(String json) {
        JsonReader in = new JsonReader(json);
        BundleDeferredItem value = read(in);
        in.finish();
        return value;
    }

    static BundleDeferredItem read(JsonReader in) {
        String where = "BundleDeferredItem";
        String id = null;
        String name = null;
        long days = -1;
        String due = null;
        List<MergedPart> neededBy = null;
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            switch (key) {
                case "id": id = in.string(); break;
                case "name": name = in.string(); break;
                case "days": days = in.integer(); break;
                case "due": due = in.string(); break;
                case "needed_by": neededBy = in.list(MergedPart::read); break;
                default: throw in.unknown(key, where);
            }
        }
        if (days < 0 || days > Integer.MAX_VALUE) {
            throw in.error(where + " lacks \"days\"");
        }
        return new BundleDeferredItem(JsonReader.required(id, "id", where), JsonReader.required(name, "name", where),
                (int) days, JsonReader.required(due, "due", where), MergedItem.parts(in, neededBy, where));
    }

    @Override
    void write(JsonWriter out) {
        out.beginObject();
        out.key("id").string(id);
        out.key("name").string(name);
        out.key("days").number(days);
        out.key("due").string(due);
        out.key("needed_by").values(neededBy);
        out.endObject();
    }
}
