package org.banshi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/**
 * {@link Catalog#close()} while other threads are still calling: close waits
 * for the calls in flight, and every later call throws the coded "closed"
 * exception. Before the guard, the handle was freed under running calls: a
 * Rust panic ("capacity overflow") and then a JVM abort.
 */
class CloseRaceTest {
    private static final String MARRIED = "{\"service\":\"10.1\",\"facts\":{\"application_date\":\"2026-11-27\","
            + "\"marital_status\":\"married\",\"hukou\":\"nonlocal\"}}";
    private static final String CHECK = "{\"service\":\"10.1\",\"facts\":{\"application_date\":\"2026-11-27\","
            + "\"marital_status\":\"unmarried\"},\"submitted\":[]}";
    private static final String PHOTO = "{\"service\":\"8.1\",\"material\":\"electronic_photo\","
            + "\"file\":{\"name\":\"a.jpg\",\"type\":\"image/jpeg\",\"size\":1000}}";

    /** The calls that take the catalogue handle, in turn. */
    private static final List<Function<Catalog, String>> CALLS = new ArrayList<>();

    static {
        CALLS.add(c -> c.assess(MARRIED));
        CALLS.add(Catalog::services);
        CALLS.add(c -> c.service("10.1"));
        CALLS.add(c -> c.check(CHECK));
        CALLS.add(c -> c.validateFile(PHOTO));
    }

    private static final int ITERATIONS = 200;
    private static final int CALLERS = 4;

    static List<String> answers(Catalog catalog) {
        List<String> out = new ArrayList<>();
        for (Function<Catalog, String> call : CALLS) {
            out.add(call.apply(catalog));
        }
        return out;
    }

    static void assertClosed(BanshiException e) {
        assertEquals(ErrorCode.NULL_POINTER, e.code(), e::toString);
        assertEquals("目录已关闭", e.getMessage());
        assertEquals("{\"error\":{\"code\":\"NULL_POINTER\",\"number\":1,\"message\":\"目录已关闭\"}}", e.errorJson());
    }

    @Test
    void closeWhileOtherThreadsCallWaitsForThemAndLaterCallsFailWithACode() throws Exception {
        String bundle = TestBundles.sourceBundle("office-2027.1");
        List<String> embeddedAnswers;
        List<String> loadedAnswers;
        try (Catalog c = Catalog.embedded()) {
            embeddedAnswers = answers(c);
        }
        try (Catalog c = Catalog.load(bundle)) {
            loadedAnswers = answers(c);
        }
        Random random = new Random(42);
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        int answered = 0;
        int refused = 0;
        try {
            for (int iteration = 0; iteration < ITERATIONS; iteration++) {
                boolean loaded = iteration % 2 == 1;
                Catalog catalog = loaded ? Catalog.load(bundle) : Catalog.embedded();
                List<String> expected = loaded ? loadedAnswers : embeddedAnswers;
                CountDownLatch start = new CountDownLatch(1);
                AtomicInteger calls = new AtomicInteger();
                List<Future<int[]>> results = new ArrayList<>();
                for (int t = 0; t < CALLERS; t++) {
                    int first = t;
                    results.add(pool.submit(() -> {
                        start.await();
                        int ok = 0;
                        // Call until the catalogue is closed (bounded, so a bug cannot hang the test).
                        for (int i = first; i < first + 1_000_000; i++) {
                            int which = i % CALLS.size();
                            String answer;
                            try {
                                answer = CALLS.get(which).apply(catalog);
                            } catch (BanshiException e) {
                                assertClosed(e);
                                // Closed stays closed, for every call.
                                for (Function<Catalog, String> call : CALLS) {
                                    assertClosed(assertThrows(BanshiException.class, () -> call.apply(catalog)));
                                }
                                return new int[] {ok, 1};
                            }
                            assertEquals(expected.get(which), answer);
                            ok++;
                            calls.incrementAndGet();
                        }
                        throw new AssertionError("the catalogue never closed");
                    }));
                }
                // Close after a varying number of calls, while the callers are at full speed.
                int after = random.nextInt(40);
                start.countDown();
                while (calls.get() < after) {
                    Thread.yield();
                }
                catalog.close();
                catalog.close(); // idempotent
                for (Future<int[]> r : results) {
                    int[] counts = r.get(60, TimeUnit.SECONDS);
                    answered += counts[0];
                    refused += counts[1];
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(ITERATIONS * CALLERS, refused);
        assertTrue(answered >= ITERATIONS, "only " + answered + " calls answered");
        System.out.println("close race: " + ITERATIONS + " closes, " + answered + " calls answered, " + refused
                + " refused with NULL_POINTER");
    }

    @Test
    void closedCataloguesRefuseEveryCallWithACode() {
        Catalog catalog = Catalog.embedded();
        catalog.close();
        catalog.close();
        for (Function<Catalog, String> call : CALLS) {
            assertClosed(assertThrows(BanshiException.class, () -> call.apply(catalog)));
        }
    }
}
