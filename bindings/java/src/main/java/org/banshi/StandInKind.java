package org.banshi;

/** What stands in for a paper document the office has on file (免提交). */
public enum StandInKind {
    /** {@code electronic_licence}: 电子证照, the document's electronic licence. */
    ELECTRONIC_LICENCE("electronic_licence"),
    /** {@code shared_data}: 共享数据, data shared between departments. */
    SHARED_DATA("shared_data");

    private final String wire;

    StandInKind(String wire) {
        this.wire = wire;
    }

    /**
     * The value as the JSON spells it.
     *
     * @return such as {@code "electronic_licence"}
     */
    public String wireName() {
        return wire;
    }

    static StandInKind read(JsonReader in) {
        String s = in.string();
        switch (s) {
            case "electronic_licence": return ELECTRONIC_LICENCE;
            case "shared_data": return SHARED_DATA;
            default: throw in.error("unknown StandInKind \"" + s + "\"");
        }
    }
}
