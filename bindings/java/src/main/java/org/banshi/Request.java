package org.banshi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An {@code assess} or {@code check} request (SCHEMA.md), built in the domain's terms rather than written as JSON:
 * one service, or a bundle of services (一件事一次办), the applicant's facts, the documents the office has on file
 * (免提交), and, for a notice, what was handed in. Immutable: each method returns a new request.
 *
 * <pre>{@code
 * Request request = Request.bundle("newborn")                      // or Request.bundleOf("1.1", "8.1")
 *         .facts("{\"application_date\":\"2026-11-27\",\"birth_date\":\"2026-11-01\",\"proxy\":true}")
 *         .onFile("applicant:hukou_book")
 *         .submitted(Submission.of("proxy:resident_id_card", 1, 2));
 * BundleNotice notice = catalog.bundleNotice(request);
 * }</pre>
 *
 * <p>The library checks the request, as it checks JSON: an unknown service, bundle, document or material, or a
 * malformed facts object, fails with its {@link BanshiException} code.
 */
public final class Request {
    private final String service;
    private final String bundle;
    private final List<String> bundleOf;
    private final String facts;
    private final List<String> onFile;
    private final List<Submission> submitted;

    private Request(String service, String bundle, List<String> bundleOf, String facts, List<String> onFile,
            List<Submission> submitted) {
        this.service = service;
        this.bundle = bundle;
        this.bundleOf = bundleOf;
        this.facts = facts;
        this.onFile = onFile;
        this.submitted = submitted;
    }

    /**
     * A request about one service ({@code "service"}).
     *
     * @param id the service's number, such as {@code 10.1}
     * @return the request, without facts yet
     */
    public static Request service(String id) {
        return new Request(requireNonNull(id, "id"), null, null, null, Collections.<String>emptyList(),
                Collections.<Submission>emptyList());
    }

    /**
     * A request about a bundle the catalogue declares ({@code "bundle": "id"}), such as {@code newborn}.
     *
     * @param id the bundle's id
     * @return the request, without facts yet
     */
    public static Request bundle(String id) {
        return new Request(null, requireNonNull(id, "id"), null, null, Collections.<String>emptyList(),
                Collections.<Submission>emptyList());
    }

    /**
     * A request about services applied for together ({@code "bundle": ["1.1", "8.1"]}), in the order the answer
     * lists them: a bundle the request makes, whether or not the catalogue declares one.
     *
     * @param services 2 to 16 distinct service numbers
     * @return the request, without facts yet
     */
    public static Request bundleOf(String... services) {
        return bundleOf(Arrays.asList(requireNonNull(services, "services")));
    }

    /**
     * As {@link #bundleOf(String...)}.
     *
     * @param services 2 to 16 distinct service numbers
     * @return the request, without facts yet
     */
    public static Request bundleOf(List<String> services) {
        return new Request(null, null, copy(services, "services"), null, Collections.<String>emptyList(),
                Collections.<Submission>emptyList());
    }

    /**
     * The applicant's facts, a JSON object read against the catalogue's vocabulary, such as
     * {@code {"application_date": "2026-11-27", "hukou": "local"}}. Required.
     *
     * @param factsJson the facts object, as JSON text
     * @return a new request with these facts
     */
    public Request facts(String factsJson) {
        return new Request(service, bundle, bundleOf, requireNonNull(factsJson, "factsJson"), onFile, submitted);
    }

    /**
     * 免提交: the documents the office has on file ({@code "on_file"}), by their ids in the catalogue's document
     * registry. {@code resident_id_card} holds for anyone's; {@code applicant:resident_id_card} for one owner's only.
     * A required material whose document is on file, and which the catalogue lets an electronic licence or shared
     * data stand in for, is exempt instead of listed. An id the registry lacks fails with
     * {@link ErrorCode#UNKNOWN_DOCUMENT}.
     *
     * @param documents document ids, each once
     * @return a new request with these documents on file, in place of any given before
     */
    public Request onFile(String... documents) {
        return onFile(Arrays.asList(requireNonNull(documents, "documents")));
    }

    /**
     * As {@link #onFile(String...)}.
     *
     * @param documents document ids, each once
     * @return a new request with these documents on file, in place of any given before
     */
    public Request onFile(List<String> documents) {
        return new Request(service, bundle, bundleOf, facts, copy(documents, "documents"), submitted);
    }

    /**
     * What was handed in, for a notice ({@code "submitted"}); an assessment refuses it.
     *
     * @param submissions each material once
     * @return a new request with these submissions, in place of any given before
     */
    public Request submitted(Submission... submissions) {
        return submitted(Arrays.asList(requireNonNull(submissions, "submissions")));
    }

    /**
     * As {@link #submitted(Submission...)}.
     *
     * @param submissions each material once
     * @return a new request with these submissions, in place of any given before
     */
    public Request submitted(List<Submission> submissions) {
        return new Request(service, bundle, bundleOf, facts, onFile, copy(submissions, "submissions"));
    }

    /**
     * Whether it asks about a bundle of services (for {@link Catalog#bundleAssessment(Request)} and
     * {@link Catalog#bundleNotice(Request)}) rather than one service.
     *
     * @return true for {@link #bundle(String)} and {@link #bundleOf(String...)}
     */
    public boolean isBundle() {
        return service == null;
    }

    /**
     * The request as JSON (SCHEMA.md): {@code {"service" | "bundle", "facts", "on_file"?, "submitted"?}}.
     *
     * @return the JSON text
     */
    public String toJson() {
        JsonWriter out = new JsonWriter().beginObject();
        if (service != null) {
            out.key("service").string(service);
        } else if (bundle != null) {
            out.key("bundle").string(bundle);
        } else {
            out.key("bundle").strings(bundleOf);
        }
        if (facts != null) {
            out.key("facts").raw(facts);
        }
        out.optionalStrings("on_file", onFile);
        if (!submitted.isEmpty()) {
            out.key("submitted").beginArray();
            for (Submission s : submitted) {
                out.element();
                s.write(out);
            }
            out.endArray();
        }
        return out.endObject().toString();
    }

    /**
     * The request as JSON, as {@link #toJson()}.
     *
     * @return the JSON text
     */
    @Override
    public String toString() {
        return toJson();
    }

    private static <T> List<T> copy(List<T> list, String what) {
        List<T> out = new ArrayList<>(requireNonNull(list, what));
        for (T item : out) {
            requireNonNull(item, what + " element");
        }
        return Collections.unmodifiableList(out);
    }

    private static <T> T requireNonNull(T value, String what) {
        if (value == null) {
            throw new NullPointerException(what);
        }
        return value;
    }
}
