package org.banshi;

/**
 * 免提交: a material the applicant is required to bring but need not submit, because the office has its document on
 * file (the request's {@code on_file}) and an electronic licence or shared data stands in for it. It is never in the
 * checklist and never reported missing. Immutable. {@link #toJson()} gives back the JSON it was read from: the item's
 * members, then {@code "exempt"}.
 */
public final class ExemptItem extends JsonValue {
    private final ChecklistItem item;
    private final StandIn standIn;

    ExemptItem(ChecklistItem item, StandIn standIn) {
        this.item = item;
        this.standIn = standIn;
    }

    /**
     * The requirement, as the checklist would list it were the document not on file: its material, reasons, legal
     * basis, and its deferral and pledge.
     *
     * @return the item
     */
    public ChecklistItem item() {
        return item;
    }

    /**
     * What stands in for it: the document on file, and whether by electronic licence or shared data.
     *
     * @return the stand-in
     */
    public StandIn standIn() {
        return standIn;
    }

    /**
     * Reads one ExemptItem from its JSON.
     *
     * @param json the JSON text: an item's members and {@code "exempt"}
     * @return the value
     * @throws IllegalStateException if the text does not fit the schema
     */
    public static ExemptItem parse(String json) {
        JsonReader in = new JsonReader(json);
        ExemptItem value = read(in);
        in.finish();
        return value;
    }

    static ExemptItem read(JsonReader in) {
        StandIn[] standIn = new StandIn[1];
        ChecklistItem item = ChecklistItem.read(in, "ExemptItem", (key, reader) -> {
            if (!key.equals("exempt")) {
                return false;
            }
            standIn[0] = StandIn.read(reader);
            return true;
        });
        return new ExemptItem(item, JsonReader.required(standIn[0], "exempt", "ExemptItem"));
    }

    @Override
    void write(JsonWriter out) {
        out.beginObject();
        item.writeFields(out);
        out.key("exempt");
        standIn.write(out);
        out.endObject();
    }
}
