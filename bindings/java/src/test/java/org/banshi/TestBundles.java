package org.banshi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Catalogue bundles for the tests. A bundle is {@code {"version", "facts", "derived", "owners", "documents", "services"}}: a
 * catalogue declares its own fact vocabulary and document registry, so a test bundle carries them too. As in the
 * Rust tests ({@code core/tests/lib.rs}), test services use the embedded catalogue's {@code facts.json} and a registry
 * of one document, {@link #DOCUMENT}, which their materials name.
 */
final class TestBundles {
    private TestBundles() {
    }

    /** The one document of the test registry: every material of a test service is {@code "document": DOCUMENT}. */
    static final String DOCUMENT = "resident_id_card";

    /** The test registry's members, as they go into a bundle. */
    private static final String DOCUMENTS =
            "\"documents\":[{\"id\":\"" + DOCUMENT + "\",\"name\":\"居民身份证\",\"issuer\":\"公安机关\"}]";

    /** {@code core/catalog}, the embedded catalogue's source files, found beside the conformance cases. */
    static Path catalogDir() {
        return ConformanceTest.casesDir().resolve("../../core/catalog").normalize();
    }

    /**
     * A bundle of test services, with the embedded vocabulary and the one-document registry.
     *
     * @param services service objects, comma-separated; empty for none
     */
    static String bundleOf(String version, String services) {
        return "{\"version\":\"" + version + "\"," + members(read(catalogDir().resolve("facts.json"))) + ","
                + DOCUMENTS + ",\"services\":[" + services + "]}";
    }

    /** The embedded catalogue's source files ({@code core/catalog}) as one bundle, as {@code banshi bundle} writes it. */
    static String sourceBundle(String version) {
        Path dir = catalogDir();
        List<String> services = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("services"))) {
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                services.add(read(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "{\"version\":\"" + version + "\"," + members(read(dir.resolve("facts.json"))) + ","
                + members(read(dir.resolve("documents.json"))) + ",\"services\":[" + String.join(",", services) + "]}";
    }

    /** The members of a JSON object's text, without its braces, to splice into the bundle object. */
    private static String members(String object) {
        String text = object.trim();
        if (!text.startsWith("{") || !text.endsWith("}")) {
            throw new IllegalArgumentException("not a JSON object: " + text);
        }
        return text.substring(1, text.length() - 1);
    }

    private static String read(Path path) {
        try {
            return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
