package org.banshi;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * 告知承诺制 in a bundle notice: a requirement satisfied by a signed pledge, recorded as pledged, not proven. Either
 * a merged item of the checklist, with the services' requirements it stands for ({@link #neededBy()}), or a material
 * that may be required once a fact is given (pending), with the one service that may ask for it
 * ({@link #service()}). Immutable; its lists are unmodifiable. {@link #toJson()} gives back the JSON it was read from
 * ({@code {"id", "material", "name", "pledge": {"texts"}, "note", "needed_by"}} for a merged item,
 * {@code {"id", "material", "name", "pledge": {"texts"}, "note", "service"}} for a pending material).
 */
public final class BundlePledgedItem extends JsonValue {
    private final String id;
    private final String material;
    private final String name;
    private final List<String> texts;
    private final String note;
    private final List<MergedPart> neededBy;
    private final String service;

    BundlePledgedItem(String id, String material, String name, List<String> texts, String note,
            List<MergedPart> neededBy, String service) {
        this.id = id;
        this.material = material;
        this.name = name;
        this.texts = texts;
        this.note = note;
        this.neededBy = neededBy;
        this.service = service;
    }

    /**
     * The merged item's id ({@link MergedItem#id()}), such as {@code applicant:guardianship_proof}; for a pending
     * material, {@code service:material}, such as {@code 1.1:guardianship_proof}.
     *
     * @return the id
     */
    public String id() {
        return id;
    }

    /**
     * The material the pledge stands for: its id in the first service that asks for it (for a pending material, in
     * {@link #service()}).
     *
     * @return the material id
     */
    public String material() {
        return material;
    }

    /**
     * The item's Chinese name (for a pending material, the material's own).
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The texts of the pledges its parts accept, each distinct text once (for a pending material, its own).
     *
     * @return the texts, at least one
     */
    public List<String> texts() {
        return texts;
    }

    /**
     * What the notice says of it, in Chinese: pledged, not yet verified, to be checked afterwards.
     *
     * @return the note
     */
    public String note() {
        return note;
    }

    /**
     * For a merged item, the services' requirements it stands for, as its {@link MergedItem#neededBy()}: each
     * part's {@link ChecklistItem#pledge()} is the ground of the pledge, with its own decision.
     *
     * @return the parts, at least one for a merged item; empty for a pending material
     */
    public List<MergedPart> neededBy() {
        return neededBy;
    }

    /**
     * For a material that may be required (pending), the number of the service that may ask for it, such as
     * {@code 1.1}: its requirement is that service's pending item ({@link BundleService#pending()}), with the
     * pledge's decision.
     *
     * @return the service number; empty for a merged item
     */
    public Optional<String> service() {
        return Optional.ofNullable(service);
    }

    /**
     * Reads one BundlePledgedItem from its JSON.
     *
     * @param json the JSON text, {@code {"id", "material", "name", "pledge": {"texts"}, "note"}} followed by
     *        {@code "needed_by"} or {@code "service"}
     * @return the value
     * @throws IllegalStateException if the text does not fit the schema
     */
    public static BundlePledgedItem parse(String json) {
        JsonReader in = new JsonReader(json);
        BundlePledgedItem value = read(in);
        in.finish();
        return value;
    }

    static BundlePledgedItem read(JsonReader in) {
        String where = "BundlePledgedItem";
        String id = null;
        String material = null;
        String name = null;
        List<String> texts = null;
        String note = null;
        List<MergedPart> neededBy = null;
        String service = null;
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            switch (key) {
                case "id": id = in.string(); break;
                case "material": material = in.string(); break;
                case "name": name = in.string(); break;
                case "pledge": texts = MergedItem.texts(in, where); break;
                case "note": note = in.string(); break;
                case "needed_by": neededBy = in.list(MergedPart::read); break;
                case "service": service = in.string(); break;
                default: throw in.unknown(key, where);
            }
        }
        if (service != null && neededBy != null) {
            throw in.error(where + " has both needed_by and service");
        }
        return new BundlePledgedItem(JsonReader.required(id, "id", where),
                JsonReader.required(material, "material", where), JsonReader.required(name, "name", where),
                JsonReader.required(texts, "pledge", where), JsonReader.required(note, "note", where),
                service != null ? Collections.<MergedPart>emptyList() : MergedItem.parts(in, neededBy, where),
                service);
    }

    @Override
    void write(JsonWriter out) {
        out.beginObject();
        out.key("id").string(id);
        out.key("material").string(material);
        out.key("name").string(name);
        out.key("pledge");
        MergedItem.writeTexts(out, texts);
        out.key("note").string(note);
        if (service != null) {
            out.key("service").string(service);
        } else {
            out.key("needed_by").values(neededBy);
        }
        out.endObject();
    }
}
