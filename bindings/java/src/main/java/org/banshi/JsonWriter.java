package org.banshi;

import java.util.List;

/**
 * Writes the typed results back as JSON, byte for byte as the native library
 * does: keys in SCHEMA.md's order, optional keys omitted when absent or empty,
 * and the same string escapes (quote, backslash, and control characters).
 */
final class JsonWriter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out = new StringBuilder(1024);
    private boolean first = true;

    JsonWriter beginObject() {
        out.append('{');
        first = true;
        return this;
    }

    JsonWriter endObject() {
        out.append('}');
        first = false;
        return this;
    }

    JsonWriter beginArray() {
        out.append('[');
        first = true;
        return this;
    }

    JsonWriter endArray() {
        out.append(']');
        first = false;
        return this;
    }

    /** Writes a key (with its comma) inside an object. */
    JsonWriter key(String name) {
        comma();
        out.append('"').append(name).append("\":");
        first = true;
        return this;
    }

    private void comma() {
        if (!first) {
            out.append(',');
        }
        first = false;
    }

    /** Starts an array element (with its comma). */
    JsonWriter element() {
        comma();
        return this;
    }

    JsonWriter string(String s) {
        if (s == null) {
            return nul();
        }
        out.append('"');
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, start, i).append('\\');
            switch (c) {
                case '"': out.append('"'); break;
                case '\\': out.append('\\'); break;
                case '\b': out.append('b'); break;
                case '\t': out.append('t'); break;
                case '\n': out.append('n'); break;
                case '\f': out.append('f'); break;
                case '\r': out.append('r'); break;
                default: out.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
            start = i + 1;
        }
        out.append(s, start, s.length()).append('"');
        first = false;
        return this;
    }

    /** Writes JSON text as it is: a value the caller wrote, such as a request's facts object. */
    JsonWriter raw(String json) {
        out.append(json);
        first = false;
        return this;
    }

    JsonWriter nul() {
        out.append("null");
        first = false;
        return this;
    }

    JsonWriter bool(boolean b) {
        out.append(b);
        first = false;
        return this;
    }

    JsonWriter bool(Boolean b) {
        return b == null ? nul() : bool(b.booleanValue());
    }

    JsonWriter number(long n) {
        out.append(n);
        first = false;
        return this;
    }

    JsonWriter strings(List<String> list) {
        beginArray();
        for (String s : list) {
            element().string(s);
        }
        return endArray();
    }

    JsonWriter values(List<? extends JsonValue> list) {
        beginArray();
        for (JsonValue v : list) {
            element();
            v.write(this);
        }
        return endArray();
    }

    /** An optional string member: written only when present. */
    JsonWriter optional(String key, String value) {
        return value == null ? this : key(key).string(value);
    }

    /** An optional list member: written only when not empty. */
    JsonWriter optionalStrings(String key, List<String> value) {
        return value.isEmpty() ? this : key(key).strings(value);
    }

    /** An optional list member of values: written only when not empty. */
    JsonWriter optionalValues(String key, List<? extends JsonValue> value) {
        return value.isEmpty() ? this : key(key).values(value);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
