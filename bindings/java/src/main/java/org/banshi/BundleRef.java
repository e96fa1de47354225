package org.banshi;

import java.util.List;
import java.util.Optional;

/**
 * Which bundle of services (一件事一次办) an answer is for: a bundle the catalogue declares, with its id, name and the
 * interpretation that joins its services, or one the request made of service numbers. Immutable; its lists are
 * unmodifiable. {@link #toJson()} gives back the JSON it was read from
 * ({@code {"id", "name", "decision"?, "services"}}).
 */
public final class BundleRef extends JsonValue {
    private final String id;
    private final String name;
    private final String decision;
    private final List<ServiceRef> services;

    BundleRef(String id, String name, String decision, List<ServiceRef> services) {
        this.id = id;
        this.name = name;
        this.decision = decision;
        this.services = services;
    }

    /**
     * The declared bundle's id, such as {@code newborn}.
     *
     * @return the id; empty for a bundle the request made of service numbers
     */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /**
     * The declared bundle's Chinese name, such as {@code 新生儿出生一件事}.
     *
     * @return the name; empty for a bundle the request made of service numbers
     */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /**
     * The interpretation that joins the services into one application (口径说明), when the catalogue recorded one.
     *
     * @return the decision; empty when the bundle is quoted from the seed, or made by the request
     */
    public Optional<String> decision() {
        return Optional.ofNullable(decision);
    }

    /**
     * The services, in the order the answer lists them.
     *
     * @return the services, 2 to 16
     */
    public List<ServiceRef> services() {
        return services;
    }

    /**
     * Reads one BundleRef from its JSON.
     *
     * @param json the JSON text, {@code {"id", "name", "decision"?, "services"}}
     * @return the value
     * @throws IllegalStateException if the text does not fit the schema
     */
    public static BundleRef parse(String json) {
        JsonReader in = new JsonReader(json);
        BundleRef value = read(in);
        in.finish();
        return value;
    }

    static BundleRef read(JsonReader in) {
        String where = "BundleRef";
        String id = null;
        boolean hasId = false;
        String name = null;
        boolean hasName = false;
        String decision = null;
        List<ServiceRef> services = null;
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            switch (key) {
                case "id": hasId = true; id = in.nullableString(); break;
                case "name": hasName = true; name = in.nullableString(); break;
                case "decision": decision = in.string(); break;
                case "services": services = in.list(ServiceRef::read); break;
                default: throw in.unknown(key, where);
            }
        }
        if (!hasId || !hasName) {
            throw in.error(where + " lacks \"id\" or \"name\"");
        }
        return new BundleRef(id, name, decision, JsonReader.required(services, "services", where));
    }

    @Override
    void write(JsonWriter out) {
        out.beginObject();
        out.key("id").string(id);
        out.key("name").string(name);
        out.optional("decision", decision);
        out.key("services").values(services);
        out.endObject();
    }
}
