package org.banshi.bench;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

import org.banshi.Assessment;
import org.banshi.Catalog;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One assess request (a conformance case, 10.1 married by default) per call:
 * the JSON text, the typed result built from the compact answer, and the
 * typed result read from the JSON text. The native path is chosen by
 * {@code -Dbanshi.native=ffm|jna} (FFM by default on Java 22+).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AssessBench {
    @Param("../../../tests/cases/assess/10.1-married.req")
    public String request;

    private Catalog catalog;
    private byte[] bytes;

    @Setup
    public void open() throws Exception {
        catalog = Catalog.embedded();
        bytes = Files.readAllBytes(Paths.get(request));
    }

    @TearDown
    public void close() {
        catalog.close();
    }

    @Benchmark
    public String json() {
        return catalog.assess(bytes);
    }

    @Benchmark
    public Assessment typed() {
        return catalog.assessment(bytes);
    }

    @Benchmark
    public Assessment typedFromJson() {
        return Assessment.parse(catalog.assess(bytes));
    }
}
