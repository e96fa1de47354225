package org.banshi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks that a typed answer's accessors say what its JSON says, field by field, for what issue 11 added: bundles
 * (their services, merged items and parts, notices), exempt materials, deferrals and pledges. The conformance runner
 * already checks that {@code toJson()} gives back the bytes; this checks that each accessor reads the right member.
 * The JSON side is the conformance runner's own small reader ({@link ConformanceTest.MiniJson}), not the binding's.
 */
final class TypedViews {
    private final List<String> failures = new ArrayList<>();

    private TypedViews() {
    }

    /** The disagreements between a typed answer and the JSON tree it was read from; empty when they agree. */
    static List<String> disagreements(Object typed, Object json) {
        TypedViews v = new TypedViews();
        if (typed instanceof BundleAssessment) {
            v.bundleAssessment((BundleAssessment) typed, json);
        } else if (typed instanceof BundleNotice) {
            v.bundleNotice((BundleNotice) typed, json);
        } else if (typed instanceof Assessment) {
            v.assessment((Assessment) typed, json);
        } else if (typed instanceof Notice) {
            v.notice((Notice) typed, json);
        } else {
            v.failures.add("no view of " + typed.getClass().getSimpleName());
        }
        return v.failures;
    }

    private static Object at(Object value, String key) {
        return ConformanceTest.at(value, key);
    }

    private static List<?> list(Object value, String key) {
        Object list = at(value, key);
        return list instanceof List ? (List<?>) list : Collections.emptyList();
    }

    /** JSON numbers are read as doubles: compare integers as such. */
    private static Object normal(Object value) {
        if (value instanceof Optional) {
            return normal(((Optional<?>) value).orElse(null));
        }
        if (value instanceof Double) {
            return Long.valueOf(((Double) value).longValue());
        }
        if (value instanceof Integer) {
            return Long.valueOf((Integer) value);
        }
        return value;
    }

    private void same(String path, Object typed, Object json) {
        if (!Objects.equals(normal(typed), normal(json))) {
            failures.add(path + ": typed " + normal(typed) + ", JSON " + normal(json));
        }
    }

    private void size(String path, int typed, List<?> json) {
        if (typed != json.size()) {
            failures.add(path + ": typed has " + typed + ", JSON " + json.size());
        }
    }

    private void bundleAssessment(BundleAssessment a, Object json) {
        header(a.bundle(), a.applicationDate(), a.eligibility(), a.services(), json);
        items("checklist", a.checklist(), list(json, "checklist"));
        items("exempt", a.exempt(), list(json, "exempt"));
        same("missing_facts", a.missingFacts(), at(json, "missing_facts"));
        same("merge_rule", a.mergeRule(), at(json, "merge_rule"));
    }

    private void bundleNotice(BundleNotice n, Object json) {
        header(n.bundle(), n.applicationDate(), n.eligibility(), n.services(), json);
        same("status", n.status().wireName(), at(json, "status"));
        items("missing", n.missing(), list(json, "missing"));
        List<?> defective = list(json, "defective");
        size("defective", n.defective().size(), defective);
        for (int i = 0; i < Math.min(n.defective().size(), defective.size()); i++) {
            BundleDefect d = n.defective().get(i);
            Object j = defective.get(i);
            String path = "defective[" + i + "]";
            same(path + ".id", d.id(), at(j, "id"));
            same(path + ".name", d.name(), at(j, "name"));
            same(path + ".item", d.item(), at(j, "item"));
            problems(path, d.problems(), list(j, "problems"));
            spec(path + ".required", d.required(), at(j, "required"));
            parts(path, d.neededBy(), list(j, "needed_by"));
        }
        List<?> deferred = list(json, "deferred");
        size("deferred", n.deferred().size(), deferred);
        for (int i = 0; i < Math.min(n.deferred().size(), deferred.size()); i++) {
            BundleDeferredItem d = n.deferred().get(i);
            Object j = deferred.get(i);
            String path = "deferred[" + i + "]";
            same(path + ".id", d.id(), at(j, "id"));
            same(path + ".name", d.name(), at(j, "name"));
            same(path + ".days", d.days(), at(j, "days"));
            same(path + ".due", d.due(), at(j, "due"));
            parts(path, d.neededBy(), list(j, "needed_by"));
        }
        List<?> pledged = list(json, "pledged");
        size("pledged", n.pledged().size(), pledged);
        for (int i = 0; i < Math.min(n.pledged().size(), pledged.size()); i++) {
            BundlePledgedItem p = n.pledged().get(i);
            Object j = pledged.get(i);
            String path = "pledged[" + i + "]";
            same(path + ".id", p.id(), at(j, "id"));
            same(path + ".material", p.material(), at(j, "material"));
            same(path + ".name", p.name(), at(j, "name"));
            same(path + ".pledge.texts", p.texts(), at(at(j, "pledge"), "texts"));
            same(path + ".note", p.note(), at(j, "note"));
            same(path + ".service", p.service(), at(j, "service"));
            parts(path, p.neededBy(), list(j, "needed_by"));
        }
        items("exempt", n.exempt(), list(json, "exempt"));
        same("not_required", n.notRequired(), at(json, "not_required"));
        same("missing_facts", n.missingFacts(), at(json, "missing_facts"));
        same("merge_rule", n.mergeRule(), at(json, "merge_rule"));
    }

    private void header(BundleRef bundle, String date, EligibilityStatus eligibility, List<BundleService> services,
            Object json) {
        Object b = at(json, "bundle");
        same("bundle.id", bundle.id(), at(b, "id"));
        same("bundle.name", bundle.name(), at(b, "name"));
        same("bundle.decision", bundle.decision(), at(b, "decision"));
        List<?> refs = list(b, "services");
        size("bundle.services", bundle.services().size(), refs);
        for (int i = 0; i < Math.min(bundle.services().size(), refs.size()); i++) {
            same("bundle.services[" + i + "].id", bundle.services().get(i).id(), at(refs.get(i), "id"));
            same("bundle.services[" + i + "].name", bundle.services().get(i).name(), at(refs.get(i), "name"));
        }
        same("application_date", date, at(json, "application_date"));
        same("eligibility.status", eligibility.wireName(), at(at(json, "eligibility"), "status"));
        List<?> js = list(json, "services");
        size("services", services.size(), js);
        for (int i = 0; i < Math.min(services.size(), js.size()); i++) {
            BundleService s = services.get(i);
            Object j = js.get(i);
            String path = "services[" + i + "]";
            same(path + ".service.id", s.service().id(), at(at(j, "service"), "id"));
            same(path + ".has case", s.hasCases(), ((Map<?, ?>) j).containsKey("case"));
            same(path + ".case.value", s.selectedCase().map(Case::value), at(at(j, "case"), "value"));
            same(path + ".eligibility.status", s.eligibility().status().wireName(), at(at(j, "eligibility"), "status"));
            same(path + ".eligibility.missing_facts", s.eligibility().missingFacts(),
                    at(at(j, "eligibility"), "missing_facts"));
            List<?> pending = list(j, "pending");
            size(path + ".pending", s.pending().size(), pending);
            for (int k = 0; k < Math.min(s.pending().size(), pending.size()); k++) {
                PendingItem p = s.pending().get(k);
                Object pj = pending.get(k);
                same(path + ".pending[" + k + "].id", p.id(), at(pj, "id"));
                mechanisms(path + ".pending[" + k + "]", p.deferrable(), p.pledge(), pj);
            }
            same(path + ".missing_facts", s.missingFacts(), at(j, "missing_facts"));
            size(path + ".steps", s.steps().size(), list(j, "steps"));
            same(path + ".supervision.office", s.supervision().office(), at(at(j, "supervision"), "office"));
            List<?> basis = list(j, "legal_basis");
            size(path + ".legal_basis", s.legalBasis().size(), basis);
            for (int k = 0; k < Math.min(s.legalBasis().size(), basis.size()); k++) {
                same(path + ".legal_basis[" + k + "].id", s.legalBasis().get(k).id(), at(basis.get(k), "id"));
            }
        }
    }

    private void items(String path, List<MergedItem> items, List<?> json) {
        size(path, items.size(), json);
        for (int i = 0; i < Math.min(items.size(), json.size()); i++) {
            MergedItem item = items.get(i);
            Object j = json.get(i);
            String p = path + "[" + i + "]";
            same(p + ".id", item.id(), at(j, "id"));
            same(p + ".name", item.name(), at(j, "name"));
            same(p + ".has material fields", item.spec().isPresent(), at(j, "document") != null);
            if (item.spec().isPresent()) {
                spec(p, item.spec().get(), j);
            }
            List<?> options = list(j, "one_of");
            size(p + ".one_of", item.oneOf().size(), options);
            for (int k = 0; k < Math.min(item.oneOf().size(), options.size()); k++) {
                Material m = item.oneOf().get(k);
                same(p + ".one_of[" + k + "].id", m.id(), at(options.get(k), "id"));
                spec(p + ".one_of[" + k + "]", m.spec(), options.get(k));
            }
            same(p + ".deferrable.days", item.deferrable().map(Deferral::days), at(at(j, "deferrable"), "days"));
            same(p + ".deferrable.decision", item.deferrable().flatMap(Deferral::decision),
                    at(at(j, "deferrable"), "decision"));
            same(p + ".pledge.texts", item.pledgeTexts().isEmpty() ? null : item.pledgeTexts(),
                    at(at(j, "pledge"), "texts"));
            standIn(p + ".exempt", item.exempt().orElse(null), at(j, "exempt"));
            parts(p, item.neededBy(), list(j, "needed_by"));
        }
    }

    /** A merged item's parts ({@code needed_by}), each its service and that service's own item. */
    private void parts(String path, List<MergedPart> parts, List<?> json) {
        size(path + ".needed_by", parts.size(), json);
        for (int k = 0; k < Math.min(parts.size(), json.size()); k++) {
            MergedPart part = parts.get(k);
            Object pj = json.get(k);
            String q = path + ".needed_by[" + k + "]";
            same(q + ".service", part.service(), at(pj, "service"));
            item(q, part.item(), pj);
        }
    }

    /** A checklist item's members: every accessor against its JSON member. */
    private void item(String path, ChecklistItem item, Object json) {
        same(path + ".id", item.id(), at(json, "id"));
        same(path + ".name", item.name(), at(json, "name"));
        same(path + ".has material fields", item.spec().isPresent(), at(json, "document") != null);
        if (item.spec().isPresent()) {
            spec(path, item.spec().get(), json);
        }
        List<?> options = list(json, "one_of");
        size(path + ".one_of", item.oneOf().size(), options);
        for (int k = 0; k < Math.min(item.oneOf().size(), options.size()); k++) {
            same(path + ".one_of[" + k + "].id", item.oneOf().get(k).id(), at(options.get(k), "id"));
            spec(path + ".one_of[" + k + "]", item.oneOf().get(k).spec(), options.get(k));
        }
        same(path + ".because", item.because(), at(json, "because"));
        same(path + ".basis", item.basis(), at(json, "basis"));
        same(path + ".decision", item.decision(), at(json, "decision"));
        mechanisms(path, item.deferrable(), item.pledge(), json);
    }

    private void spec(String path, MaterialSpec spec, Object json) {
        same(path + ".document", spec.document(), at(json, "document"));
        same(path + ".owner", spec.owner(), at(json, "owner"));
        same(path + ".form", spec.form().wireName(), at(json, "form"));
        same(path + ".originals", spec.originals(), at(json, "originals"));
        same(path + ".copies", spec.copies(), at(json, "copies"));
        same(path + ".paper", spec.paper(), at(json, "paper"));
        same(path + ".stamps", spec.stamps().isEmpty() ? null : spec.stamps(), at(json, "stamps"));
        same(path + ".notes", spec.notes().isEmpty() ? null : spec.notes(), at(json, "notes"));
    }

    private void problems(String path, List<Problem> problems, List<?> json) {
        size(path + ".problems", problems.size(), json);
        for (int k = 0; k < Math.min(problems.size(), json.size()); k++) {
            same(path + ".problems[" + k + "].code", problems.get(k).code(), at(json.get(k), "code"));
        }
    }

    private void mechanisms(String path, Optional<Deferral> deferrable, Optional<Pledge> pledge, Object json) {
        same(path + ".deferrable.days", deferrable.map(Deferral::days), at(at(json, "deferrable"), "days"));
        same(path + ".deferrable.decision", deferrable.flatMap(Deferral::decision), at(at(json, "deferrable"), "decision"));
        same(path + ".pledge.text", pledge.map(Pledge::text), at(at(json, "pledge"), "text"));
        same(path + ".pledge.decision", pledge.flatMap(Pledge::decision), at(at(json, "pledge"), "decision"));
    }

    private void standIn(String path, StandIn standIn, Object json) {
        same(path + " present", standIn != null, json != null);
        if (standIn != null) {
            same(path + ".document", standIn.document(), at(json, "document"));
            same(path + ".by", standIn.by().wireName(), at(json, "by"));
            same(path + ".label", standIn.label(), at(json, "label"));
            same(path + ".decision", standIn.decision(), at(json, "decision"));
        }
    }

    private void deferred(List<DeferredItem> deferred, List<?> json) {
        size("deferred", deferred.size(), json);
        for (int i = 0; i < Math.min(deferred.size(), json.size()); i++) {
            DeferredItem d = deferred.get(i);
            Object j = json.get(i);
            same("deferred[" + i + "].id", d.id(), at(j, "id"));
            same("deferred[" + i + "].name", d.name(), at(j, "name"));
            same("deferred[" + i + "].days", d.days(), at(j, "days"));
            same("deferred[" + i + "].due", d.due(), at(j, "due"));
            same("deferred[" + i + "].decision", d.decision(), at(j, "decision"));
        }
    }

    private void checklist(String path, List<ChecklistItem> items, List<?> json) {
        size(path, items.size(), json);
        for (int i = 0; i < Math.min(items.size(), json.size()); i++) {
            item(path + "[" + i + "]", items.get(i), json.get(i));
        }
    }

    private void exempt(List<ExemptItem> items, List<?> json) {
        size("exempt", items.size(), json);
        for (int i = 0; i < Math.min(items.size(), json.size()); i++) {
            ExemptItem e = items.get(i);
            Object j = json.get(i);
            item("exempt[" + i + "]", e.item(), j);
            standIn("exempt[" + i + "].exempt", e.standIn(), at(j, "exempt"));
        }
    }

    private void assessment(Assessment a, Object json) {
        same("service.id", a.service().id(), at(at(json, "service"), "id"));
        same("eligibility.status", a.eligibility().status().wireName(), at(at(json, "eligibility"), "status"));
        checklist("checklist", a.checklist(), list(json, "checklist"));
        exempt(a.exempt(), list(json, "exempt"));
        List<?> pending = list(json, "pending");
        size("pending", a.pending().size(), pending);
        for (int i = 0; i < Math.min(a.pending().size(), pending.size()); i++) {
            mechanisms("pending[" + i + "]", a.pending().get(i).deferrable(), a.pending().get(i).pledge(), pending.get(i));
        }
    }

    private void notice(Notice n, Object json) {
        same("service.id", n.service().id(), at(at(json, "service"), "id"));
        same("status", n.status().wireName(), at(json, "status"));
        checklist("missing", n.missing(), list(json, "missing"));
        List<?> defective = list(json, "defective");
        size("defective", n.defective().size(), defective);
        for (int i = 0; i < Math.min(n.defective().size(), defective.size()); i++) {
            Defect d = n.defective().get(i);
            same("defective[" + i + "].id", d.id(), at(defective.get(i), "id"));
            problems("defective[" + i + "]", d.problems(), list(defective.get(i), "problems"));
            mechanisms("defective[" + i + "]", d.deferrable(), d.pledge(), defective.get(i));
        }
        deferred(n.deferred(), list(json, "deferred"));
        List<?> pledged = list(json, "pledged");
        size("pledged", n.pledged().size(), pledged);
        for (int i = 0; i < Math.min(n.pledged().size(), pledged.size()); i++) {
            PledgedItem p = n.pledged().get(i);
            Object j = pledged.get(i);
            same("pledged[" + i + "].id", p.id(), at(j, "id"));
            same("pledged[" + i + "].material", p.material(), at(j, "material"));
            same("pledged[" + i + "].name", p.name(), at(j, "name"));
            same("pledged[" + i + "].text", p.text(), at(j, "text"));
            same("pledged[" + i + "].note", p.note(), at(j, "note"));
            same("pledged[" + i + "].decision", p.decision(), at(j, "decision"));
        }
        exempt(n.exempt(), list(json, "exempt"));
        same("not_required", n.notRequired(), at(json, "not_required"));
    }
}
