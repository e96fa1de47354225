package org.banshi;

/**
 * A requirement's deferral (容缺受理) and pledge (告知承诺制), as items write them after their provenance. Both are
 * the catalogue's, fixed for the requirement whatever the applicant's facts, so the typed assessment keeps them per
 * requirement of a service's guide ({@link GuideParts}).
 */
final class Mechanisms {
    /** Neither. */
    static final Mechanisms NONE = new Mechanisms(null, null);

    final Deferral deferrable;
    final Pledge pledge;

    private Mechanisms(Deferral deferrable, Pledge pledge) {
        this.deferrable = deferrable;
        this.pledge = pledge;
    }

    static Mechanisms of(Deferral deferrable, Pledge pledge) {
        return deferrable == null && pledge == null ? NONE : new Mechanisms(deferrable, pledge);
    }

    /** Writes {@code "deferrable"} and {@code "pledge"}, each only when present. */
    static void write(JsonWriter out, Deferral deferrable, Pledge pledge) {
        if (deferrable != null) {
            out.key("deferrable");
            deferrable.write(out);
        }
        if (pledge != null) {
            out.key("pledge");
            pledge.write(out);
        }
    }
}
