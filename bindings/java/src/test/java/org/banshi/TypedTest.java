package org.banshi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The typed results: their accessors, immutability and strictness (the conformance runner checks every field). */
class TypedTest {
    private static final String MARRIED = "{\"service\":\"10.1\",\"facts\":{\"application_date\":\"2026-11-27\","
            + "\"marital_status\":\"married\",\"hukou\":\"nonlocal\"}}";

    @Test
    void assessmentReadsLikeTheJson() {
        try (Catalog catalog = Catalog.embedded()) {
            Assessment a = catalog.assessment(MARRIED);
            assertEquals("10.1", a.service().id());
            assertFalse(a.hasCases());
            List<String> ids = a.checklist().stream().map(ChecklistItem::id).collect(Collectors.toList());
            assertTrue(ids.contains("spouse_id_card"), ids.toString());
            ChecklistItem spouse = a.checklist().get(ids.indexOf("spouse_id_card"));
            assertEquals("spouse", spouse.spec().get().owner());
            assertTrue(spouse.because().contains("申请人已婚"));
            for (String id : spouse.basis()) {
                assertTrue(a.legalBasis().stream().anyMatch(c -> c.id().equals(id)), id);
            }
            assertEquals(catalog.assess(MARRIED), a.toJson());
            assertEquals(a, Assessment.parse(a.toJson()));
        }
    }

    @Test
    void listsAreUnmodifiable() {
        try (Catalog catalog = Catalog.embedded()) {
            Assessment a = catalog.assessment(MARRIED);
            assertThrows(UnsupportedOperationException.class, () -> a.checklist().clear());
            assertThrows(UnsupportedOperationException.class, () -> a.checklist().get(0).because().add("x"));
            assertThrows(UnsupportedOperationException.class, () -> a.missingFacts().add("x"));
        }
    }

    @Test
    void noticeStatusIsSeparateFromEligibility() {
        try (Catalog catalog = Catalog.embedded()) {
            Notice n = catalog.notice("{\"service\":\"10.1\",\"facts\":{\"application_date\":\"2026-11-27\","
                    + "\"marital_status\":\"married\",\"hukou\":\"nonlocal\",\"has_training_certificate\":false},"
                    + "\"submitted\":[{\"id\":\"photos\",\"originals\":2}]}");
            assertEquals(NoticeStatus.INCOMPLETE, n.status());
            assertEquals(EligibilityStatus.INELIGIBLE, n.eligibility().status());
            Defect photos = n.defective().get(0);
            assertEquals("TOO_FEW_ORIGINALS", photos.problems().get(0).code());
            assertEquals(4, photos.required().originals());
        }
    }

    @Test
    void validatorsTakeTheSameArgumentsAsInJavaScript() {
        try (Catalog catalog = Catalog.embedded()) {
            Validation id = catalog.validateIdNumber("11010519491231002X");
            assertTrue(id.valid());
            assertEquals("1949-12-31", id.birthDate().get());
            assertFalse(catalog.validateDate("2026-02-30").valid());
            Validation file = catalog.validateFile("8.1", "electronic_photo", new FileInfo("a.png", "image/png", 0));
            assertFalse(file.valid());
            assertEquals(122880L, file.maxBytes().getAsLong());
            assertEquals(2, file.problems().size());
            BanshiException e = assertThrows(BanshiException.class,
                    () -> catalog.validateFile("8.1", "no_such", new FileInfo("a.jpg", null, 1)));
            assertEquals(ErrorCode.UNKNOWN_MATERIAL, e.code());
        }
    }

    @Test
    void theReaderIsStrict() {
        assertThrows(IllegalStateException.class, () -> Validation.parse("{\"valid\":true,\"extra\":1}"));
        assertThrows(IllegalStateException.class, () -> Validation.parse("{\"valid\":true} x"));
        assertThrows(IllegalStateException.class, () -> Validation.parse("{}"));
        assertThrows(IllegalStateException.class, () -> Validation.parse("{\"valid\":true,}"));
        assertThrows(IllegalStateException.class, () -> Problem.parse("{\"code\":\"A\",\"message\":\"\\x\"}"));
        assertThrows(IllegalStateException.class, () -> Photo.parse("{\"size\":\"1寸\",\"color\":true,\"bareheaded\":true,\"count\":-1}"));
        // A bundle's pledged entry is a merged item's (needed_by) or a pending material's (service), never both or
        // neither.
        String pledged = "{\"id\":\"1.1:x\",\"material\":\"x\",\"name\":\"某\",\"pledge\":{\"texts\":[\"本人承诺\"]},\"note\":\"n\"";
        assertEquals("1.1", BundlePledgedItem.parse(pledged + ",\"service\":\"1.1\"}").service().get());
        assertThrows(IllegalStateException.class, () -> BundlePledgedItem.parse(pledged + "}"));
        assertThrows(IllegalStateException.class, () -> BundlePledgedItem.parse(pledged + ",\"needed_by\":[]}"));
        assertThrows(IllegalStateException.class, () -> BundlePledgedItem.parse(pledged + ",\"service\":\"1.1\","
                + "\"needed_by\":[{\"service\":\"1.1\",\"id\":\"x\",\"name\":\"某\",\"document\":\"d\",\"owner\":\"applicant\","
                + "\"form\":\"original\",\"originals\":1,\"copies\":0,\"because\":[],\"basis\":[]}]}"));
        assertEquals("{\"code\":\"A\",\"message\":\"\\\"\\\\\\n\\u0001é\"}",
                Problem.parse("{\"code\":\"A\",\"message\":\"\\\"\\\\\\n\\u0001\\u00e9\"}").toJson());
    }

    @Test
    void theNativePathIsTheFastestTheJvmHas() {
        String forced = System.getProperty("banshi.native", "");
        String expected = !forced.isEmpty() ? forced : Fast.featureVersion() >= 22 ? "ffm" : "jna";
        assertEquals(expected, Fast.INSTANCE.name(), "java " + System.getProperty("java.version"));
    }

    @Test
    void everyServiceGivesTheSameTypedAnswerByEitherRoute() {
        // The typed answer is built from a compact answer and the guide; it must equal the JSON's, for every service.
        try (Catalog catalog = Catalog.embedded()) {
            String services = catalog.services();
            int n = 0;
            for (String piece : services.split("\\{\"id\":\"")) {
                if (n++ == 0) {
                    continue;
                }
                String id = piece.substring(0, piece.indexOf('"'));
                for (String facts : new String[] {"", ",\"proxy\":true,\"hukou\":\"nonlocal\",\"marital_status\":\"married\""}) {
                    String request = "{\"service\":\"" + id + "\",\"facts\":{\"application_date\":\"2026-11-27\"" + facts + "}}";
                    String json;
                    try {
                        json = catalog.assess(request);
                    } catch (BanshiException e) {
                        BanshiException typed = assertThrows(BanshiException.class, () -> catalog.assessment(request));
                        assertEquals(e.errorJson(), typed.errorJson());
                        continue;
                    }
                    assertEquals(json, catalog.assessment(request).toJson(), request);
                }
            }
            assertTrue(n > 10, services);
        }
    }
}
