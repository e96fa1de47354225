package org.banshi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * One service with documents on file (免提交), materials that may follow later (容缺受理) and a signed pledge in
 * place of a material (告知承诺制), on the example catalogue ({@code examples/minzheng/bundle.json}, loaded at run
 * time); and the requests that name them.
 */
class ExemptDeferredPledgedTest {
    /** 5.1 for a family member's sudden illness: the medical bills may follow within 10 days. */
    static final String ILLNESS = "{\"application_date\":\"2026-11-27\",\"birth_date\":\"1985-09-09\",\"district_hukou\":true,"
            + "\"hardship_cause\":\"illness\",\"monthly_income_per_capita\":800,\"household_size\":1,\"assistance_status\":\"none\"}";
    /** {@link BundleTest#DISABLED_CHILD} without the birth date: whether a guardian must prove guardianship is open. */
    static final String PENDING_CHILD = BundleTest.DISABLED_CHILD.replace("\"birth_date\":\"2015-04-10\",", "");

    static List<String> ids(List<ChecklistItem> items) {
        return items.stream().map(ChecklistItem::id).collect(Collectors.toList());
    }

    @Test
    void materialsWhoseDocumentsAreOnFileAreExempt() throws IOException {
        try (Catalog catalog = BundleTest.minzheng()) {
            Request request = Request.service("1.1").facts(BundleTest.DISABLED_ADULT)
                    .onFile("applicant:resident_id_card", "hukou_book", "dibao_certificate");
            Assessment a = catalog.assessment(request);
            List<String> exempt = a.exempt().stream().map(e -> e.item().id()).collect(Collectors.toList());
            assertEquals(Arrays.asList("applicant_id_card", "hukou_book", "dibao_certificate"), exempt);
            for (String id : exempt) {
                assertFalse(ids(a.checklist()).contains(id), id);
            }
            ExemptItem idCard = a.exempt().get(0);
            assertEquals(StandInKind.ELECTRONIC_LICENCE, idCard.standIn().by());
            assertEquals("resident_id_card", idCard.standIn().document());
            assertTrue(idCard.standIn().decision().isPresent());
            assertEquals("applicant", idCard.item().spec().get().owner());
            assertEquals(Arrays.asList("办理本事项须提供"), idCard.item().because());
            ExemptItem dibao = a.exempt().get(2);
            assertEquals(StandInKind.SHARED_DATA, dibao.standIn().by());
            assertEquals("共享数据", dibao.standIn().label());
            assertEquals(catalog.assess(request.toJson()), a.toJson());

            // Nothing of them handed in: a notice does not ask for them.
            Notice n = catalog.notice(request.submitted(Submission.of("application_form", 1, 0)));
            for (String id : exempt) {
                assertFalse(ids(n.missing()).contains(id), id);
            }
            assertEquals(3, n.exempt().size());
        }
    }

    @Test
    void anOwnersDocumentOnFileIsThatOwnersOnly() throws IOException {
        try (Catalog catalog = BundleTest.minzheng()) {
            String child = BundleTest.DISABLED_CHILD;
            // The applicant's ID card on file does not stand in for the proxy's.
            Assessment own = catalog.assessment(Request.service("1.1").facts(child).onFile("applicant:resident_id_card"));
            assertEquals(Arrays.asList("applicant_id_card"),
                    own.exempt().stream().map(e -> e.item().id()).collect(Collectors.toList()));
            assertTrue(ids(own.checklist()).contains("proxy_id_card"));
            // Anyone's ID card on file stands in for both.
            Assessment anyone = catalog.assessment(Request.service("1.1").facts(child).onFile("resident_id_card"));
            assertEquals(Arrays.asList("applicant_id_card", "proxy_id_card"),
                    anyone.exempt().stream().map(e -> e.item().id()).collect(Collectors.toList()));
        }
    }

    @Test
    void onlyDeferrableMaterialsShortIsAcceptedPendingWithADueDate() throws IOException {
        try (Catalog catalog = BundleTest.minzheng()) {
            Request request = Request.service("5.1").facts(ILLNESS);
            Notice n = catalog.notice(request.submitted(Submission.of("written_application", 1, 0),
                    Submission.of("applicant_id_card", 1, 1), Submission.of("hukou_book", 1, 0),
                    Submission.of("diagnosis_certificate", 1, 0), Submission.of("economic_check_authorization", 1, 0)));
            assertEquals(NoticeStatus.ACCEPTED_PENDING, n.status());
            assertEquals(Arrays.asList("medical_bills"), ids(n.missing()));
            Deferral deferral = n.missing().get(0).deferrable().get();
            assertEquals(10, deferral.days());
            assertTrue(deferral.decision().get().contains("10日（自然日）"), deferral.decision().get());
            DeferredItem due = n.deferred().get(0);
            assertEquals("medical_bills", due.id());
            assertEquals(10, due.days());
            assertEquals("2026-12-07", due.due()); // 2026-11-27 plus 10 calendar days
            // The postponement shows its ground: the requirement's own decision.
            assertEquals(deferral.decision(), due.decision());

            // A missing material that may not follow keeps it incomplete; the deferrable one is still listed.
            Notice incomplete = catalog.notice(request.submitted(Submission.of("written_application", 1, 0),
                    Submission.of("applicant_id_card", 1, 1), Submission.of("hukou_book", 1, 0),
                    Submission.of("economic_check_authorization", 1, 0)));
            assertEquals(NoticeStatus.INCOMPLETE, incomplete.status());
            assertEquals(Arrays.asList("diagnosis_certificate", "medical_bills"), ids(incomplete.missing()));
            assertFalse(incomplete.missing().get(0).deferrable().isPresent());
            assertEquals("2026-12-07", incomplete.deferred().get(0).due());
        }
    }

    @Test
    void aSignedPledgeReplacesTheMaterialAndIsRecordedAsPledged() throws IOException {
        try (Catalog catalog = BundleTest.minzheng()) {
            Request request = Request.service("1.1").facts(BundleTest.DISABLED_CHILD);
            ChecklistItem guardianship = catalog.assessment(request).checklist().stream()
                    .filter(i -> i.id().equals("guardianship_proof")).findFirst().get();
            Pledge pledge = guardianship.pledge().get();
            assertTrue(pledge.text().startsWith("本人承诺"), pledge.text());
            assertTrue(pledge.decision().isPresent());

            Notice n = catalog.notice(request.submitted(Submission.of("application_form", 1, 0),
                    Submission.of("applicant_id_card", 1, 1), Submission.of("hukou_book", 1, 1),
                    Submission.of("disability_certificate", 1, 1), Submission.of("dibao_certificate", 1, 0),
                    Submission.of("proxy_id_card", 1, 1), Submission.pledged("guardianship_proof")));
            assertEquals(NoticeStatus.COMPLETE, n.status());
            PledgedItem pledged = n.pledged().get(0);
            assertEquals("guardianship_proof", pledged.id());
            assertEquals("监护关系证明", pledged.name());
            assertEquals(pledge.text(), pledged.text());
            assertTrue(pledged.note().contains("尚未核验"), pledged.note());
            // The pledge shows its ground: the requirement's own decision.
            assertEquals(pledge.decision(), pledged.decision());

            // A material that may be required once the birth date is given can be pledged already.
            Notice pending = catalog.notice(Request.service("1.1").facts(PENDING_CHILD)
                    .submitted(Submission.pledged("guardianship_proof")));
            assertEquals(Arrays.asList("guardianship_proof"),
                    pending.pending().stream().filter(p -> p.pledge().isPresent()).map(PendingItem::id)
                            .collect(Collectors.toList()));
            assertEquals(Arrays.asList("guardianship_proof"),
                    pending.pledged().stream().map(PledgedItem::id).collect(Collectors.toList()));
            assertEquals(pledge.decision(), pending.pledged().get(0).decision());

            // A material that accepts no pledge cannot be pledged.
            BanshiException e = assertThrows(BanshiException.class,
                    () -> catalog.notice(request.submitted(Submission.pledged("applicant_id_card"))));
            assertEquals(ErrorCode.INVALID_VALUE, e.code());
            assertTrue(e.errorJson().contains("\"field\":\"submitted[0].pledged\""), e.errorJson());
        }
    }

    @Test
    void anUnknownDocumentOnFileIsACodedError() throws IOException {
        try (Catalog catalog = BundleTest.minzheng(); Catalog embedded = Catalog.embedded()) {
            BanshiException e = assertThrows(BanshiException.class, () -> catalog.assessment(
                    Request.service("1.1").facts(BundleTest.DISABLED_ADULT).onFile("resident_idcard")));
            assertEquals(ErrorCode.UNKNOWN_DOCUMENT, e.code());
            assertEquals(25, e.number());
            assertTrue(e.errorJson().contains("\"document\":\"resident_idcard\",\"suggestion\":\"resident_id_card\""),
                    e.errorJson());
            assertTrue(e.toString().contains("UNKNOWN_DOCUMENT (25)"), e.toString());
            // In a bundle request and a notice too.
            assertEquals(ErrorCode.UNKNOWN_DOCUMENT, assertThrows(BanshiException.class, () -> embedded.bundleNotice(
                    Request.bundle("newborn").facts(BundleTest.NEWBORN).onFile("birth_certificat"))).code());
        }
    }

    @Test
    void theTypedAssessmentCarriesDeferralsAndPledgesAnswerAfterAnswer() throws IOException {
        // The typed assessment builds items from the compact answer and the service's guide, which states each
        // requirement's deferral and pledge: every answer, the first and those after, must be the JSON call's, on
        // a fresh catalogue, for items listed and pending.
        String[] requests = {
            Request.service("3.1").facts(BundleTest.ELDERLY).toJson(),
            Request.service("5.1").facts(ILLNESS).toJson(),
            Request.service("1.1").facts(BundleTest.DISABLED_CHILD).toJson(),
            Request.service("5.1").facts(ILLNESS.replace("illness", "expense_surge").replace("none", "dibao")).toJson(),
            Request.service("4.1").facts("{\"application_date\":\"2026-11-27\",\"birth_date\":\"2015-01-01\"}").toJson(),
            Request.service("1.1").facts(PENDING_CHILD).toJson(),
        };
        try (Catalog catalog = BundleTest.minzheng()) {
            for (int round = 0; round < 3; round++) {
                for (String request : requests) {
                    assertEquals(catalog.assess(request), catalog.assessment(request).toJson(), request);
                }
            }
            ChecklistItem account = catalog.assessment(requests[0]).checklist().stream()
                    .filter(i -> i.id().equals("payment_account")).findFirst().get();
            assertEquals(30, account.deferrable().get().days());
        }
    }

    @Test
    void aGuideAndACompactAnswerRebuildTheWholeAnswer() throws IOException {
        try (Catalog catalog = BundleTest.minzheng()) {
            GuideParts guide = GuideParts.parse(catalog.service("3.1"));
            // 3.1 for BundleTest.ELDERLY as the library answers it in compact form (core/src/render/compact.rs): both
            // rules met, and the three requirements listed, the third (payment_account) deferrable.
            String compact = "[\"3.1\",\"2026-11-27\",-1,\"eligible\",[\"申请人具有本区户籍\",\"申请人满80周岁\",\"办理本事项须提供\"],"
                    + "[[true,[0]],[true,[1]]],[],[[0,[2]],[1,[2]],[2,[2]]],[],[]]";
            JsonReader in = new JsonReader(compact);
            assertEquals("3.1", GuideParts.serviceOf(in));
            Assessment a = guide.expand(in);
            assertEquals(catalog.assess(Request.service("3.1").facts(BundleTest.ELDERLY).toJson()), a.toJson());
            ChecklistItem account = a.checklist().get(2);
            assertEquals("payment_account", account.id());
            assertEquals(30, account.deferrable().get().days());
            assertTrue(account.deferrable().get().decision().get().contains("30日（自然日）"));
            assertFalse(account.pledge().isPresent());
            assertFalse(a.checklist().get(0).deferrable().isPresent());
        }
    }

    @Test
    void requestsAreWrittenAsTheSchemaSays() {
        Request service = Request.service("1.1").facts("{\"application_date\":\"2026-11-27\"}");
        assertEquals("{\"service\":\"1.1\",\"facts\":{\"application_date\":\"2026-11-27\"}}", service.toJson());
        Request full = service.onFile("resident_id_card", "applicant:hukou_book")
                .submitted(Submission.of("application_form", 1, 0), Submission.pledged("guardianship_proof"));
        assertEquals("{\"service\":\"1.1\",\"facts\":{\"application_date\":\"2026-11-27\"},"
                + "\"on_file\":[\"resident_id_card\",\"applicant:hukou_book\"],"
                + "\"submitted\":[{\"id\":\"application_form\",\"originals\":1,\"copies\":0},"
                + "{\"id\":\"guardianship_proof\",\"pledged\":true}]}", full.toJson());
        // Each method gives a new request.
        assertEquals("{\"service\":\"1.1\",\"facts\":{\"application_date\":\"2026-11-27\"}}", service.toJson());
        assertFalse(full.isBundle());
        assertEquals("{\"bundle\":\"newborn\"}", Request.bundle("newborn").toJson());
        assertEquals("{\"bundle\":[\"1.1\",\"8.1\"]}", Request.bundleOf("1.1", "8.1").toJson());
        assertTrue(Request.bundleOf(Arrays.asList("1.1", "8.1")).isBundle());
        assertEquals("{\"bundle\":\"a\\\"b\"}", Request.bundle("a\"b").toJson());
        assertThrows(NullPointerException.class, () -> Request.bundleOf("1.1", null));
        assertThrows(NullPointerException.class, () -> Request.service("1.1").onFile((String) null));
        assertTrue(Submission.pledged("x").isPledged());
        assertEquals("{\"id\":\"x\",\"originals\":2,\"copies\":1}", Submission.of("x", 2, 1).toString());
    }

    @Test
    void requestsWithoutFactsAreRefusedByTheLibrary() {
        try (Catalog catalog = Catalog.embedded()) {
            BanshiException e = assertThrows(BanshiException.class, () -> catalog.assessment(Request.service("1.1")));
            assertEquals(ErrorCode.MISSING_FIELD, e.code());
            assertEquals(ErrorCode.INVALID_VALUE, assertThrows(BanshiException.class, () -> catalog.bundleAssessment(
                    Request.bundleOf("1.1").facts(BundleTest.NEWBORN))).code());
        }
    }
}
