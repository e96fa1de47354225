package org.banshi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The shared conformance cases, through Java: byte-identical to every other binding.
 *
 * <p>{@code tests/cases} runs against the embedded catalogue; then each {@code tests/catalogs/<catalogue>}
 * runs, through the same methods, against {@code examples/<catalogue>/bundle.json}, loaded at run time with
 * {@link Catalog#load(String)}.
 */
class ConformanceTest {
    /** One catalogue and the directory of its cases ({@code <call>/<name>.req}). */
    static final class Suite {
        final String label;
        final Catalog catalog;
        final Path dir;
        /** The fewest cases the directory may hold. */
        final int minCases;

        Suite(String label, Catalog catalog, Path dir, int minCases) {
            this.label = label;
            this.catalog = catalog;
            this.dir = dir;
            this.minCases = minCases;
        }
    }

    private static final List<Suite> suites = new ArrayList<>();

    @BeforeAll
    static void open() throws IOException {
        suites.add(new Suite("cases", Catalog.embedded(), casesDir(), 80));
        if (Files.isDirectory(catalogsDir())) {
            try (Stream<Path> dirs = Files.list(catalogsDir())) {
                for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory).sorted()::iterator) {
                    String name = dir.getFileName().toString();
                    Path bundle = examplesDir().resolve(name).resolve("bundle.json");
                    if (!Files.exists(bundle)) {
                        fail("tests/catalogs/" + name + " needs " + bundle.toAbsolutePath());
                    }
                    Catalog loaded = Catalog.load(new String(Files.readAllBytes(bundle), StandardCharsets.UTF_8));
                    suites.add(new Suite("catalogs/" + name, loaded, dir, 1));
                }
            }
        }
    }

    @AfterAll
    static void close() {
        for (Suite suite : suites) {
            suite.catalog.close();
        }
        suites.clear();
    }

    static Path casesDir() {
        return Paths.get(System.getProperty("banshi.cases.dir", "../../tests/cases"));
    }

    /** {@code tests/catalogs}: a directory of cases for each catalogue of {@link #examplesDir()}. */
    static Path catalogsDir() {
        return Paths.get(System.getProperty("banshi.catalogs.dir", "../../tests/catalogs"));
    }

    /** {@code examples}: {@code <catalogue>/bundle.json}. */
    static Path examplesDir() {
        return Paths.get(System.getProperty("banshi.examples.dir", "../../examples"));
    }

    /** The {@code .req} files of one call's directory, sorted; none if there is no such directory. */
    static List<Path> requests(Path callDir) throws IOException {
        List<Path> requests = new ArrayList<>();
        if (Files.isDirectory(callDir)) {
            try (Stream<Path> files = Files.list(callDir)) {
                files.filter(p -> p.toString().endsWith(".req")).sorted().forEach(requests::add);
            }
        }
        return requests;
    }

    /** The call directories of a suite, sorted. */
    static List<Path> callDirs(Path dir) throws IOException {
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> calls = Files.list(dir)) {
            calls.filter(Files::isDirectory).sorted().forEach(dirs::add);
        }
        return dirs;
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
                case "vocabulary": return catalog.vocabulary();
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

    /** One test for each case of {@code suite}: the response is exactly the {@code .out} bytes. */
    static List<DynamicTest> byteTests(Suite suite) throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : callDirs(suite.dir)) {
            String name = dir.getFileName().toString();
            for (Path req : requests(dir)) {
                Path out = Paths.get(req.toString().replaceAll("\\.req$", ".out"));
                tests.add(DynamicTest.dynamicTest(suite.label + "/" + name + "/" + req.getFileName(), () -> {
                    byte[] expected = Files.readAllBytes(out);
                    byte[] actual = call(suite.catalog, name, Files.readAllBytes(req)).getBytes(StandardCharsets.UTF_8);
                    assertArrayEquals(expected, actual, () -> "expected " + new String(expected, StandardCharsets.UTF_8)
                            + "\nactual   " + new String(actual, StandardCharsets.UTF_8));
                }));
            }
        }
        int count = tests.size();
        tests.add(DynamicTest.dynamicTest(suite.label + " holds at least " + suite.minCases + " cases", () ->
                assertTrue(count >= suite.minCases, "found only " + count + " cases in " + suite.dir.toAbsolutePath())));
        return tests;
    }

    @TestFactory
    Stream<DynamicTest> everyCaseGivesTheExpectedBytes() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Suite suite : suites) {
            tests.addAll(byteTests(suite));
        }
        return tests.stream();
    }

    /**
     * The typed results: every assess, check and validate case that answers
     * (not an error) is read into its typed object, which writes back the
     * identical bytes; so no field of the JSON is dropped or reordered. Assess
     * and check go through the catalogue's typed methods: a request for a
     * bundle of services through {@link Catalog#bundleAssessment(byte[])} and
     * {@link Catalog#bundleNotice(byte[])}, any other through
     * {@link Catalog#assessment(byte[])} and {@link Catalog#notice(byte[])}.
     * Each typed answer's accessors must also say what its JSON says
     * ({@link TypedViews}).
     */
    @TestFactory
    Stream<DynamicTest> everyTypedResultWritesBackTheExpectedBytes() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Suite suite : suites) {
            tests.addAll(typedTests(suite));
        }
        assertTrue(tests.size() >= 50, "found only " + tests.size() + " typed cases");
        long bundles = tests.stream().filter(t -> t.getDisplayName().contains(" bundle ")).count();
        assertTrue(bundles >= 7, "found only " + bundles + " typed bundle cases");
        return tests.stream();
    }

    /** The typed tests of one suite's cases, with its catalogue. */
    static List<DynamicTest> typedTests(Suite suite) throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        Catalog catalog = suite.catalog;
        for (String name : new String[] {"assess", "check", "validate_id_number", "validate_date", "validate_file"}) {
            for (Path req : requests(suite.dir.resolve(name))) {
                Path out = Paths.get(req.toString().replaceAll("\\.req$", ".out"));
                String expected = new String(Files.readAllBytes(out), StandardCharsets.UTF_8);
                boolean error = expected.startsWith("{\"error\"");
                if (error && name.startsWith("validate")) {
                    continue;
                }
                boolean bundle = isBundleRequest(Files.readAllBytes(req));
                String label = suite.label + "/" + name + "/" + req.getFileName() + (bundle ? " bundle typed" : " typed");
                tests.add(DynamicTest.dynamicTest(label, () -> {
                    byte[] request = Files.readAllBytes(req);
                    Object typed;
                    try {
                        switch (name) {
                            case "assess": typed = bundle ? catalog.bundleAssessment(request) : catalog.assessment(request); break;
                            case "check": typed = bundle ? catalog.bundleNotice(request) : catalog.notice(request); break;
                            default: typed = typedValidation(catalog, name, request);
                        }
                    } catch (BanshiException e) {
                        assertEquals(expected, e.errorJson());
                        return;
                    }
                    assertEquals(expected, typed.toString());
                    if (!name.startsWith("validate")) {
                        List<String> disagreements = TypedViews.disagreements(typed, MiniJson.parse(expected));
                        assertTrue(disagreements.isEmpty(), () -> String.join("; ", disagreements));
                    }
                }));
            }
        }
        return tests;
    }

    /** Whether a case's request asks about a bundle of services: a JSON object whose {@code "bundle"} is not null. */
    static boolean isBundleRequest(byte[] request) {
        try {
            Object json = MiniJson.parse(new String(request, StandardCharsets.UTF_8));
            return json instanceof Map && ((Map<?, ?>) json).get("bundle") != null;
        } catch (RuntimeException e) {
            return false; // not JSON: an error case, which either method reports the same way
        }
    }

    /** Calls a typed validator with the arguments that the case's request JSON holds. */
    static Validation typedValidation(Catalog catalog, String name, byte[] request) {
        Object json = MiniJson.parse(new String(request, StandardCharsets.UTF_8));
        switch (name) {
            case "validate_id_number": return catalog.validateIdNumber((String) at(json, "id_number"));
            case "validate_date": return catalog.validateDate((String) at(json, "date"));
            default:
                Object file = at(json, "file");
                return catalog.validateFile((String) at(json, "service"), (String) at(json, "material"),
                        new FileInfo((String) at(file, "name"), (String) at(file, "type"),
                                ((Double) at(file, "size")).longValue()));
        }
    }

    /** The keys a {@code <name>.why.json} may hold; see tests/README.md. */
    private static final List<String> INTENT_KEYS =
            Arrays.asList("why", "error", "eligibility", "status", "valid", "present", "absent");

    /** Each case's intent, {@code <name>.why.json}: a why and a few assertions, apart from the bytes. */
    @TestFactory
    Stream<DynamicTest> everyCaseKeepsItsIntent() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Suite suite : suites) {
            tests.addAll(intentTests(suite));
        }
        return tests.stream();
    }

    /** The intent tests of one suite's cases, with its catalogue. */
    static List<DynamicTest> intentTests(Suite suite) throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : callDirs(suite.dir)) {
            String name = dir.getFileName().toString();
            for (Path req : requests(dir)) {
                String stem = req.getFileName().toString().replaceAll("\\.req$", "");
                Path why = req.resolveSibling(stem + ".why.json");
                String label = suite.label + "/" + name + "/" + stem;
                tests.add(DynamicTest.dynamicTest(label + " intent", () -> {
                    if (!Files.exists(why)) {
                        fail(label + ": no " + why.getFileName());
                    }
                    Object intent = MiniJson.parse(new String(Files.readAllBytes(why), StandardCharsets.UTF_8));
                    Object response = MiniJson.parse(call(suite.catalog, name, Files.readAllBytes(req)));
                    List<String> failures = intentFailures(name, stem, intent, response);
                    assertTrue(failures.isEmpty(), () -> label + ": " + String.join("; ", failures));
                }));
            }
        }
        return tests;
    }

    /** The ids that present and absent speak of, by call (tests/README.md). */
    static List<Object> intentIds(String name, Object response, boolean absent) {
        String[][] fields;
        switch (name) {
            case "assess": fields = absent ? new String[][] {{"checklist", "id"}, {"pending", "id"}} : new String[][] {{"checklist", "id"}}; break;
            case "check": fields = new String[][] {{"missing", "id"}, {"defective", "id"}}; break;
            case "service": fields = new String[][] {{"materials", "id"}, {"eligibility", "id"}}; break;
            case "services": case "load_catalog": fields = new String[][] {{"services", "id"}}; break;
            case "vocabulary": fields = new String[][] {{"facts", "name"}}; break;
            default: fields = new String[][] {{"problems", "code"}};
        }
        List<Object> ids = new ArrayList<>();
        for (String[] field : fields) {
            Object list = at(response, field[0]);
            if (list instanceof List) {
                for (Object item : (List<?>) list) {
                    ids.add(at(item, field[1]));
                }
            }
        }
        return ids;
    }

    static List<String> intentFailures(String name, String stem, Object intent, Object response) {
        List<String> failures = new ArrayList<>();
        if (!(intent instanceof Map)) {
            failures.add("the intent is not a JSON object");
            return failures;
        }
        Map<?, ?> map = (Map<?, ?>) intent;
        for (Object key : map.keySet()) {
            if (!INTENT_KEYS.contains(key)) {
                failures.add("unknown key `" + key + "`");
            }
        }
        Object why = map.get("why");
        if (!(why instanceof String) || ((String) why).trim().isEmpty()) {
            failures.add("`why` is missing or empty");
        }
        boolean isError = stem.startsWith("error-");
        if (isError && !map.containsKey("error")) {
            failures.add("an error case must assert `error`");
        }
        if (Arrays.asList("assess", "check", "service").contains(name) && !isError
                && !map.containsKey("present") && !map.containsKey("absent")) {
            failures.add("a case that lists ids must assert `present` or `absent`");
        }
        Object[][] scalars = {
            {"error", at(at(response, "error"), "code")},
            {"eligibility", at(at(response, "eligibility"), "status")},
            {"status", at(response, "status")},
            {"valid", at(response, "valid")},
        };
        for (Object[] scalar : scalars) {
            if (map.containsKey(scalar[0]) && !Objects.equals(map.get(scalar[0]), scalar[1])) {
                failures.add(scalar[0] + ": expected " + map.get(scalar[0]) + ", actual " + scalar[1]);
            }
        }
        for (String key : new String[] {"present", "absent"}) {
            boolean absent = key.equals("absent");
            List<Object> ids = intentIds(name, response, absent);
            Object wanted = map.get(key);
            for (Object id : wanted instanceof List ? (List<?>) wanted : new ArrayList<Object>()) {
                if (ids.contains(id) == absent) {
                    failures.add(key + ": `" + id + "` " + (absent ? "is there" : "is not there"));
                }
            }
        }
        return failures;
    }

    static Object at(Object value, String key) {
        return value instanceof Map ? ((Map<?, ?>) value).get(key) : null;
    }

    /** A small JSON reader for the intents and responses: objects, arrays, strings, numbers, literals. */
    static final class MiniJson {
        private final String text;
        private int pos;

        private MiniJson(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            MiniJson reader = new MiniJson(text);
            Object value = reader.value();
            reader.space();
            if (reader.pos != text.length()) {
                throw reader.error("trailing characters");
            }
            return value;
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("JSON: " + what + " at " + pos);
        }

        private void space() {
            while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
        }

        private boolean take(char c) {
            space();
            if (pos < text.length() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!take(c)) {
                throw error("expected " + c);
            }
        }

        private Object value() {
            space();
            if (take('{')) {
                Map<String, Object> map = new LinkedHashMap<>();
                if (!take('}')) {
                    do {
                        space();
                        String key = string();
                        expect(':');
                        map.put(key, value());
                    } while (take(','));
                    expect('}');
                }
                return map;
            }
            if (take('[')) {
                List<Object> list = new ArrayList<>();
                if (!take(']')) {
                    do {
                        list.add(value());
                    } while (take(','));
                    expect(']');
                }
                return list;
            }
            if (pos < text.length() && text.charAt(pos) == '"') {
                return string();
            }
            for (String literal : new String[] {"true", "false", "null"}) {
                if (text.startsWith(literal, pos)) {
                    pos += literal.length();
                    return literal.equals("null") ? null : Boolean.valueOf(literal);
                }
            }
            int start = pos;
            while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            if (start == pos) {
                throw error("unexpected character");
            }
            return Double.valueOf(text.substring(start, pos));
        }

        private String string() {
            if (pos >= text.length() || text.charAt(pos) != '"') {
                throw error("expected a string");
            }
            pos++;
            StringBuilder out = new StringBuilder();
            while (true) {
                if (pos >= text.length()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case 'n': out.append('\n'); break;
                    case 't': out.append('\t'); break;
                    case 'r': out.append('\r'); break;
                    case 'b': out.append('\b'); break;
                    case 'f': out.append('\f'); break;
                    case 'u': out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16)); pos += 4; break;
                    default: out.append(e);
                }
            }
        }
    }
}
