package org.banshi;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The answer to a validator. An invalid value is {@code valid() == false} with its problems, not an exception. Immutable; its lists are unmodifiable. {@link #toJson()} gives back
 * the JSON it was read from (SCHEMA.md).
 */
public final class Validation extends JsonValue {
    private final boolean valid;
    private final String masked;
    private final String birthDate;
    private final String sex;
    private final String date;
    private final List<Problem> problems;
    private final List<String> formats;
    private final Long maxBytes;

    Validation(boolean valid, String masked, String birthDate, String sex, String date, List<Problem> problems, List<String> formats, Long maxBytes) {
        this.valid = valid;
        this.masked = masked;
        this.birthDate = birthDate;
        this.sex = sex;
        this.date = date;
        this.problems = problems;
        this.formats = formats;
        this.maxBytes = maxBytes;
    }

    /**
     * Whether the value is valid.
     *
     * @return the value
     */
    public boolean valid() {
        return valid;
    }

    /**
     * ID numbers: the number masked, such as {@code 110105********002X}; never unmasked.
     *
     * @return the value
     */
    public Optional<String> masked() {
        return Optional.ofNullable(masked);
    }

    /**
     * ID numbers: the birth date it encodes.
     *
     * @return the value
     */
    public Optional<String> birthDate() {
        return Optional.ofNullable(birthDate);
    }

    /**
     * ID numbers: {@code male} or {@code female}.
     *
     * @return the value
     */
    public Optional<String> sex() {
        return Optional.ofNullable(sex);
    }

    /**
     * Dates: the date, normalised.
     *
     * @return the value
     */
    public Optional<String> date() {
        return Optional.ofNullable(date);
    }

    /**
     * The problems found; empty when valid.
     *
     * @return the value
     */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * Files: the accepted formats.
     *
     * @return the value
     */
    public List<String> formats() {
        return formats;
    }

    /**
     * Files: the size limit in bytes.
     *
     * @return the value
     */
    public OptionalLong maxBytes() {
        return maxBytes == null ? OptionalLong.empty() : OptionalLong.of(maxBytes);
    }

    /**
     * Reads one Validation from its JSON.
     *
     * @param json the JSON text, as SCHEMA.md documents it
     * @return the value
     * @throws IllegalStateException if the text does not fit the schema
     */
    public static Validation parse(String json) {
        JsonReader in = new JsonReader(json);
        Validation value = read(in);
        in.finish();
        return value;
    }

    static Validation read(JsonReader in) {
        String where = "Validation";
        Boolean valid = null;
        String masked = null;
        String birthDate = null;
        String sex = null;
        String date = null;
        List<Problem> problems = null;
        List<String> formats = null;
        Long maxBytes = null;
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            switch (key) {
                case "valid": valid = Boolean.valueOf(in.bool()); break;
                case "masked": masked = in.string(); break;
                case "birth_date": birthDate = in.string(); break;
                case "sex": sex = in.string(); break;
                case "date": date = in.string(); break;
                case "problems": problems = in.list(Problem::read); break;
                case "formats": formats = in.strings(); break;
                case "max_bytes": maxBytes = Long.valueOf(in.integer()); break;
                default: throw in.unknown(key, where);
            }
        }

        return new Validation(JsonReader.required(valid, "valid", where).booleanValue(), masked, birthDate, sex, date, problems != null ? problems : Collections.emptyList(), formats != null ? formats : Collections.emptyList(), maxBytes);
    }

    @Override
    void write(JsonWriter out) {
        out.beginObject();
        out.key("valid").bool(valid);
        out.optional("masked", masked);
        out.optional("birth_date", birthDate);
        out.optional("sex", sex);
        out.optional("date", date);
        if (!problems.isEmpty()) {
            out.key("problems").values(problems);
        }
        out.optionalStrings("formats", formats);
        if (maxBytes != null) {
            out.key("max_bytes").number(maxBytes);
        }
        out.endObject();
    }
}
