package org.banshi;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One item of a bundle's merged checklist (一件事一次办): what to bring once for every service of the bundle that asks
 * for it. Requirements of one owner and one document merge into one item, whose id is {@code owner:document} (such as
 * {@code proxy:resident_id_card}); a requirement with alternatives ({@code one_of}), or one that cannot merge, is an
 * item of its own, {@code service:requirement} (such as {@code 3.1:payment_account}), whose options are
 * {@code service:material}. The numbers follow the merge rule that every bundle answer states
 * ({@link BundleAssessment#mergeRule()}); {@link #neededBy()} lists the services' requirements it stands for.
 * Submissions for a bundle use these ids. Immutable; its lists are unmodifiable. {@link #toJson()} gives back the
 * JSON it was read from.
 */
public final class MergedItem extends JsonValue {
    private final String id;
    private final String name;
    private final List<Material> oneOf;
    private final MaterialSpec spec;
    private final Deferral deferrable;
    private final List<String> pledgeTexts;
    private final StandIn exempt;
    private final List<MergedPart> neededBy;

    MergedItem(String id, String name, List<Material> oneOf, MaterialSpec spec, Deferral deferrable,
            List<String> pledgeTexts, StandIn exempt, List<MergedPart> neededBy) {
        this.id = id;
        this.name = name;
        this.oneOf = oneOf;
        this.spec = spec;
        this.deferrable = deferrable;
        this.pledgeTexts = pledgeTexts;
        this.exempt = exempt;
        this.neededBy = neededBy;
    }

    /**
     * The item's id: {@code owner:document} for a merged material, else {@code service:requirement}.
     *
     * @return the id, under which a bundle notice's submissions name it
     */
    public String id() {
        return id;
    }

    /**
     * The Chinese name: its first part's.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The options, for a requirement with alternatives ({@code one_of}), each with its id {@code service:material}.
     *
     * @return the options; empty for a single material
     */
    public List<Material> oneOf() {
        return oneOf;
    }

    /**
     * What to bring and how many, with the merged numbers: originals the largest any part asks for (photos and copies
     * summed, electronic files the largest), paper A4 if any part asks for it, stamps and notes the union.
     *
     * @return the material fields; empty for a {@code one_of} item
     */
    public Optional<MaterialSpec> spec() {
        return Optional.ofNullable(spec);
    }

    /**
     * 容缺受理: whether it may be supplied after acceptance, which holds only when every part allows it, within the
     * fewest days any part allows. Each part's own deferral, with its interpretation, is on its item
     * ({@link MergedPart#item()}).
     *
     * @return the deferral (its days only); empty when some part wants it with the application
     */
    public Optional<Deferral> deferrable() {
        return Optional.ofNullable(deferrable);
    }

    /**
     * 告知承诺制: the texts of the pledges that may replace it, each distinct text once. A pledge replaces a merged
     * item only when every part accepts one.
     *
     * @return the texts; empty when no pledge can replace it
     */
    public List<String> pledgeTexts() {
        return pledgeTexts;
    }

    /**
     * 免提交: for an exempt item, what stands in for it.
     *
     * @return the stand-in; empty for an item to bring
     */
    public Optional<StandIn> exempt() {
        return Optional.ofNullable(exempt);
    }

    /**
     * The services' requirements it stands for, service by service in the bundle's order.
     *
     * @return the parts, at least one
     */
    public List<MergedPart> neededBy() {
        return neededBy;
    }

    /**
     * Reads one MergedItem from its JSON.
     *
     * @param json the JSON text, {@code {"id", "name", material fields | "one_of", "deferrable"?, "pledge"?,
     *        "exempt"?, "needed_by"}}
     * @return the value
     * @throws IllegalStateException if the text does not fit the schema
     */
    public static MergedItem parse(String json) {
        JsonReader in = new JsonReader(json);
        MergedItem value = read(in);
        in.finish();
        return value;
    }

    static MergedItem read(JsonReader in) {
        String where = "MergedItem";
        String id = null;
        String name = null;
        MaterialSpec.Builder spec = new MaterialSpec.Builder();
        List<Material> oneOf = null;
        Deferral deferrable = null;
        List<String> pledgeTexts = Collections.emptyList();
        StandIn exempt = null;
        List<MergedPart> neededBy = null;
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            switch (key) {
                case "id": id = in.string(); break;
                case "name": name = in.string(); break;
                case "one_of": oneOf = in.list(Material::read); break;
                case "deferrable": deferrable = Deferral.read(in); break;
                case "pledge": pledgeTexts = texts(in, where); break;
                case "exempt": exempt = StandIn.read(in); break;
                case "needed_by": neededBy = in.list(MergedPart::read); break;
                default:
                    if (!spec.read(key, in)) {
                        throw in.unknown(key, where);
                    }
            }
        }
        if (oneOf != null && !spec.isEmpty()) {
            throw in.error(where + " has both one_of and material fields");
        }
        return new MergedItem(JsonReader.required(id, "id", where), JsonReader.required(name, "name", where),
                oneOf != null ? oneOf : Collections.<Material>emptyList(), oneOf != null ? null : spec.build(where),
                deferrable, pledgeTexts, exempt, parts(in, neededBy, where));
    }

    /** A merged item's {@code needed_by} as read: required, with at least one part. */
    static List<MergedPart> parts(JsonReader in, List<MergedPart> neededBy, String where) {
        if (JsonReader.required(neededBy, "needed_by", where).isEmpty()) {
            throw in.error(where + " has no part");
        }
        return neededBy;
    }

    /** A merged pledge, {@code {"texts": [...]}}: its texts, at least one. */
    static List<String> texts(JsonReader in, String where) {
        List<String> texts = null;
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            if (!key.equals("texts")) {
                throw in.unknown(key, where + " pledge");
            }
            texts = in.strings();
        }
        if (JsonReader.required(texts, "texts", where + " pledge").isEmpty()) {
            throw in.error(where + " has a pledge without text");
        }
        return texts;
    }

    /** Writes a merged pledge, {@code {"texts": [...]}}. */
    static void writeTexts(JsonWriter out, List<String> texts) {
        out.beginObject();
        out.key("texts").strings(texts);
        out.endObject();
    }

    @Override
    void write(JsonWriter out) {
        out.beginObject();
        out.key("id").string(id);
        out.key("name").string(name);
        if (!oneOf.isEmpty()) {
            out.key("one_of").values(oneOf);
        } else {
            spec.writeFields(out);
        }
        if (deferrable != null) {
            out.key("deferrable");
            deferrable.write(out);
        }
        if (!pledgeTexts.isEmpty()) {
            out.key("pledge");
            writeTexts(out, pledgeTexts);
        }
        if (exempt != null) {
            out.key("exempt");
            exempt.write(out);
        }
        out.key("needed_by").values(neededBy);
        out.endObject();
    }
}
