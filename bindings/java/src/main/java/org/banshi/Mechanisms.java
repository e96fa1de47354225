package org.banshi;

/**
 * A requirement's deferral (容缺受理) and pledge (告知承诺制), as items write them after their provenance.
 */
final class Mechanisms {
    private Mechanisms() {
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
