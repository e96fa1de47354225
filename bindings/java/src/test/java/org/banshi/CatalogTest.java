package org.banshi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class CatalogTest {
    private static final String MARRIED = "{\"service\":\"10.1\",\"facts\":{\"application_date\":\"2026-11-27\","
            + "\"marital_status\":\"married\",\"hukou\":\"nonlocal\"}}";

    @Test
    void assessExplainsInChinese() {
        try (Catalog catalog = Catalog.embedded()) {
            String out = catalog.assess(MARRIED);
            assertTrue(out.contains("\"id\":\"spouse_id_card\""), out);
            assertTrue(out.contains("申请人已婚"), out);
            assertTrue(out.contains("申请人户籍为外地"), out);
        }
    }

    @Test
    void errorsCarryCodeMessageAndJson() {
        try (Catalog catalog = Catalog.embedded()) {
            BanshiException e = assertThrows(BanshiException.class, () -> catalog.assess(
                    "{\"service\":\"10.1\",\"facts\":{\"application_date\":\"2026-11-27\",\"hukuo\":\"local\"}}"));
            assertEquals(ErrorCode.UNKNOWN_FACT, e.code());
            assertEquals(30, e.number());
            assertEquals("未知的申请人信息字段“hukuo”，是否应为“hukou”？", e.getMessage());
            assertTrue(e.errorJson().contains("\"suggestion\":\"hukou\""), e.errorJson());
            assertEquals("org.banshi.BanshiException: UNKNOWN_FACT (30): 未知的申请人信息字段“hukuo”，是否应为“hukou”？",
                    e.toString());
            assertEquals("org.banshi.BanshiException: UNKNOWN (999): x", new BanshiException(999, "x", "{}").toString());

            byte[] badUtf8 = {'{', (byte) 0xff, '}'};
            assertEquals(ErrorCode.INVALID_UTF8, assertThrows(BanshiException.class, () -> catalog.assess(badUtf8)).code());
            assertEquals(ErrorCode.UNKNOWN_SERVICE, assertThrows(BanshiException.class, () -> catalog.service("12.1")).code());
            assertEquals(ErrorCode.INVALID_JSON, assertThrows(BanshiException.class, () -> catalog.check("{")).code());
        }
    }

    @Test
    void everyJavaCodeMatchesTheNativeLibrary() {
        for (ErrorCode code : ErrorCode.values()) {
            assertEquals(code.name(), Banshi.resultName(code.number()));
        }
        int known = 0;
        for (int n = 1; n < 1000; n++) {
            String name = Banshi.resultName(n);
            if (!name.equals("UNKNOWN")) {
                known++;
                assertNotNull(ErrorCode.fromNumber(n), "Java lacks native code " + n + " " + name);
            }
        }
        assertEquals(ErrorCode.values().length, known);
        assertEquals("OK", Banshi.resultName(0));
    }

    @Test
    void aLoadedCatalogueReportsEveryProblem() {
        // With a vocabulary and a registry, the services are checked: an empty list is refused.
        BanshiException e = assertThrows(BanshiException.class, () -> Catalog.load(TestBundles.bundleOf("x", "")));
        assertEquals(ErrorCode.INVALID_CATALOG, e.code());
        assertTrue(e.errorJson().contains("目录中没有任何事项"), e.errorJson());
        // Without them, both are reported at once.
        BanshiException bare = assertThrows(BanshiException.class, () -> Catalog.load("{\"version\":\"x\",\"services\":[]}"));
        assertEquals(ErrorCode.INVALID_CATALOG, bare.code());
        assertTrue(bare.errorJson().contains("\"path\":\"facts\""), bare.errorJson());
        assertTrue(bare.errorJson().contains("\"path\":\"documents\""), bare.errorJson());
    }

    @Test
    void aBundleLoadsAtRunTime() {
        try (Catalog embedded = Catalog.embedded(); Catalog loaded = Catalog.load(TestBundles.sourceBundle("office-2027.1"))) {
            assertTrue(loaded.services().startsWith("{\"catalog_version\":\"office-2027.1\""));
            assertTrue(loaded.assess(MARRIED).contains("\"id\":\"spouse_id_card\""));
            // The vocabulary is the loaded catalogue's own: its version, and the facts and documents of its bundle.
            String vocabulary = loaded.vocabulary();
            String prefix = "{\"catalog_version\":\"office-2027.1\",";
            assertTrue(vocabulary.startsWith(prefix), vocabulary);
            String embeddedVocabulary = embedded.vocabulary();
            assertEquals(embeddedVocabulary.substring(embeddedVocabulary.indexOf(',') + 1), vocabulary.substring(prefix.length()));
        }
    }

    @Test
    void theLibraryComesFromBanshiLibraryPathWhenSet() throws Exception {
        assertEquals("0.1.0", Banshi.version());
        java.io.File loaded = com.sun.jna.NativeLibrary.getInstance("banshi").getFile();
        assertNotNull(loaded);
        String dir = System.getProperty("banshi.library.path");
        if (dir != null) {
            assertEquals(new java.io.File(dir).getCanonicalFile(), loaded.getParentFile().getCanonicalFile());
        }
    }

    @Test
    void closedCataloguesRefuseCalls() {
        Catalog catalog = Catalog.embedded();
        catalog.close();
        catalog.close();
        assertEquals(ErrorCode.NULL_POINTER, assertThrows(BanshiException.class, catalog::services).code());
    }

    @Test
    void sixteenThreadsShareOneCatalogue() throws Exception {
        try (Catalog catalog = Catalog.embedded()) {
            String expected = catalog.assess(MARRIED);
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    results.add(pool.submit(() -> {
                        int same = 0;
                        for (int i = 0; i < 500; i++) {
                            if (catalog.assess(MARRIED).equals(expected)) {
                                same++;
                            }
                        }
                        return same;
                    }));
                }
                for (Future<Integer> r : results) {
                    assertEquals(500, r.get().intValue());
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void chineseCrossesAsUtf8WhateverThePlatformCharset() {
        // Under the "gbk" surefire execution the default charset is GBK; the
        // answers must be the same bytes.
        System.out.println("default charset: " + Charset.defaultCharset());
        String out = Banshi.validateDate("{\"date\":\"2026-02-30\"}");
        assertEquals("{\"valid\":false,\"problems\":[{\"code\":\"INVALID_DATE\",\"message\":\"日期不存在\"}]}", out);
        assertEquals("0.1.0", Banshi.version());
    }
}
