package org.banshi;

import java.util.List;

/**
 * A submission for a bundle that falls short of its merged item: every problem at once, what the item requires with
 * the merged numbers, and the services' requirements it stands for. Immutable; its lists are unmodifiable.
 * {@link #toJson()} gives back the JSON it was read from ({@code {"id", "name", "item", "problems", "required",
 * "needed_by"}}).
 */
public final class BundleDefect extends JsonValue {
    private final String id;
    private final String name;
    private final String item;
    private final List<Problem> problems;
    private final MaterialSpec required;
    private final List<MergedPart> neededBy;

    BundleDefect(String id, String name, String item, List<Problem> problems, MaterialSpec required,
            List<MergedPart> neededBy) {
        this.id = id;
        this.name = name;
        this.item = item;
        this.problems = problems;
        this.required = required;
        this.neededBy = neededBy;
    }

    /**
     * The id it was submitted under: the item's {@code owner:document}, or an option's {@code service:material}.
     *
     * @return the id
     */
    public String id() {
        return id;
    }

    /**
     * The submitted material's Chinese name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The id of the merged item it was submitted for ({@link MergedItem#id()}).
     *
     * @return the item's id
     */
    public String item() {
        return item;
    }

    /**
     * What is wrong, every problem at once, such as {@code TOO_FEW_COPIES}.
     *
     * @return the problems
     */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * What is required, with the merged numbers (an option's own, for a {@code one_of} item).
     *
     * @return the material fields
     */
    public MaterialSpec required() {
        return required;
    }

    /**
     * The services' requirements the merged item stands for, as its {@link MergedItem#neededBy()}: why each service
     * asks for it and on what basis, so that the numbers required can be traced to their parts.
     *
     * @return the parts, at least one
     */
    public List<MergedPart> neededBy() {
        return neededBy;
    }

    /**
     * Reads one BundleDefect from its JSON.
     *
     * @param json the JSON text, {@code {"id", "name", "item", "problems", "required", "needed_by"}}
     * @return the value
     * @throws IllegalStateException if the text does not fit the schema
     */
    public static BundleDefect parse(String json) {
        JsonReader in = new JsonReader(json);
        BundleDefect value = read(in);
        in.finish();
        return value;
    }

    static BundleDefect read(JsonReader in) {
        String where = "BundleDefect";
        String id = null;
        String name = null;
        String item = null;
        List<Problem> problems = null;
        MaterialSpec required = null;
        List<MergedPart> neededBy = null;
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            switch (key) {
                case "id": id = in.string(); break;
                case "name": name = in.string(); break;
                case "item": item = in.string(); break;
                case "problems": problems = in.list(Problem::read); break;
                case "required": required = MaterialSpec.read(in); break;
                case "needed_by": neededBy = in.list(MergedPart::read); break;
                default: throw in.unknown(key, where);
            }
        }
        return new BundleDefect(JsonReader.required(id, "id", where), JsonReader.required(name, "name", where),
                JsonReader.required(item, "item", where), JsonReader.required(problems, "problems", where),
                JsonReader.required(required, "required", where), MergedItem.parts(in, neededBy, where));
    }

    @Override
    void write(JsonWriter out) {
        out.beginObject();
        out.key("id").string(id);
        out.key("name").string(name);
        out.key("item").string(item);
        out.key("problems").values(problems);
        out.key("required");
        required.write(out);
        out.key("needed_by").values(neededBy);
        out.endObject();
    }
}
