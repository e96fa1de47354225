package org.banshi;

import java.util.List;

/**
 * A submission for a bundle that falls short of its merged item: every problem at once, and what the item requires
 * with the merged numbers. Immutable; its lists are unmodifiable. {@link #toJson()} gives back the JSON it was read
 * from ({@code {"id", "name", "item", "problems", "required"}}).
 */
public final class BundleDefect extends JsonValue {
    private final String id;
    private final String name;
    private final String item;
    private final List<Problem> problems;
    private final MaterialSpec required;

    BundleDefect(String id, String name, String item, List<Problem> problems, MaterialSpec required) {
        this.id = id;
        this.name = name;
        this.item = item;
        this.problems = problems;
        this.required = required;
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
     * Reads one BundleDefect from its JSON.
     *
     * @param json the JSON text, {@code {"id", "name", "item", "problems", "required"}}
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
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            switch (key) {
                case "id": id = in.string(); break;
                case "name": name = in.string(); break;
                case "item": item = in.string(); break;
                case "problems": problems = in.list(Problem::read); break;
                case "required": required = MaterialSpec.read(in); break;
                default: throw in.unknown(key, where);
            }
        }
        return new BundleDefect(JsonReader.required(id, "id", where), JsonReader.required(name, "name", where),
                JsonReader.required(item, "item", where), JsonReader.required(problems, "problems", where),
                JsonReader.required(required, "required", where));
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
        out.endObject();
    }
}
