package org.banshi;

import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * Per-call cost of Catalog.assess through JNA, on one conformance request.
 * Not a test: run by scripts/bench-bindings.sh.
 */
public final class PerCallBench {
    private PerCallBench() {
    }

    public static void main(String[] args) throws Exception {
        byte[] request = Files.readAllBytes(Paths.get(args[0]));
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        try (Catalog catalog = Catalog.embedded()) {
            for (int i = 0; i < n; i++) { // warm up the JIT
                catalog.assess(request);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                catalog.assess(request);
            }
            long t1 = System.nanoTime();
            System.out.printf("java assess: %.0f ns/call over %d calls (%s)%n", (t1 - t0) / (double) n, n,
                    System.getProperty("java.version"));
        }
    }
}
