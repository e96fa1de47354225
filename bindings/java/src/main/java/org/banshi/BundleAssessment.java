package org.banshi;

import java.util.Collections;
import java.util.List;

/**
 * The answer to {@code assess} for a bundle of services (一件事一次办): each service's own eligibility, and one
 * merged checklist of what to bring once for all of them. Immutable; its lists are unmodifiable. {@link #toJson()}
 * gives back the JSON it was read from.
 *
 * <pre>{@code
 * BundleAssessment a = catalog.bundleAssessment(Request.bundle("newborn").facts(factsJson));
 * for (MergedItem item : a.checklist()) {
 *     item.id();                                    // proxy:resident_id_card
 *     item.spec().get().copies();                   // 2: one for each service
 *     item.neededBy().get(1).service();             // 8.1
 * }
 * }</pre>
 */
public final class BundleAssessment extends JsonValue {
    private final String catalogVersion;
    private final String engineVersion;
    private final String catalogHash;
    private final BundleRef bundle;
    private final String applicationDate;
    private final EligibilityStatus eligibility;
    private final List<BundleService> services;
    private final List<MergedItem> checklist;
    private final List<MergedItem> exempt;
    private final List<String> missingFacts;
    private final String mergeRule;

    BundleAssessment(String catalogVersion, String engineVersion, String catalogHash, BundleRef bundle,
            String applicationDate, EligibilityStatus eligibility, List<BundleService> services,
            List<MergedItem> checklist, List<MergedItem> exempt, List<String> missingFacts, String mergeRule) {
        this.catalogVersion = catalogVersion;
        this.engineVersion = engineVersion;
        this.catalogHash = catalogHash;
        this.bundle = bundle;
        this.applicationDate = applicationDate;
        this.eligibility = eligibility;
        this.services = services;
        this.checklist = checklist;
        this.exempt = exempt;
        this.missingFacts = missingFacts;
        this.mergeRule = mergeRule;
    }

    /**
     * The catalogue's version.
     *
     * @return the value
     */
    public String catalogVersion() {
        return catalogVersion;
    }

    /**
     * The version of the banshi engine that gave this answer.
     *
     * @return the value, such as {@code 0.1.0}
     */
    public String engineVersion() {
        return engineVersion;
    }

    /**
     * The content hash of the catalogue's rules, {@code sha256:} and 64 hex digits.
     *
     * @return the value
     */
    public String catalogHash() {
        return catalogHash;
    }

    /**
     * The bundle: declared (id, name, interpretation) or made by the request, and its services.
     *
     * @return the bundle
     */
    public BundleRef bundle() {
        return bundle;
    }

    /**
     * The application date, {@code YYYY-MM-DD}.
     *
     * @return the value
     */
    public String applicationDate() {
        return applicationDate;
    }

    /**
     * Whether the applicant is eligible for the whole bundle: eligible only if eligible for every service,
     * ineligible if not for any, otherwise undetermined. Each service's own is in {@link #services()}.
     *
     * @return the status
     */
    public EligibilityStatus eligibility() {
        return eligibility;
    }

    /**
     * Each service's own answer, in the bundle's order: its eligibility, pending materials and legal basis.
     *
     * @return the services
     */
    public List<BundleService> services() {
        return services;
    }

    /**
     * The merged checklist: what to bring, once, for every service.
     *
     * @return the items
     */
    public List<MergedItem> checklist() {
        return checklist;
    }

    /**
     * 免提交: merged items the applicant need not submit, because the office has their documents on file; each has
     * {@link MergedItem#exempt()}.
     *
     * @return the exempt items; empty when none
     */
    public List<MergedItem> exempt() {
        return exempt;
    }

    /**
     * Every fact still needed for a final answer, for any service, in vocabulary order.
     *
     * @return the fact names
     */
    public List<String> missingFacts() {
        return missingFacts;
    }

    /**
     * The merge rule, in Chinese, as every bundle answer states it: banshi's interpretation of how requirements
     * merge, not a legal basis.
     *
     * @return the rule
     */
    public String mergeRule() {
        return mergeRule;
    }

    /**
     * Reads one BundleAssessment from its JSON.
     *
     * @param json the JSON text of a bundle's assessment
     * @return the value
     * @throws IllegalStateException if the text does not fit the schema
     */
    public static BundleAssessment parse(String json) {
        JsonReader in = new JsonReader(json);
        BundleAssessment value = read(in);
        in.finish();
        return value;
    }

    static BundleAssessment read(JsonReader in) {
        String where = "BundleAssessment";
        String catalogVersion = null;
        String engineVersion = null;
        String catalogHash = null;
        BundleRef bundle = null;
        String applicationDate = null;
        EligibilityStatus eligibility = null;
        List<BundleService> services = null;
        List<MergedItem> checklist = null;
        List<MergedItem> exempt = Collections.emptyList();
        List<String> missingFacts = null;
        String mergeRule = null;
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            switch (key) {
                case "catalog_version": catalogVersion = in.string(); break;
                case "engine_version": engineVersion = in.string(); break;
                case "catalog_hash": catalogHash = in.string(); break;
                case "bundle": bundle = BundleRef.read(in); break;
                case "application_date": applicationDate = in.string(); break;
                case "eligibility": eligibility = status(in, where); break;
                case "services": services = in.list(BundleService::read); break;
                case "checklist": checklist = in.list(MergedItem::read); break;
                case "exempt": exempt = in.list(MergedItem::read); break;
                case "missing_facts": missingFacts = in.strings(); break;
                case "merge_rule": mergeRule = in.string(); break;
                default: throw in.unknown(key, where);
            }
        }
        return new BundleAssessment(JsonReader.required(catalogVersion, "catalog_version", where),
                JsonReader.required(engineVersion, "engine_version", where),
                JsonReader.required(catalogHash, "catalog_hash", where), JsonReader.required(bundle, "bundle", where),
                JsonReader.required(applicationDate, "application_date", where),
                JsonReader.required(eligibility, "eligibility", where), JsonReader.required(services, "services", where),
                JsonReader.required(checklist, "checklist", where), exempt,
                JsonReader.required(missingFacts, "missing_facts", where),
                JsonReader.required(mergeRule, "merge_rule", where));
    }

    /** A bundle's eligibility, {@code {"status"}}. */
    static EligibilityStatus status(JsonReader in, String where) {
        EligibilityStatus status = null;
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            if (!key.equals("status")) {
                throw in.unknown(key, where + " eligibility");
            }
            status = EligibilityStatus.read(in);
        }
        return JsonReader.required(status, "status", where + " eligibility");
    }

    /** Writes a bundle's eligibility, {@code {"status"}}. */
    static void writeStatus(JsonWriter out, EligibilityStatus status) {
        out.beginObject();
        out.key("status").string(status.wireName());
        out.endObject();
    }

    @Override
    void write(JsonWriter out) {
        out.beginObject();
        out.key("catalog_version").string(catalogVersion);
        out.key("engine_version").string(engineVersion);
        out.key("catalog_hash").string(catalogHash);
        out.key("bundle");
        bundle.write(out);
        out.key("application_date").string(applicationDate);
        out.key("eligibility");
        writeStatus(out, eligibility);
        out.key("services").values(services);
        out.key("checklist").values(checklist);
        out.optionalValues("exempt", exempt);
        out.key("missing_facts").strings(missingFacts);
        out.key("merge_rule").string(mergeRule);
        out.endObject();
    }
}
