package org.banshi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Bundles of services (一件事一次办) through the typed API: the embedded catalogue's {@code newborn} bundle and an ad
 * hoc one, and the example catalogue's bundles ({@code examples/minzheng/bundle.json}, loaded at run time), with
 * documents on file, pledges and deferral inside a bundle.
 */
class BundleTest {
    /** A newborn at day 26, brought by a proxy: both services of {@code newborn} apply. */
    static final String NEWBORN = "{\"application_date\":\"2026-11-27\",\"birth_date\":\"2026-11-01\",\"hukou\":\"local\","
            + "\"proxy\":true}";
    /** A local retiree applying in person: 1.1, 8.1 and 4.3 each ask for the ID card. */
    static final String RETIREE = "{\"application_date\":\"2026-11-27\",\"birth_date\":\"1960-03-01\",\"hukou\":\"local\","
            + "\"proxy\":false,\"employment_status\":\"retired\"}";
    /** A disabled child on 低保, brought by a guardian: both disability subsidies apply. */
    static final String DISABLED_CHILD = "{\"application_date\":\"2026-11-27\",\"birth_date\":\"2015-04-10\",\"proxy\":true,"
            + "\"district_hukou\":true,\"has_disability_certificate\":true,\"disability_type\":\"physical\","
            + "\"disability_grade\":\"grade_1\",\"assistance_status\":\"dibao\",\"long_term_care_needed\":true}";
    /** An adult on 低保 with a grade 1 disability. */
    static final String DISABLED_ADULT = DISABLED_CHILD.replace("2015-04-10", "1975-04-10").replace("\"proxy\":true", "\"proxy\":false");
    /** An 86-year-old without income or supporter: both services of {@code elderly_support} apply. */
    static final String ELDERLY = "{\"application_date\":\"2026-11-27\",\"birth_date\":\"1940-01-01\",\"proxy\":false,"
            + "\"district_hukou\":true,\"living_alone\":false,\"has_disability_certificate\":false,"
            + "\"monthly_income_per_capita\":500,\"has_legal_supporter\":false}";

    /** The example catalogue, as every binding loads it: {@code examples/minzheng/bundle.json}. */
    static Catalog minzheng() throws IOException {
        byte[] bundle = Files.readAllBytes(ConformanceTest.examplesDir().resolve("minzheng").resolve("bundle.json"));
        return Catalog.load(new String(bundle, StandardCharsets.UTF_8));
    }

    static MergedItem item(List<MergedItem> items, String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + ids(items)));
    }

    static List<String> ids(List<MergedItem> items) {
        return items.stream().map(MergedItem::id).collect(Collectors.toList());
    }

    static List<String> services(MergedItem item) {
        return item.neededBy().stream().map(MergedPart::service).collect(Collectors.toList());
    }

    @Test
    void theNewbornBundleListsEachSharedDocumentOnce() {
        try (Catalog catalog = Catalog.embedded()) {
            Request request = Request.bundle("newborn").facts(NEWBORN);
            BundleAssessment a = catalog.bundleAssessment(request);
            assertEquals("newborn", a.bundle().id().get());
            assertEquals("新生儿出生一件事", a.bundle().name().get());
            assertTrue(a.bundle().decision().get().contains("口径解释"), a.bundle().decision().get());
            assertEquals(Arrays.asList("1.1", "8.1"),
                    a.bundle().services().stream().map(ServiceRef::id).collect(Collectors.toList()));
            assertEquals(EligibilityStatus.ELIGIBLE, a.eligibility());
            for (BundleService s : a.services()) {
                assertEquals(EligibilityStatus.ELIGIBLE, s.eligibility().status(), s.service().id());
                assertFalse(s.steps().isEmpty(), s.service().id());
            }

            // The proxy's ID card: asked by both, brought once; the original is shown once, each service keeps a copy.
            MergedItem idCard = item(a.checklist(), "proxy:resident_id_card");
            assertEquals(Arrays.asList("1.1", "8.1"), services(idCard));
            assertEquals(1, idCard.spec().get().originals());
            assertEquals(2, idCard.spec().get().copies());
            for (MergedPart part : idCard.neededBy()) {
                assertEquals("proxy_id_card", part.item().id());
                assertEquals(1, part.item().spec().get().copies());
                assertTrue(part.item().because().contains("申请人不满18周岁"), part.item().because().toString());
            }
            // The child's 户口 page (8.1) is the same document as the 户口本 of 1.1, of the same owner: one item.
            MergedItem hukou = item(a.checklist(), "applicant:hukou_book");
            assertEquals(Arrays.asList("hukou_book", "child_hukou_page"),
                    hukou.neededBy().stream().map(p -> p.item().id()).collect(Collectors.toList()));
            assertFalse(hukou.neededBy().get(0).item().decision().isPresent());
            assertTrue(hukou.neededBy().get(1).item().decision().isPresent());
            // Each part is that service's own item: 8.1 asks for A4 paper, 1.1 does not; the merged item does.
            assertFalse(hukou.neededBy().get(0).item().spec().get().paper().isPresent());
            assertEquals("A4", hukou.neededBy().get(1).item().spec().get().paper().get());
            assertEquals("A4", hukou.spec().get().paper().get());
            // Only 1.1 asks for the birth certificate.
            assertEquals(Arrays.asList("1.1"), services(item(a.checklist(), "applicant:birth_certificate")));
            assertTrue(a.mergeRule().startsWith("合并口径"), a.mergeRule());
            assertTrue(a.exempt().isEmpty());
            assertEquals(catalog.assess(request.toJson()), a.toJson());
        }
    }

    @Test
    void servicesNamedTogetherMakeABundleOfTheirOwn() {
        try (Catalog catalog = Catalog.embedded()) {
            BundleAssessment a = catalog.bundleAssessment(Request.bundleOf("1.1", "8.1", "4.3").facts(RETIREE));
            assertFalse(a.bundle().id().isPresent());
            assertFalse(a.bundle().name().isPresent());
            assertFalse(a.bundle().decision().isPresent());
            assertEquals(3, a.services().size());
            // Three services ask for the applicant's ID card: copies summed (1 + 1 + 2), the original once.
            MergedItem idCard = item(a.checklist(), "applicant:resident_id_card");
            assertEquals(Arrays.asList("1.1", "8.1", "4.3"), services(idCard));
            assertEquals(4, idCard.spec().get().copies());
            assertEquals(1, idCard.spec().get().originals());
            int copies = idCard.neededBy().stream().mapToInt(p -> p.item().spec().get().copies()).sum();
            assertEquals(idCard.spec().get().copies(), copies);
        }
    }

    @Test
    void aBundleNoticeNamesTheMergedItemsAndCompletesWhenGivenWhatItAsks() {
        try (Catalog catalog = Catalog.embedded()) {
            Request request = Request.bundle("newborn").facts(NEWBORN);
            BundleNotice n = catalog.bundleNotice(request.submitted(Submission.of("proxy:resident_id_card", 1, 2),
                    Submission.of("applicant:hukou_book", 1, 1)));
            assertEquals(NoticeStatus.INCOMPLETE, n.status());
            assertEquals(Arrays.asList("applicant:birth_certificate"), ids(n.missing()));
            BundleDefect hukou = n.defective().get(0);
            assertEquals("applicant:hukou_book", hukou.item());
            assertEquals("TOO_FEW_COPIES", hukou.problems().get(0).code());
            assertEquals(2, hukou.required().copies());
            // What is required comes from the parts: one copy each for 1.1 and 8.1.
            assertEquals(Arrays.asList("1.1", "8.1"),
                    hukou.neededBy().stream().map(MergedPart::service).collect(Collectors.toList()));
            assertEquals(hukou.required().copies(),
                    hukou.neededBy().stream().mapToInt(p -> p.item().spec().get().copies()).sum());
            assertTrue(n.deferred().isEmpty());

            // Handing in what the notice asks for completes it.
            List<Submission> all = new ArrayList<>();
            for (MergedItem item : catalog.bundleAssessment(request).checklist()) {
                all.add(Submission.of(item.id(), item.spec().get().originals(), item.spec().get().copies()));
            }
            BundleNotice complete = catalog.bundleNotice(request.submitted(all));
            assertEquals(NoticeStatus.COMPLETE, complete.status());
            assertTrue(complete.missing().isEmpty() && complete.defective().isEmpty() && complete.notRequired().isEmpty());
        }
    }

    @Test
    void documentsOnFileAreExemptOnceForTheWholeBundle() throws IOException {
        try (Catalog catalog = minzheng()) {
            BundleNotice n = catalog.bundleNotice(Request.bundle("disability_subsidies").facts(DISABLED_ADULT)
                    .onFile("hukou_book").submitted(Submission.of("applicant:disability_subsidy_form", 1, 0)));
            MergedItem hukou = item(n.exempt(), "applicant:hukou_book");
            assertEquals(Arrays.asList("1.1", "2.1"), services(hukou));
            StandIn standIn = hukou.exempt().get();
            assertEquals(StandInKind.ELECTRONIC_LICENCE, standIn.by());
            assertEquals("电子证照", standIn.label());
            assertEquals("hukou_book", standIn.document());
            assertFalse(ids(n.missing()).contains("applicant:hukou_book"), ids(n.missing()).toString());
            assertTrue(ids(n.missing()).contains("applicant:disability_certificate"), ids(n.missing()).toString());
            // An item to bring has no stand-in.
            assertFalse(n.missing().get(0).exempt().isPresent());
        }
    }

    @Test
    void aPledgeReplacesAMergedItemThatEveryServiceLetsItReplace() throws IOException {
        try (Catalog catalog = minzheng()) {
            Request request = Request.bundle("disability_subsidies").facts(DISABLED_CHILD);
            BundleAssessment a = catalog.bundleAssessment(request);
            MergedItem guardianship = item(a.checklist(), "applicant:guardianship_proof");
            assertEquals(1, guardianship.pledgeTexts().size());
            assertTrue(guardianship.pledgeTexts().get(0).startsWith("本人承诺系申请人的监护人"));
            for (MergedPart part : guardianship.neededBy()) {
                assertEquals(guardianship.pledgeTexts().get(0), part.item().pledge().get().text());
            }
            assertTrue(item(a.checklist(), "applicant:resident_id_card").pledgeTexts().isEmpty());

            List<Submission> submitted = new ArrayList<>();
            for (MergedItem item : a.checklist()) {
                submitted.add(item == guardianship ? Submission.pledged(item.id())
                        : Submission.of(item.id(), item.spec().get().originals(), item.spec().get().copies()));
            }
            BundleNotice n = catalog.bundleNotice(request.submitted(submitted));
            assertEquals(NoticeStatus.COMPLETE, n.status());
            BundlePledgedItem pledged = n.pledged().get(0);
            assertEquals("applicant:guardianship_proof", pledged.id());
            assertEquals("guardianship_proof", pledged.material());
            assertEquals(guardianship.pledgeTexts(), pledged.texts());
            assertTrue(pledged.note().contains("尚未核验"), pledged.note());
            // Its ground: each service's own pledge, with the decision it rests on.
            assertFalse(pledged.service().isPresent());
            assertEquals(Arrays.asList("1.1", "2.1"),
                    pledged.neededBy().stream().map(MergedPart::service).collect(Collectors.toList()));
            for (MergedPart part : pledged.neededBy()) {
                assertTrue(part.item().pledge().get().decision().isPresent(), part.service());
            }

            // Without the birth date, guardianship may be required by each service: a pledge for it is recorded
            // for each, as that service's pending material.
            Request open = Request.bundle("disability_subsidies").facts(ExemptDeferredPledgedTest.PENDING_CHILD)
                    .submitted(Submission.pledged("applicant:guardianship_proof"));
            BundleNotice pending = catalog.bundleNotice(open);
            assertEquals(Arrays.asList("1.1:guardianship_proof", "2.1:guardianship_proof"),
                    pending.pledged().stream().map(BundlePledgedItem::id).collect(Collectors.toList()));
            for (BundlePledgedItem p : pending.pledged()) {
                String service = p.id().substring(0, p.id().indexOf(':'));
                assertEquals(service, p.service().get());
                assertTrue(p.neededBy().isEmpty());
                assertEquals("guardianship_proof", p.material());
                assertEquals(guardianship.pledgeTexts(), p.texts());
            }
            assertEquals(catalog.check(open.toJson()), pending.toJson());
            assertEquals(catalog.check(request.submitted(submitted).toJson()), n.toJson());

            // A pledge for an item that accepts none is refused.
            BanshiException e = assertThrows(BanshiException.class, () -> catalog.bundleNotice(
                    request.submitted(Submission.pledged("applicant:resident_id_card"))));
            assertEquals(ErrorCode.INVALID_VALUE, e.code());
        }
    }

    @Test
    void aDeferrableItemInABundleIsAcceptedPendingWithItsDueDate() throws IOException {
        try (Catalog catalog = minzheng()) {
            Request request = Request.bundle("elderly_support").facts(ELDERLY);
            BundleAssessment a = catalog.bundleAssessment(request);
            MergedItem account = item(a.checklist(), "3.1:payment_account");
            assertEquals(30, account.deferrable().get().days());
            assertFalse(account.deferrable().get().decision().isPresent());
            assertTrue(account.neededBy().get(0).item().deferrable().get().decision().isPresent());
            // The part's options keep their service's own ids; the merged item's are prefixed with the service.
            assertEquals("social_security_card", account.neededBy().get(0).item().oneOf().get(0).id());
            assertEquals(Arrays.asList("3.1:social_security_card", "3.1:bank_card"),
                    account.oneOf().stream().map(Material::id).collect(Collectors.toList()));

            List<Submission> submitted = new ArrayList<>();
            for (MergedItem item : a.checklist()) {
                item.spec().ifPresent(spec -> submitted.add(Submission.of(item.id(), spec.originals(), spec.copies())));
            }
            BundleNotice n = catalog.bundleNotice(request.submitted(submitted));
            assertEquals(NoticeStatus.ACCEPTED_PENDING, n.status());
            BundleDeferredItem deferred = n.deferred().get(0);
            assertEquals("3.1:payment_account", deferred.id());
            assertEquals(30, deferred.days());
            assertEquals("2026-12-27", deferred.due());
            // Its ground: 3.1's own deferral, with the decision it rests on.
            assertEquals("3.1", deferred.neededBy().get(0).service());
            assertEquals(account.neededBy().get(0).item().deferrable(),
                    deferred.neededBy().get(0).item().deferrable());
            assertEquals(catalog.check(request.submitted(submitted).toJson()), n.toJson());
            assertEquals(Arrays.asList("3.1:payment_account"), ids(n.missing()));
        }
    }

    @Test
    void anUnknownBundleIsACodedError() {
        try (Catalog catalog = Catalog.embedded()) {
            BanshiException e = assertThrows(BanshiException.class,
                    () -> catalog.bundleAssessment(Request.bundle("newbron").facts(NEWBORN)));
            assertEquals(ErrorCode.UNKNOWN_BUNDLE, e.code());
            assertEquals(24, e.number());
            assertTrue(e.getMessage().contains("newborn"), e.getMessage());
            assertTrue(e.errorJson().contains("\"bundle\":\"newbron\",\"suggestion\":\"newborn\""), e.errorJson());
            assertTrue(e.toString().contains("UNKNOWN_BUNDLE (24)"), e.toString());
            // The same through the JSON call, and through a notice.
            assertEquals(e.errorJson(), assertThrows(BanshiException.class,
                    () -> catalog.assess(Request.bundle("newbron").facts(NEWBORN).toJson())).errorJson());
            assertEquals(ErrorCode.UNKNOWN_BUNDLE, assertThrows(BanshiException.class,
                    () -> catalog.bundleNotice(Request.bundle("newbron").facts(NEWBORN))).code());
        }
    }

    @Test
    void aBundleAndOneServiceEachHaveTheirOwnTypedMethods() {
        try (Catalog catalog = Catalog.embedded()) {
            Request bundle = Request.bundle("newborn").facts(NEWBORN);
            Request service = Request.service("1.1").facts(NEWBORN);
            assertThrows(IllegalArgumentException.class, () -> catalog.assessment(bundle));
            assertThrows(IllegalArgumentException.class, () -> catalog.notice(bundle));
            assertThrows(IllegalArgumentException.class, () -> catalog.bundleAssessment(service));
            assertThrows(IllegalArgumentException.class, () -> catalog.bundleNotice(service));
            // The same when the request is JSON: the answer tells which it was.
            assertThrows(IllegalArgumentException.class, () -> catalog.assessment(bundle.toJson()));
            assertThrows(IllegalArgumentException.class, () -> catalog.notice(bundle.toJson()));
            assertThrows(IllegalArgumentException.class, () -> catalog.bundleAssessment(service.toJson()));
            assertThrows(IllegalArgumentException.class, () -> catalog.bundleNotice(service.toJson()));
        }
    }

    @Test
    void bundleAnswersAreImmutable() {
        try (Catalog catalog = Catalog.embedded()) {
            BundleAssessment a = catalog.bundleAssessment(Request.bundle("newborn").facts(NEWBORN));
            assertThrows(UnsupportedOperationException.class, () -> a.checklist().clear());
            assertThrows(UnsupportedOperationException.class, () -> a.checklist().get(0).neededBy().clear());
            assertThrows(UnsupportedOperationException.class, () -> a.services().clear());
            assertThrows(UnsupportedOperationException.class, () -> a.bundle().services().clear());
            assertEquals(a, BundleAssessment.parse(a.toJson()));
        }
    }
}
