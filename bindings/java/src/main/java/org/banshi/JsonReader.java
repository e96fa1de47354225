package org.banshi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A small, strict JSON reader for the library's own responses: it pulls
 * values in document order, so the typed results are built in one pass with
 * no intermediate tree. Anything the schema does not allow (a malformed
 * document, an unknown or missing key, a wrong type) throws
 * {@link IllegalStateException}: it would mean the native library and this
 * binding disagree about SCHEMA.md.
 */
final class JsonReader {
    /** Reads one element of a list. */
    interface Element<T> {
        T read(JsonReader in);
    }

    private final String text;
    private int pos;
    private final StringBuilder scratch = new StringBuilder();

    JsonReader(String text) {
        this.text = text;
    }

    IllegalStateException error(String what) {
        return new IllegalStateException("banshi response JSON: " + what + " at offset " + pos);
    }

    /** Fails unless only whitespace is left. */
    void finish() {
        space();
        if (pos != text.length()) {
            throw error("trailing characters");
        }
    }

    private void space() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    private char peek() {
        space();
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(pos);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    /** Starts an object; then call {@link #key()} until it returns null. */
    void beginObject() {
        expect('{');
        first = true;
    }

    /** Whether the next member is the first of its object or array. */
    private boolean first;

    /** The next key of the current object, or null at its end. */
    String key() {
        char c = peek();
        if (c == '}') {
            pos++;
            first = false;
            return null;
        }
        if (!first) {
            expect(',');
        }
        first = false;
        String key = string();
        expect(':');
        return key;
    }

    /** Starts an array; then call {@link #more()} before each element. */
    void beginArray() {
        expect('[');
        first = true;
    }

    /** Whether another element follows; consumes the array's end otherwise. */
    boolean more() {
        char c = peek();
        if (c == ']') {
            pos++;
            first = false;
            return false;
        }
        if (!first) {
            expect(',');
        }
        first = false;
        return true;
    }

    /** Whether the next value is {@code null}, consuming it if so. */
    boolean isNull() {
        if (peek() == 'n' && text.startsWith("null", pos)) {
            pos += 4;
            return true;
        }
        return false;
    }

    String string() {
        if (peek() != '"') {
            throw error("expected a string");
        }
        int start = ++pos;
        // Fast path: no escapes.
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                pos = i + 1;
                return text.substring(start, i);
            }
            if (c == '\\') {
                return escaped(start, i);
            }
            if (c < 0x20) {
                pos = i;
                throw error("control character in a string");
            }
        }
        throw error("unterminated string");
    }

    private String escaped(int start, int at) {
        StringBuilder out = scratch;
        out.setLength(0);
        out.append(text, start, at);
        int i = at;
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (c == '"') {
                pos = i;
                return out.toString();
            }
            if (c < 0x20) {
                pos = i - 1;
                throw error("control character in a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i >= text.length()) {
                break;
            }
            char e = text.charAt(i++);
            switch (e) {
                case '"': out.append('"'); break;
                case '\\': out.append('\\'); break;
                case '/': out.append('/'); break;
                case 'n': out.append('\n'); break;
                case 't': out.append('\t'); break;
                case 'r': out.append('\r'); break;
                case 'b': out.append('\b'); break;
                case 'f': out.append('\f'); break;
                case 'u':
                    if (i + 4 > text.length()) {
                        pos = i;
                        throw error("short \\u escape");
                    }
                    int v = 0;
                    for (int k = 0; k < 4; k++) {
                        int d = Character.digit(text.charAt(i + k), 16);
                        if (d < 0) {
                            pos = i;
                            throw error("bad \\u escape");
                        }
                        v = v * 16 + d;
                    }
                    out.append((char) v);
                    i += 4;
                    break;
                default:
                    pos = i - 1;
                    throw error("bad escape");
            }
        }
        pos = i;
        throw error("unterminated string");
    }

    /** A string, or null for JSON {@code null}. */
    String nullableString() {
        return isNull() ? null : string();
    }

    boolean bool() {
        char c = peek();
        if (c == 't' && text.startsWith("true", pos)) {
            pos += 4;
            return true;
        }
        if (c == 'f' && text.startsWith("false", pos)) {
            pos += 5;
            return false;
        }
        throw error("expected true or false");
    }

    /** true, false, or null for JSON {@code null}. */
    Boolean nullableBool() {
        return isNull() ? null : Boolean.valueOf(bool());
    }

    /** A non-negative integer, as the schema's counts and sizes are. */
    long integer() {
        peek();
        int start = pos;
        long v = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c < '0' || c > '9') {
                break;
            }
            v = v * 10 + (c - '0');
            pos++;
            if (pos - start > 18) {
                throw error("integer too large");
            }
        }
        if (pos == start || (text.charAt(start) == '0' && pos - start > 1)) {
            throw error("expected a non-negative integer");
        }
        return v;
    }

    /** An array of strings, unmodifiable. */
    List<String> strings() {
        beginArray();
        if (!more()) {
            return Collections.emptyList();
        }
        List<String> out = new ArrayList<>(4);
        do {
            out.add(string());
        } while (more());
        return Collections.unmodifiableList(out);
    }

    /** An array of values, unmodifiable. */
    <T> List<T> list(Element<T> element) {
        beginArray();
        if (!more()) {
            return Collections.emptyList();
        }
        List<T> out = new ArrayList<>();
        do {
            out.add(element.read(this));
        } while (more());
        return Collections.unmodifiableList(out);
    }

    /** Whether the next value is {@code -1}, consuming it if so. */
    boolean minusOne() {
        if (peek() == '-' && text.startsWith("-1", pos)) {
            pos += 2;
            return true;
        }
        return false;
    }

    /** Skips one value of any kind. */
    void skip() {
        char c = peek();
        switch (c) {
            case '{':
                beginObject();
                while (key() != null) {
                    skip();
                }
                break;
            case '[':
                beginArray();
                while (more()) {
                    skip();
                }
                break;
            case '"': string(); break;
            case 't': case 'f': bool(); break;
            case 'n':
                if (!isNull()) {
                    throw error("unexpected character");
                }
                break;
            default: integer();
        }
        first = false;
    }

    IllegalStateException unknown(String key, String where) {
        return error("unknown key \"" + key + "\" in " + where);
    }

    static <T> T required(T value, String key, String where) {
        if (value == null) {
            throw new IllegalStateException("banshi response JSON: " + where + " lacks \"" + key + "\"");
        }
        return value;
    }
}
