package org.banshi;

import java.util.List;
import java.util.Optional;

/**
 * A submitted material that is not in the required form or number. Immutable; its lists are unmodifiable. {@link #toJson()} gives back
 * the JSON it was read from (SCHEMA.md).
 */
public final class Defect extends JsonValue {
    private final String id;
    private final String name;
    private final String requirement;
    private final List<Problem> problems;
    private final MaterialSpec required;
    private final List<String> basis;
    private final String decision;
    private final Deferral deferrable;
    private final Pledge pledge;

    Defect(String id, String name, String requirement, List<Problem> problems, MaterialSpec required, List<String> basis, String decision,
            Deferral deferrable, Pledge pledge) {
        this.id = id;
        this.name = name;
        this.requirement = requirement;
        this.problems = problems;
        this.required = required;
        this.basis = basis;
        this.decision = decision;
        this.deferrable = deferrable;
        this.pledge = pledge;
    }

    /**
     * The submitted material's id.
     *
     * @return the value
     */
    public String id() {
        return id;
    }

    /**
     * Its Chinese name.
     *
     * @return the value
     */
    public String name() {
        return name;
    }

    /**
     * The requirement it was submitted for.
     *
     * @return the value
     */
    public String requirement() {
        return requirement;
    }

    /**
     * What is wrong, every problem at once.
     *
     * @return the value
     */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * What is required.
     *
     * @return the value
     */
    public MaterialSpec required() {
        return required;
    }

    /**
     * Citation ids into the legal basis.
     *
     * @return the value
     */
    public List<String> basis() {
        return basis;
    }

    /**
     * The interpretation it rests on (口径说明), when it rests on one.
     *
     * @return the value
     */
    public Optional<String> decision() {
        return Optional.ofNullable(decision);
    }

    /**
     * 容缺受理: whether it may be supplied after the application is accepted, and within how many days.
     *
     * @return the deferral; empty when it must be submitted with the application
     */
    public Optional<Deferral> deferrable() {
        return Optional.ofNullable(deferrable);
    }

    /**
     * 告知承诺制: the written pledge that may replace it, submitted as {@link Submission#pledged(String)}.
     *
     * @return the pledge; empty when no pledge can replace it
     */
    public Optional<Pledge> pledge() {
        return Optional.ofNullable(pledge);
    }

    /**
     * Reads one Defect from its JSON.
     *
     * @param json the JSON text, as SCHEMA.md documents it
     * @return the value
     * @throws IllegalStateException if the text does not fit the schema
     */
    public static Defect parse(String json) {
        JsonReader in = new JsonReader(json);
        Defect value = read(in);
        in.finish();
        return value;
    }

    static Defect read(JsonReader in) {
        String where = "Defect";
        String id = null;
        String name = null;
        String requirement = null;
        List<Problem> problems = null;
        MaterialSpec required = null;
        List<String> basis = null;
        String decision = null;
        Deferral deferrable = null;
        Pledge pledge = null;
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            switch (key) {
                case "id": id = in.string(); break;
                case "name": name = in.string(); break;
                case "requirement": requirement = in.string(); break;
                case "problems": problems = in.list(Problem::read); break;
                case "required": required = MaterialSpec.read(in); break;
                case "basis": basis = in.strings(); break;
                case "decision": decision = in.string(); break;
                case "deferrable": deferrable = Deferral.read(in); break;
                case "pledge": pledge = Pledge.read(in); break;
                default: throw in.unknown(key, where);
            }
        }

        return new Defect(JsonReader.required(id, "id", where), JsonReader.required(name, "name", where), JsonReader.required(requirement, "requirement", where), JsonReader.required(problems, "problems", where), JsonReader.required(required, "required", where), JsonReader.required(basis, "basis", where), decision,
                deferrable, pledge);
    }

    @Override
    void write(JsonWriter out) {
        out.beginObject();
        out.key("id").string(id);
        out.key("name").string(name);
        out.key("requirement").string(requirement);
        out.key("problems").values(problems);
        out.key("required");
        required.write(out);
        out.key("basis").strings(basis);
        out.optional("decision", decision);
        Mechanisms.write(out, deferrable, pledge);
        out.endObject();
    }
}
