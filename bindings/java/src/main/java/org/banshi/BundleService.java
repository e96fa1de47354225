package org.banshi;

import java.util.List;
import java.util.Optional;

/**
 * One service of a bundle, as its own assessment answers beside the merged checklist: its eligibility (assessed
 * separately for each service), its case, the materials that still depend on facts not given, its legal basis, its
 * procedure and its supervising office.
 * Immutable; its lists are unmodifiable. {@link #toJson()} gives back the JSON it was read from.
 */
public final class BundleService extends JsonValue {
    private final ServiceRef service;
    private final boolean hasCases;
    private final Case selectedCase;
    private final Eligibility eligibility;
    private final List<PendingItem> pending;
    private final List<String> missingFacts;
    private final List<Citation> legalBasis;
    private final List<Step> steps;
    private final Supervision supervision;

    BundleService(ServiceRef service, boolean hasCases, Case selectedCase, Eligibility eligibility,
            List<PendingItem> pending, List<String> missingFacts, List<Citation> legalBasis, List<Step> steps,
            Supervision supervision) {
        this.service = service;
        this.hasCases = hasCases;
        this.selectedCase = selectedCase;
        this.eligibility = eligibility;
        this.pending = pending;
        this.missingFacts = missingFacts;
        this.legalBasis = legalBasis;
        this.steps = steps;
        this.supervision = supervision;
    }

    /**
     * The service.
     *
     * @return its number and name
     */
    public ServiceRef service() {
        return service;
    }

    /**
     * Whether the service is split into cases (1.2, 6.1).
     *
     * @return true if the answer names a case, or would once the case fact is given
     */
    public boolean hasCases() {
        return hasCases;
    }

    /**
     * The case the applicant's facts select, for a service split into cases.
     *
     * @return the case; empty for a service without cases, or while the case fact is not given
     */
    public Optional<Case> selectedCase() {
        return Optional.ofNullable(selectedCase);
    }

    /**
     * Whether the applicant is eligible for this service, rule by rule.
     *
     * @return the service's own eligibility
     */
    public Eligibility eligibility() {
        return eligibility;
    }

    /**
     * This service's materials that depend on facts not given (ids are the service's own).
     *
     * @return the pending materials
     */
    public List<PendingItem> pending() {
        return pending;
    }

    /**
     * The facts this service still needs for a final answer, in vocabulary order.
     *
     * @return the fact names
     */
    public List<String> missingFacts() {
        return missingFacts;
    }

    /**
     * The service's legal basis: the citations that the {@code basis} lists of its pending materials and of its
     * parts of merged items ({@link MergedPart#item()}) name.
     *
     * @return the citations
     */
    public List<Citation> legalBasis() {
        return legalBasis;
    }

    /**
     * The service's procedure: each service of a bundle is still handled by its own office, step by step.
     *
     * @return the steps
     */
    public List<Step> steps() {
        return steps;
    }

    /**
     * The office supervising this service.
     *
     * @return the supervising office
     */
    public Supervision supervision() {
        return supervision;
    }

    /**
     * Reads one BundleService from its JSON.
     *
     * @param json the JSON text, {@code {"service", "case"?, "eligibility", "pending", "missing_facts", "legal_basis",
     *        "steps", "supervision"}}
     * @return the value
     * @throws IllegalStateException if the text does not fit the schema
     */
    public static BundleService parse(String json) {
        JsonReader in = new JsonReader(json);
        BundleService value = read(in);
        in.finish();
        return value;
    }

    static BundleService read(JsonReader in) {
        String where = "BundleService";
        ServiceRef service = null;
        boolean hasCases = false;
        Case selectedCase = null;
        Eligibility eligibility = null;
        List<PendingItem> pending = null;
        List<String> missingFacts = null;
        List<Citation> legalBasis = null;
        List<Step> steps = null;
        Supervision supervision = null;
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            switch (key) {
                case "service": service = ServiceRef.read(in); break;
                case "case": hasCases = true; selectedCase = in.isNull() ? null : Case.read(in); break;
                case "eligibility": eligibility = Eligibility.read(in); break;
                case "pending": pending = in.list(PendingItem::read); break;
                case "missing_facts": missingFacts = in.strings(); break;
                case "legal_basis": legalBasis = in.list(Citation::read); break;
                case "steps": steps = in.list(Step::read); break;
                case "supervision": supervision = Supervision.read(in); break;
                default: throw in.unknown(key, where);
            }
        }
        return new BundleService(JsonReader.required(service, "service", where), hasCases, selectedCase,
                JsonReader.required(eligibility, "eligibility", where), JsonReader.required(pending, "pending", where),
                JsonReader.required(missingFacts, "missing_facts", where),
                JsonReader.required(legalBasis, "legal_basis", where), JsonReader.required(steps, "steps", where),
                JsonReader.required(supervision, "supervision", where));
    }

    @Override
    void write(JsonWriter out) {
        out.beginObject();
        out.key("service");
        service.write(out);
        if (hasCases) {
            out.key("case");
            if (selectedCase == null) {
                out.nul();
            } else {
                selectedCase.write(out);
            }
        }
        out.key("eligibility");
        eligibility.write(out);
        out.key("pending").values(pending);
        out.key("missing_facts").strings(missingFacts);
        out.key("legal_basis").values(legalBasis);
        out.key("steps").values(steps);
        out.key("supervision");
        supervision.write(out);
        out.endObject();
    }
}
