package org.banshi;

/**
 * One material handed in, for a notice ({@link Request#submitted(Submission...)}): how many originals and copies, or
 * a signed pledge in its place (告知承诺制). Immutable.
 */
public final class Submission {
    private final String id;
    private final int originals;
    private final int copies;
    private final boolean pledged;

    private Submission(String id, int originals, int copies, boolean pledged) {
        if (id == null) {
            throw new NullPointerException("id");
        }
        this.id = id;
        this.originals = originals;
        this.copies = copies;
        this.pledged = pledged;
    }

    /**
     * Originals and copies handed in. For photos, originals count photos; for electronic materials, files.
     *
     * @param id the material's id (for a bundle, the merged item's {@code owner:document}, or an option's
     *        {@code service:material})
     * @param originals originals handed in, 0 to 1000
     * @param copies copies handed in, 0 to 1000
     * @return the submission
     */
    public static Submission of(String id, int originals, int copies) {
        return new Submission(id, originals, copies, false);
    }

    /**
     * 告知承诺制: a signed pledge handed in instead of the material. Only a requirement that accepts a pledge
     * ({@link ChecklistItem#pledge()}, {@link MergedItem#pledgeTexts()}) takes one; for any other, the notice fails
     * with {@code INVALID_VALUE}. The notice records it as pledged, not proven.
     *
     * @param id the material's id, as for {@link #of(String, int, int)}
     * @return the submission
     */
    public static Submission pledged(String id) {
        return new Submission(id, 0, 0, true);
    }

    /**
     * The material's id.
     *
     * @return the id
     */
    public String id() {
        return id;
    }

    /**
     * Originals (photos, files) handed in.
     *
     * @return the count; 0 for a pledge
     */
    public int originals() {
        return originals;
    }

    /**
     * Copies handed in.
     *
     * @return the count; 0 for a pledge
     */
    public int copies() {
        return copies;
    }

    /**
     * Whether a signed pledge was handed in instead of the material.
     *
     * @return true for {@link #pledged(String)}
     */
    public boolean isPledged() {
        return pledged;
    }

    /** Writes {@code {"id", "originals", "copies"}} or {@code {"id", "pledged": true}}. */
    void write(JsonWriter out) {
        out.beginObject();
        out.key("id").string(id);
        if (pledged) {
            out.key("pledged").bool(true);
        } else {
            out.key("originals").number(originals);
            out.key("copies").number(copies);
        }
        out.endObject();
    }

    /**
     * The submission as the request's JSON writes it.
     *
     * @return {@code {"id", "originals", "copies"}} or {@code {"id", "pledged": true}}
     */
    @Override
    public String toString() {
        JsonWriter out = new JsonWriter();
        write(out);
        return out.toString();
    }
}
