package org.banshi;

import java.util.Collections;
import java.util.List;

/**
 * The answer to {@code check} for a bundle of services: one one-time notice (一次性告知) for the merged checklist.
 * Submissions name the merged items' ids ({@link MergedItem#id()}). Its {@link #status()} speaks of the materials
 * only; eligibility is answered beside it, for the bundle and for each service. Immutable; its lists are
 * unmodifiable. {@link #toJson()} gives back the JSON it was read from.
 */
public final class BundleNotice extends JsonValue {
    private final String catalogVersion;
    private final String engineVersion;
    private final String catalogHash;
    private final BundleRef bundle;
    private final String applicationDate;
    private final EligibilityStatus eligibility;
    private final List<BundleService> services;
    private final NoticeStatus status;
    private final List<MergedItem> missing;
    private final List<BundleDefect> defective;
    private final List<BundleDeferredItem> deferred;
    private final List<BundlePledgedItem> pledged;
    private final List<MergedItem> exempt;
    private final List<String> notRequired;
    private final List<String> missingFacts;
    private final String mergeRule;

    BundleNotice(String catalogVersion, String engineVersion, String catalogHash, BundleRef bundle,
            String applicationDate, EligibilityStatus eligibility, List<BundleService> services, NoticeStatus status,
            List<MergedItem> missing, List<BundleDefect> defective, List<BundleDeferredItem> deferred,
            List<BundlePledgedItem> pledged, List<MergedItem> exempt, List<String> notRequired,
            List<String> missingFacts, String mergeRule) {
        this.catalogVersion = catalogVersion;
        this.engineVersion = engineVersion;
        this.catalogHash = catalogHash;
        this.bundle = bundle;
        this.applicationDate = applicationDate;
        this.eligibility = eligibility;
        this.services = services;
        this.status = status;
        this.missing = missing;
        this.defective = defective;
        this.deferred = deferred;
        this.pledged = pledged;
        this.exempt = exempt;
        this.notRequired = notRequired;
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
     * The application date, {@code YYYY-MM-DD}: deferred items fall due counting from it.
     *
     * @return the value
     */
    public String applicationDate() {
        return applicationDate;
    }

    /**
     * Whether the applicant is eligible for the whole bundle (see {@link BundleAssessment#eligibility()}).
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
     * Whether the materials are complete, for the whole bundle; {@link NoticeStatus#ACCEPTED_PENDING} when only
     * deferrable items are short.
     *
     * @return the status
     */
    public NoticeStatus status() {
        return status;
    }

    /**
     * Merged items not submitted at all.
     *
     * @return the items
     */
    public List<MergedItem> missing() {
        return missing;
    }

    /**
     * Submissions that fall short of their merged item.
     *
     * @return the defects
     */
    public List<BundleDefect> defective() {
        return defective;
    }

    /**
     * 容缺受理: the missing or defective items that may be supplied after acceptance, each with its due date and
     * the parts whose deferrals allow it.
     *
     * @return the deferred items; empty when none
     */
    public List<BundleDeferredItem> deferred() {
        return deferred;
    }

    /**
     * 告知承诺制: the items satisfied by a signed pledge, recorded as pledged, not proven: merged items, and
     * materials that may be required once a fact is given.
     *
     * @return the pledged items; empty when none
     */
    public List<BundlePledgedItem> pledged() {
        return pledged;
    }

    /**
     * 免提交: merged items the applicant need not submit, because the office has their documents on file.
     *
     * @return the exempt items; empty when none
     */
    public List<MergedItem> exempt() {
        return exempt;
    }

    /**
     * Submitted ids this applicant does not need for any service of the bundle.
     *
     * @return the ids
     */
    public List<String> notRequired() {
        return notRequired;
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
     * The merge rule, in Chinese (see {@link BundleAssessment#mergeRule()}).
     *
     * @return the rule
     */
    public String mergeRule() {
        return mergeRule;
    }

    /**
     * Reads one BundleNotice from its JSON.
     *
     * @param json the JSON text of a bundle's notice
     * @return the value
     * @throws IllegalStateException if the text does not fit the schema
     */
    public static BundleNotice parse(String json) {
        JsonReader in = new JsonReader(json);
        BundleNotice value = read(in);
        in.finish();
        return value;
    }

    static BundleNotice read(JsonReader in) {
        String where = "BundleNotice";
        String catalogVersion = null;
        String engineVersion = null;
        String catalogHash = null;
        BundleRef bundle = null;
        String applicationDate = null;
        EligibilityStatus eligibility = null;
        List<BundleService> services = null;
        NoticeStatus status = null;
        List<MergedItem> missing = null;
        List<BundleDefect> defective = null;
        List<BundleDeferredItem> deferred = Collections.emptyList();
        List<BundlePledgedItem> pledged = Collections.emptyList();
        List<MergedItem> exempt = Collections.emptyList();
        List<String> notRequired = null;
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
                case "eligibility": eligibility = BundleAssessment.status(in, where); break;
                case "services": services = in.list(BundleService::read); break;
                case "status": status = NoticeStatus.read(in); break;
                case "missing": missing = in.list(MergedItem::read); break;
                case "defective": defective = in.list(BundleDefect::read); break;
                case "deferred": deferred = in.list(BundleDeferredItem::read); break;
                case "pledged": pledged = in.list(BundlePledgedItem::read); break;
                case "exempt": exempt = in.list(MergedItem::read); break;
                case "not_required": notRequired = in.strings(); break;
                case "missing_facts": missingFacts = in.strings(); break;
                case "merge_rule": mergeRule = in.string(); break;
                default: throw in.unknown(key, where);
            }
        }
        return new BundleNotice(JsonReader.required(catalogVersion, "catalog_version", where),
                JsonReader.required(engineVersion, "engine_version", where),
                JsonReader.required(catalogHash, "catalog_hash", where), JsonReader.required(bundle, "bundle", where),
                JsonReader.required(applicationDate, "application_date", where),
                JsonReader.required(eligibility, "eligibility", where), JsonReader.required(services, "services", where),
                JsonReader.required(status, "status", where), JsonReader.required(missing, "missing", where),
                JsonReader.required(defective, "defective", where), deferred, pledged, exempt,
                JsonReader.required(notRequired, "not_required", where),
                JsonReader.required(missingFacts, "missing_facts", where),
                JsonReader.required(mergeRule, "merge_rule", where));
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
        BundleAssessment.writeStatus(out, eligibility);
        out.key("services").values(services);
        out.key("status").string(status.wireName());
        out.key("missing").values(missing);
        out.key("defective").values(defective);
        out.optionalValues("deferred", deferred);
        out.optionalValues("pledged", pledged);
        out.optionalValues("exempt", exempt);
        out.key("not_required").strings(notRequired);
        out.key("missing_facts").strings(missingFacts);
        out.key("merge_rule").string(mergeRule);
        out.endObject();
    }
}
