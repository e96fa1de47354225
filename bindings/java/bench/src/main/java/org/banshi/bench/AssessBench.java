package org.banshi.bench;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

import java.nio.charset.StandardCharsets;

import org.banshi.Assessment;
import org.banshi.BundleAssessment;
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
 * typed result read from the JSON text. Beside it, a bundle of three services
 * named together ({@link #BUNDLE}), whose answer is always the full JSON: as
 * text, and typed. The native path is chosen by
 * {@code -Dbanshi.native=ffm|jna} (FFM by default on Java 22+).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AssessBench {
    @Param("../../../tests/cases/assess/10.1-married.req")
    public String request;

    /**
     * 1.1, 8.1 and 4.3 for a local retiree applying in person, on the embedded
     * catalogue: each service is assessed, and their checklists merge (all
     * three ask for the ID card, two for the household register).
     */
    static final String BUNDLE = "{\"bundle\":[\"1.1\",\"8.1\",\"4.3\"],\"facts\":{\"application_date\":\"2026-11-27\","
            + "\"birth_date\":\"1960-03-01\",\"hukou\":\"local\",\"proxy\":false,\"employment_status\":\"retired\"}}";

    private Catalog catalog;
    private byte[] bytes;
    private byte[] bundle;

    @Setup
    public void open() throws Exception {
        catalog = Catalog.embedded();
        bytes = Files.readAllBytes(Paths.get(request));
        bundle = BUNDLE.getBytes(StandardCharsets.UTF_8);
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

    @Benchmark
    public String bundleJson() {
        return catalog.assess(bundle);
    }

    @Benchmark
    public BundleAssessment bundleTyped() {
        return catalog.bundleAssessment(bundle);
    }
}
