package org.banshi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The shared conformance cases, through Java: byte-identical to every other binding. */
class ConformanceTest {
    private static Catalog catalog;

    @BeforeAll
    static void open() {
        catalog = Catalog.embedded();
    }

    @AfterAll
    static void close() {
        catalog.close();
    }

    static Path casesDir() {
        return Paths.get(System.getProperty("banshi.cases.dir", "../../tests/cases"));
    }

    /** Runs one call by its case-directory name; an error gives its JSON. */
    static String call(Catalog catalog, String name, byte[] request) {
        String text = new String(request, StandardCharsets.UTF_8);
        try {
            switch (name) {
                case "assess": return catalog.assess(request);
                case "check": return catalog.check(request);
                case "service": return catalog.service(text);
                case "services": return catalog.services();
                case "vocabulary": return Banshi.vocabulary();
                case "validate_id_number": return Banshi.validateIdNumber(text);
                case "validate_date": return Banshi.validateDate(text);
                case "validate_file": return catalog.validateFile(text);
                case "load_catalog":
                    try (Catalog loaded = Catalog.load(text)) {
                        return loaded.services();
                    }
                default: throw new IllegalArgumentException("unknown call " + name);
            }
        } catch (BanshiException e) {
            return e.errorJson();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCaseGivesTheExpectedBytes() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> calls = Files.list(casesDir())) {
            for (Path dir : (Iterable<Path>) calls.sorted()::iterator) {
                String name = dir.getFileName().toString();
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path req : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".req")).sorted()::iterator) {
                        Path out = Paths.get(req.toString().replaceAll("\\.req$", ".out"));
                        tests.add(DynamicTest.dynamicTest(name + "/" + req.getFileName(), () -> {
                            byte[] expected = Files.readAllBytes(out);
                            byte[] actual = call(catalog, name, Files.readAllBytes(req)).getBytes(StandardCharsets.UTF_8);
                            assertArrayEquals(expected, actual, () -> "expected " + new String(expected, StandardCharsets.UTF_8)
                                    + "\nactual   " + new String(actual, StandardCharsets.UTF_8));
                        }));
                    }
                }
            }
        }
        assertTrue(tests.size() >= 80, "found only " + tests.size() + " cases in " + casesDir().toAbsolutePath());
        return tests.stream();
    }
}
