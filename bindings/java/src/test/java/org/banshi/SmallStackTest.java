package org.banshi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/**
 * A hostile catalogue on a thread with a 256 KiB stack, as application servers give their worker threads. A bundle of
 * about 5 KB with 5,000 {@code !} in one condition used to kill the JVM with no hs_err file; now it is refused with
 * {@code INVALID_CATALOG}, and the same thread goes on to answer a request.
 */
class SmallStackTest {
    private static String bundle(String condition) {
        return TestBundles.bundleOf("hostile", "{\"id\":\"1.1\",\"name\":\"示例\","
                + "\"legal_basis\":[{\"id\":\"law\",\"title\":\"条例\"}],\"implementing_body\":\"中心\",\"boundary\":\"中心\","
                + "\"steps\":[{\"action\":\"申请\"}],\"responsibility\":\"办理\",\"supervision\":{\"office\":\"纪检\",\"phone\":\"1\"},"
                + "\"eligibility\":[{\"id\":\"r\",\"text\":\"规则\",\"requires\":\"" + condition
                + "\",\"basis\":[\"law\"],\"source\":\"规则原文\"}],"
                + "\"materials\":[{\"id\":\"a\",\"name\":\"甲\",\"document\":\"" + TestBundles.DOCUMENT + "\","
                + "\"owner\":\"applicant\",\"form\":\"original\",\"basis\":[\"law\"]}]}");
    }

    private static String repeat(String s, int n) {
        StringBuilder b = new StringBuilder(s.length() * n);
        for (int i = 0; i < n; i++) {
            b.append(s);
        }
        return b.toString();
    }

    @Test
    void deepConditionsAreRefusedOnA256KiBStack() throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(null, () -> {
            try {
                for (String condition : new String[] {repeat("!", 5000) + "proxy", repeat("(", 2000) + "proxy" + repeat(")", 2000)}) {
                    try {
                        Catalog.load(bundle(condition)).close();
                        throw new AssertionError("a condition of " + condition.length() + " bytes loaded");
                    } catch (BanshiException e) {
                        assertEquals(ErrorCode.INVALID_CATALOG, e.code(), e.toString());
                        assertTrue(e.getMessage().contains("eligibility[0].requires"), e.getMessage());
                    }
                }
                try (Catalog catalog = Catalog.load(bundle(repeat("!(", 16) + "proxy" + repeat(")", 16)))) {
                    String out = catalog.assess("{\"service\":\"1.1\",\"facts\":{\"application_date\":\"2026-11-27\",\"proxy\":true}}");
                    assertTrue(out.contains("\"status\":\"eligible\""), out);
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "small-stack", 256 * 1024);
        worker.start();
        worker.join();
        assertNull(failure.get(), () -> String.valueOf(failure.get()));
    }
}
