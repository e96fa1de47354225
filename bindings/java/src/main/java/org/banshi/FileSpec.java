package org.banshi;

import java.util.List;

/**
 * An electronic file specification. Immutable; its lists are unmodifiable. {@link #toJson()} gives back
 * the JSON it was read from (SCHEMA.md).
 */
public final class FileSpec extends JsonValue {
    private final List<String> formats;
    private final long maxBytes;

    FileSpec(List<String> formats, long maxBytes) {
        this.formats = formats;
        this.maxBytes = maxBytes;
    }

    /**
     * The accepted formats, such as {@code jpg}.
     *
     * @return the value
     */
    public List<String> formats() {
        return formats;
    }

    /**
     * The size limit in bytes: files must be strictly smaller.
     *
     * @return the value
     */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Reads one FileSpec from its JSON.
     *
     * @param json the JSON text, as SCHEMA.md documents it
     * @return the value
     * @throws IllegalStateException if the text does not fit the schema
     */
    public static FileSpec parse(String json) {
        JsonReader in = new JsonReader(json);
        FileSpec value = read(in);
        in.finish();
        return value;
    }

    static FileSpec read(JsonReader in) {
        String where = "FileSpec";
        List<String> formats = null;
        long maxBytes = -1;
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            switch (key) {
                case "formats": formats = in.strings(); break;
                case "max_bytes": maxBytes = in.integer(); break;
                default: throw in.unknown(key, where);
            }
        }
        if (maxBytes < 0) {
            throw in.error(where + " lacks \"max_bytes\"");
        }
        return new FileSpec(JsonReader.required(formats, "formats", where), maxBytes);
    }

    @Override
    void write(JsonWriter out) {
        out.beginObject();
        out.key("formats").strings(formats);
        out.key("max_bytes").number(maxBytes);
        out.endObject();
    }
}
