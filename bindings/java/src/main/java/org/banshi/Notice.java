package org.banshi;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The answer to {@code check}: the one-time notice (一次性告知). Its {@link #status()} speaks of the materials only; eligibility is answered beside it. Immutable; its lists are unmodifiable. {@link #toJson()} gives back
 * the JSON it was read from (SCHEMA.md).
 */
public final class Notice extends JsonValue {
    private final String catalogVersion;
    private final String engineVersion;
    private final String catalogHash;
    private final ServiceRef service;
    private final String applicationDate;
    private final boolean hasCases;
    private final Case selectedCase;
    private final Eligibility eligibility;
    private final NoticeStatus status;
    private final List<ChecklistItem> missing;
    private final List<Defect> defective;
    private final List<DeferredItem> deferred;
    private final List<PledgedItem> pledged;
    private final List<ExemptItem> exempt;
    private final List<String> notRequired;
    private final List<PendingItem> pending;
    private final List<String> missingFacts;
    private final List<Citation> legalBasis;
    private final Supervision supervision;

    Notice(String catalogVersion, String engineVersion, String catalogHash, ServiceRef service, String applicationDate, boolean hasCases, Case selectedCase, Eligibility eligibility, NoticeStatus status, List<ChecklistItem> missing, List<Defect> defective, List<DeferredItem> deferred, List<PledgedItem> pledged, List<ExemptItem> exempt, List<String> notRequired, List<PendingItem> pending, List<String> missingFacts, List<Citation> legalBasis, Supervision supervision) {
        this.catalogVersion = catalogVersion;
        this.engineVersion = engineVersion;
        this.catalogHash = catalogHash;
        this.service = service;
        this.applicationDate = applicationDate;
        this.hasCases = hasCases;
        this.selectedCase = selectedCase;
        this.eligibility = eligibility;
        this.status = status;
        this.missing = missing;
        this.defective = defective;
        this.deferred = deferred;
        this.pledged = pledged;
        this.exempt = exempt;
        this.notRequired = notRequired;
        this.pending = pending;
        this.missingFacts = missingFacts;
        this.legalBasis = legalBasis;
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
     * Whether the materials are complete.
     *
     * @return the value
     */
    public NoticeStatus status() {
        return status;
    }

    /**
     * Materials not submitted.
     *
     * @return the value
     */
    public List<ChecklistItem> missing() {
        return missing;
    }

    /**
     * Materials submitted in the wrong form or number.
     *
     * @return the value
     */
    public List<Defect> defective() {
        return defective;
    }

    /**
     * 容缺受理: the missing or defective materials that may be supplied after acceptance, each with its due date.
     * When these are all that is short, the status is {@link NoticeStatus#ACCEPTED_PENDING}.
     *
     * @return the deferred materials; empty when none
     */
    public List<DeferredItem> deferred() {
        return deferred;
    }

    /**
     * 告知承诺制: the requirements satisfied by a signed pledge, recorded as pledged, not proven.
     *
     * @return the pledged requirements; empty when none
     */
    public List<PledgedItem> pledged() {
        return pledged;
    }

    /**
     * 免提交: required materials the applicant need not submit, because the office has their documents on file.
     *
     * @return the exempt materials; empty when none
     */
    public List<ExemptItem> exempt() {
        return exempt;
    }

    /**
     * Submitted materials that are not required.
     *
     * @return the value
     */
    public List<String> notRequired() {
        return notRequired;
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
     * The supervising office.
     *
     * @return the value
     */
    public Supervision supervision() {
        return supervision;
    }

    /**
     * Reads one Notice from its JSON.
     *
     * @param json the JSON text, as SCHEMA.md documents it
     * @return the value
     * @throws IllegalStateException if the text does not fit the schema
     */
    public static Notice parse(String json) {
        JsonReader in = new JsonReader(json);
        Notice value = read(in);
        in.finish();
        return value;
    }

    static Notice read(JsonReader in) {
        String where = "Notice";
        String catalogVersion = null;
        String engineVersion = null;
        String catalogHash = null;
        ServiceRef service = null;
        String applicationDate = null;
        boolean hasCases = false;
        Case selectedCase = null;
        Eligibility eligibility = null;
        NoticeStatus status = null;
        List<ChecklistItem> missing = null;
        List<Defect> defective = null;
        List<DeferredItem> deferred = Collections.emptyList();
        List<PledgedItem> pledged = Collections.emptyList();
        List<ExemptItem> exempt = Collections.emptyList();
        List<String> notRequired = null;
        List<PendingItem> pending = null;
        List<String> missingFacts = null;
        List<Citation> legalBasis = null;
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
                case "status": status = NoticeStatus.read(in); break;
                case "missing": missing = in.list(ChecklistItem::read); break;
                case "defective": defective = in.list(Defect::read); break;
                case "deferred": deferred = in.list(DeferredItem::read); break;
                case "pledged": pledged = in.list(PledgedItem::read); break;
                case "exempt": exempt = in.list(ExemptItem::read); break;
                case "not_required": notRequired = in.strings(); break;
                case "pending": pending = in.list(PendingItem::read); break;
                case "missing_facts": missingFacts = in.strings(); break;
                case "legal_basis": legalBasis = in.list(Citation::read); break;
                case "supervision": supervision = Supervision.read(in); break;
                default: throw in.unknown(key, where);
            }
        }

        return new Notice(JsonReader.required(catalogVersion, "catalog_version", where), JsonReader.required(engineVersion, "engine_version", where), JsonReader.required(catalogHash, "catalog_hash", where), JsonReader.required(service, "service", where), JsonReader.required(applicationDate, "application_date", where), hasCases, selectedCase, JsonReader.required(eligibility, "eligibility", where), JsonReader.required(status, "status", where), JsonReader.required(missing, "missing", where), JsonReader.required(defective, "defective", where), deferred, pledged, exempt, JsonReader.required(notRequired, "not_required", where), JsonReader.required(pending, "pending", where), JsonReader.required(missingFacts, "missing_facts", where), JsonReader.required(legalBasis, "legal_basis", where), JsonReader.required(supervision, "supervision", where));
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
        out.key("status").string(status.wireName());
        out.key("missing").values(missing);
        out.key("defective").values(defective);
        out.optionalValues("deferred", deferred);
        out.optionalValues("pledged", pledged);
        out.optionalValues("exempt", exempt);
        out.key("not_required").strings(notRequired);
        out.key("pending").values(pending);
        out.key("missing_facts").strings(missingFacts);
        out.key("legal_basis").values(legalBasis);
        out.key("supervision");
        supervision.write(out);
        out.endObject();
    }
}
