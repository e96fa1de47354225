package org.banshi;

import java.util.List;

/**
 * A photo specification. Immutable; its lists are unmodifiable. {@link #toJson()} gives back
 * the JSON it was read from (SCHEMA.md).
 */
public final class Photo extends JsonValue {
    private final String size;
    private final boolean color;
    private final boolean bareheaded;
    private final int count;

    Photo(String size, boolean color, boolean bareheaded, int count) {
        this.size = size;
        this.color = color;
        this.bareheaded = bareheaded;
        this.count = count;
    }

    /**
     * {@code 1寸} or {@code 2寸}.
     *
     * @return the value
     */
    public String size() {
        return size;
    }

    /**
     * Whether in colour.
     *
     * @return the value
     */
    public boolean color() {
        return color;
    }

    /**
     * Whether bareheaded (免冠).
     *
     * @return the value
     */
    public boolean bareheaded() {
        return bareheaded;
    }

    /**
     * How many photos.
     *
     * @return the value
     */
    public int count() {
        return count;
    }

    /**
     * Reads one Photo from its JSON.
     *
     * @param json the JSON text, as SCHEMA.md documents it
     * @return the value
     * @throws IllegalStateException if the text does not fit the schema
     */
    public static Photo parse(String json) {
        JsonReader in = new JsonReader(json);
        Photo value = read(in);
        in.finish();
        return value;
    }

    static Photo read(JsonReader in) {
        String where = "Photo";
        String size = null;
        Boolean color = null;
        Boolean bareheaded = null;
        long count = -1;
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            switch (key) {
                case "size": size = in.string(); break;
                case "color": color = Boolean.valueOf(in.bool()); break;
                case "bareheaded": bareheaded = Boolean.valueOf(in.bool()); break;
                case "count": count = in.integer(); break;
                default: throw in.unknown(key, where);
            }
        }
        if (count < 0) {
            throw in.error(where + " lacks \"count\"");
        }
        return new Photo(JsonReader.required(size, "size", where), JsonReader.required(color, "color", where).booleanValue(), JsonReader.required(bareheaded, "bareheaded", where).booleanValue(), (int) count);
    }

    @Override
    void write(JsonWriter out) {
        out.beginObject();
        out.key("size").string(size);
        out.key("color").bool(color);
        out.key("bareheaded").bool(bareheaded);
        out.key("count").number(count);
        out.endObject();
    }
}
