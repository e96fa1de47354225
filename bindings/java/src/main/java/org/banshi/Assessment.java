package org.banshi;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The answer to {@code assess}: eligibility and the checklist, with reasons and legal basis. Immutable; its lists are unmodifiable. {@link #toJson()} gives back
 * the JSON it was read from (SCHEMA.md).
 */
public final class Assessment extends JsonValue {
    private final String catalogVersion;
    private final String engineVersion;
    private final String catalogHash;
    private final ServiceRef service;
    private final String applicationDate;
    private final boolean hasCases;
    private final Case selectedCase;
    private final Eligibility eligibility;
    private final List<ChecklistItem> checklist;
    private final List<ExemptItem> exempt;
    private final List<PendingItem> pending;
    private final List<String> missingFacts;
    private final List<Citation> legalBasis;
    private final List<Step> steps;
    private final Supervision supervision;

    Assessment(String catalogVersion, String engineVersion, String catalogHash, ServiceRef service, String applicationDate, boolean hasCases, Case selectedCase, Eligibility eligibility, List<ChecklistItem> checklist, List<ExemptItem> exempt, List<PendingItem> pending, List<String> missingFacts, List<Citation> legalBasis, List<Step> steps, Supervision supervision) {
        this.catalogVersion = catalogVersion;
        this.engineVersion = engineVersion;
        this.catalogHash = catalogHash;
        this.service = service;
        this.applicationDate = applicationDate;
        this.hasCases = hasCases;
        this.selectedCase = selectedCase;
        this.eligibility = eligibility;
        this.checklist = checklist;
        this.exempt = exempt;
        this.pending = pending;
        this.missingFacts = missingFacts;
        this.legalBasis = legalBasis;
        this.steps = steps;
        this.supervision = supervision;
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
     * The content hash of the catalogue's rules, {@code sha256:} and 64 hex digits: with the versions, the receipt an
     * auditor checks ({@code banshi verify}).
     *
     * @return the value
     */
    public String catalogHash() {
        return catalogHash;
    }

    /**
     * The service.
     *
     * @return the value
     */
    public ServiceRef service() {
        return service;
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
     * Whether the applicant is eligible.
     *
     * @return the value
     */
    public Eligibility eligibility() {
        return eligibility;
    }

    /**
     * The materials to bring.
     *
     * @return the value
     */
    public List<ChecklistItem> checklist() {
        return checklist;
    }

    /**
     * 免提交: required materials the applicant need not submit, because the office has their documents on file (the
     * request's {@code on_file}, {@link Request#onFile(String...)}) and an electronic licence or shared data stands in.
     * They are not in {@link #checklist()}.
     *
     * @return the exempt materials; empty when none
     */
    public List<ExemptItem> exempt() {
        return exempt;
    }

    /**
     * Materials that depend on facts not given.
     *
     * @return the value
     */
    public List<PendingItem> pending() {
        return pending;
    }

    /**
     * Every fact still needed for a final answer, in vocabulary order.
     *
     * @return the value
     */
    public List<String> missingFacts() {
        return missingFacts;
    }

    /**
     * The citations that {@code basis} lists name.
     *
     * @return the value
     */
    public List<Citation> legalBasis() {
        return legalBasis;
    }

    /**
     * The procedure.
     *
     * @return the value
     */
    public List<Step> steps() {
        return steps;
    }

    /**
     * The supervising office.
     *
     * @return the value
     */
    public Supervision supervision() {
        return supervision;
    }

    /**
     * Reads one Assessment from its JSON.
     *
     * @param json the JSON text, as SCHEMA.md documents it
     * @return the value
     * @throws IllegalStateException if the text does not fit the schema
     */
    public static Assessment parse(String json) {
        JsonReader in = new JsonReader(json);
        Assessment value = read(in);
        in.finish();
        return value;
    }

    static Assessment read(JsonReader in) {
        String where = "Assessment";
        String catalogVersion = null;
        String engineVersion = null;
        String catalogHash = null;
        ServiceRef service = null;
        String applicationDate = null;
        boolean hasCases = false;
        Case selectedCase = null;
        Eligibility eligibility = null;
        List<ChecklistItem> checklist = null;
        List<ExemptItem> exempt = Collections.emptyList();
        List<PendingItem> pending = null;
        List<String> missingFacts = null;
        List<Citation> legalBasis = null;
        List<Step> steps = null;
        Supervision supervision = null;
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            switch (key) {
                case "catalog_version": catalogVersion = in.string(); break;
                case "engine_version": engineVersion = in.string(); break;
                case "catalog_hash": catalogHash = in.string(); break;
                case "service": service = ServiceRef.read(in); break;
                case "application_date": applicationDate = in.string(); break;
                case "case": hasCases = true; selectedCase = in.isNull() ? null : Case.read(in); break;
                case "eligibility": eligibility = Eligibility.read(in); break;
                case "checklist": checklist = in.list(ChecklistItem::read); break;
                case "exempt": exempt = in.list(ExemptItem::read); break;
                case "pending": pending = in.list(PendingItem::read); break;
                case "missing_facts": missingFacts = in.strings(); break;
                case "legal_basis": legalBasis = in.list(Citation::read); break;
                case "steps": steps = in.list(Step::read); break;
                case "supervision": supervision = Supervision.read(in); break;
                default: throw in.unknown(key, where);
            }
        }

        return new Assessment(JsonReader.required(catalogVersion, "catalog_version", where), JsonReader.required(engineVersion, "engine_version", where), JsonReader.required(catalogHash, "catalog_hash", where), JsonReader.required(service, "service", where), JsonReader.required(applicationDate, "application_date", where), hasCases, selectedCase, JsonReader.required(eligibility, "eligibility", where), JsonReader.required(checklist, "checklist", where), exempt, JsonReader.required(pending, "pending", where), JsonReader.required(missingFacts, "missing_facts", where), JsonReader.required(legalBasis, "legal_basis", where), JsonReader.required(steps, "steps", where), JsonReader.required(supervision, "supervision", where));
    }

    @Override
    void write(JsonWriter out) {
        out.beginObject();
        out.key("catalog_version").string(catalogVersion);
        out.key("engine_version").string(engineVersion);
        out.key("catalog_hash").string(catalogHash);
        out.key("service");
        service.write(out);
        out.key("application_date").string(applicationDate);
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
        out.key("checklist").values(checklist);
        out.optionalValues("exempt", exempt);
        out.key("pending").values(pending);
        out.key("missing_facts").strings(missingFacts);
        out.key("legal_basis").values(legalBasis);
        out.key("steps").values(steps);
        out.key("supervision");
        supervision.write(out);
        out.endObject();
    }
}
