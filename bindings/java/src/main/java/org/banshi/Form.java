package org.banshi;

/** The form a material is brought in. */
public enum Form {
    /** {@code original}: 原件. */
    ORIGINAL("original"),
    /** {@code copy}: 复印件. */
    COPY("copy"),
    /** {@code original_and_copy}: 原件及复印件. */
    ORIGINAL_AND_COPY("original_and_copy"),
    /** {@code electronic}: 电子版. */
    ELECTRONIC("electronic");

    private final String wire;

    Form(String wire) {
        this.wire = wire;
    }

    /**
     * The value as the JSON spells it.
     *
     * @return such as {@code "original"}
     */
    public String wireName() {
        return wire;
    }

    static Form read(JsonReader in) {
        String s = in.string();
        switch (s) {
            case "original": return ORIGINAL;
            case "copy": return COPY;
            case "original_and_copy": return ORIGINAL_AND_COPY;
            case "electronic": return ELECTRONIC;
            default: throw in.error("unknown Form \"" + s + "\"");
        }
    }
}
