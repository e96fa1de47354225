package org.banshi;

/**
 * The one-time notice's status, which speaks of the materials only; eligibility is answered beside it. When several
 * apply, the first of {@link #INCOMPLETE}, {@link #UNDETERMINED}, {@link #ACCEPTED_PENDING}, {@link #COMPLETE} holds.
 */
public enum NoticeStatus {
    /** {@code complete}: everything required is submitted in the right form and number. */
    COMPLETE("complete"),
    /** {@code incomplete}: see the missing and defective materials. */
    INCOMPLETE("incomplete"),
    /** {@code undetermined}: nothing listed is missing, but some materials depend on facts not given. */
    UNDETERMINED("undetermined"),
    /**
     * {@code accepted_pending} (容缺受理): accepted, though materials are missing or defective, because each of them
     * may be supplied later; the notice lists them as deferred, each with its due date.
     */
    ACCEPTED_PENDING("accepted_pending");

    private final String wire;

    NoticeStatus(String wire) {
        this.wire = wire;
    }

    /**
     * The value as the JSON spells it.
     *
     * @return such as {@code "complete"}
     */
    public String wireName() {
        return wire;
    }

    static NoticeStatus read(JsonReader in) {
        String s = in.string();
        switch (s) {
            case "complete": return COMPLETE;
            case "incomplete": return INCOMPLETE;
            case "undetermined": return UNDETERMINED;
            case "accepted_pending": return ACCEPTED_PENDING;
            default: throw in.error("unknown NoticeStatus \"" + s + "\"");
        }
    }
}
