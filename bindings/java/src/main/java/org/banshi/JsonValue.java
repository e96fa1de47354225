package org.banshi;

/**
 * The shared behaviour of the typed results: each writes itself back as the
 * JSON the native library returns (SCHEMA.md), and two results are equal when
 * that JSON is.
 */
abstract class JsonValue {
    JsonValue() {
    }

    abstract void write(JsonWriter out);

    /**
     * This value as JSON: the same bytes, as UTF-8, that the JSON-string
     * methods return for it.
     *
     * @return the JSON text
     */
    public final String toJson() {
        JsonWriter out = new JsonWriter();
        write(out);
        return out.toString();
    }

    /** The JSON text, as {@link #toJson()}. */
    @Override
    public String toString() {
        return toJson();
    }

    /** Equal when of the same class and with the same JSON. */
    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && ((JsonValue) other).toJson().equals(toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }
}
