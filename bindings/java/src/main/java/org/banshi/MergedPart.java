package org.banshi;

/**
 * One service's requirement within a merged item of a bundle ({@code needed_by}): which service asks for it, and
 * that service's own checklist item for it, exactly as the service alone would list it (its own id, material fields
 * or options, reasons, legal basis, interpretation, deferral and pledge). Nothing in a merged item is invented: each
 * of its numbers comes from its parts by the merge rule. Immutable. {@link #toJson()} gives back the JSON it was read
 * from ({@code {"service"}} followed by the item's members).
 */
public final class MergedPart extends JsonValue {
    private final String service;
    private final ChecklistItem item;

    MergedPart(String service, ChecklistItem item) {
        this.service = service;
        this.item = item;
    }

    /**
     * The number of the service that asks for it, such as {@code 8.1}.
     *
     * @return the service number
     */
    public String service() {
        return service;
    }

    /**
     * The service's own checklist item: its id in that service (such as {@code proxy_id_card}), its numbers, why
     * the service asks for it and on what basis (citation ids into {@link BundleService#legalBasis()}), and the
     * service's deferral and pledge, each with its own interpretation.
     *
     * @return the item
     */
    public ChecklistItem item() {
        return item;
    }

    /**
     * Reads one MergedPart from its JSON.
     *
     * @param json the JSON text, {@code {"service", ...}} with a checklist item's members
     * @return the value
     * @throws IllegalStateException if the text does not fit the schema
     */
    public static MergedPart parse(String json) {
        JsonReader in = new JsonReader(json);
        MergedPart value = read(in);
        in.finish();
        return value;
    }

    static MergedPart read(JsonReader in) {
        String[] service = new String[1];
        ChecklistItem item = ChecklistItem.read(in, "MergedPart", (key, reader) -> {
            if (!key.equals("service")) {
                return false;
            }
            service[0] = reader.string();
            return true;
        });
        return new MergedPart(JsonReader.required(service[0], "service", "MergedPart"), item);
    }

    @Override
    void write(JsonWriter out) {
        out.beginObject();
        out.key("service").string(service);
        item.writeFields(out);
        out.endObject();
    }
}
