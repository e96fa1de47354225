package org.banshi;

/** Whether the applicant is eligible. */
public enum EligibilityStatus {
    /** {@code eligible}: every rule is met. */
    ELIGIBLE("eligible"),
    /** {@code ineligible}: a rule is not met; its reasons give the facts. */
    INELIGIBLE("ineligible"),
    /** {@code undetermined}: no rule fails, but some need facts not given. */
    UNDETERMINED("undetermined");

    private final String wire;

    EligibilityStatus(String wire) {
        this.wire = wire;
    }

    /**
     * The value as the JSON spells it.
     *
     * @return such as {@code "eligible"}
     */
    public String wireName() {
        return wire;
    }

    static EligibilityStatus read(JsonReader in) {
        String s = in.string();
        switch (s) {
            case "eligible": return ELIGIBLE;
            case "ineligible": return INELIGIBLE;
            case "undetermined": return UNDETERMINED;
            default: throw in.error("unknown EligibilityStatus \"" + s + "\"");
        }
    }
}
