package org.banshi;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;

/**
 * A catalogue of services: the embedded one (the 18 services of the seed), or
 * one loaded from a bundle so that an office can ship updated rules.
 *
 * <p>A catalogue is immutable and thread-safe: share one instance between
 * threads. {@link #close()} may be called from any thread at any time, even
 * while other threads are calling: it waits for the calls in flight to
 * finish, then frees the native catalogue. Every call that starts after
 * {@code close()} has begun throws a {@link BanshiException} with code
 * {@link ErrorCode#NULL_POINTER} and the message {@code 目录已关闭}: the
 * Java form of passing a freed handle, which in C is undefined behaviour.
 *
 * <p>Requests and responses are the JSON documented in SCHEMA.md, the same
 * bytes as from Rust, C and JavaScript. Failures throw {@link BanshiException}
 * with the error's code and JSON. Beside each JSON method, a typed one reads
 * the answer into immutable objects: {@link #assessment(Request)} and
 * {@link #notice(Request)} for one service, {@link #bundleAssessment(Request)}
 * and {@link #bundleNotice(Request)} for a bundle of services (一件事一次办),
 * each with the request built by {@link Request} or given as JSON.
 *
 * <pre>{@code
 * try (Catalog catalog = Catalog.embedded()) {
 *     String checklist = catalog.assess(
 *         "{\"service\":\"10.1\",\"facts\":{\"application_date\":\"2026-11-27\",\"marital_status\":\"unmarried\"}}");
 * }
 * }</pre>
 */
public final class Catalog implements AutoCloseable {
    /** The bit of {@link #state} that {@link #close()} sets; the bits below count the calls in flight. */
    private static final long CLOSED = 1L << 62;
    private static final AtomicLongFieldUpdater<Catalog> STATE =
            AtomicLongFieldUpdater.newUpdater(Catalog.class, "state");

    /** The native handle: valid until {@link #close()} frees it, which it does only with no call in flight. */
    private final Pointer handle;
    /** The handle's address, for {@link Fast}. */
    private final long address;
    /** Each service's guide parts, read once, for the typed assessment. */
    private final ConcurrentHashMap<String, GuideParts> guides = new ConcurrentHashMap<>();
    /** Calls in flight, plus {@link #CLOSED} once closing has begun. */
    private volatile long state;
    /** Where {@link #close()} waits for the last call in flight; the last call to leave notifies it. */
    private final Object drained = new Object();
    /** Whether the handle has been freed. Guarded by {@code this}. */
    private boolean freed;

    private Catalog(Pointer handle) {
        this.handle = handle;
        this.address = Pointer.nativeValue(handle);
    }

    /**
     * A handle to the embedded catalogue.
     *
     * @return a new handle; close it when done
     */
    public static Catalog embedded() {
        PointerByReference out = new PointerByReference();
        int code = NativeBanshi.LIB.banshi_catalog_embedded(out);
        if (code != 0) {
            throw Banshi.failure(code, null);
        }
        return new Catalog(out.getValue());
    }

    /**
     * Loads a catalogue bundle: {@code {"version": "...", "facts": [ ... ], "derived": [ ... ], "documents": [ ... ],
     * "services": [ ... ]}}. A catalogue declares its own fact vocabulary (the members of its {@code facts.json}:
     * {@code facts} and the optional {@code derived}) and its document registry ({@code documents}, from
     * {@code documents.json}); every material names the document it is. {@code banshi bundle <dir>} writes a bundle
     * from a catalogue directory.
     *
     * @param bundleJson the bundle, each service in the catalogue file format
     * @return the loaded catalogue; close it when done
     * @throws BanshiException {@code INVALID_CATALOG}, whose JSON lists every problem found
     */
    public static Catalog load(String bundleJson) {
        byte[] bundle = Banshi.utf8(bundleJson);
        PointerByReference out = new PointerByReference();
        PointerByReference error = new PointerByReference();
        int code = NativeBanshi.LIB.banshi_catalog_load(bundle, new SizeT(bundle.length), out, error);
        if (code != 0) {
            throw Banshi.failure(code, error.getValue());
        }
        return new Catalog(out.getValue());
    }

    /**
     * Registers a call in flight, or throws if the catalogue is closed. One
     * atomic increment: the cost of the guard on the fast path.
     */
    private void enter() {
        if ((STATE.incrementAndGet(this) & CLOSED) != 0) {
            leave();
            throw closed();
        }
    }

    /** Ends a call; the last one to leave a closing catalogue wakes {@link #close()}. */
    private void leave() {
        if (STATE.decrementAndGet(this) == CLOSED) {
            synchronized (drained) {
                drained.notifyAll();
            }
        }
    }

    /** The exception for any call on a closed catalogue. */
    static BanshiException closed() {
        String message = "目录已关闭";
        return new BanshiException(ErrorCode.NULL_POINTER.number(), message,
                "{\"error\":{\"code\":\"NULL_POINTER\",\"number\":1,\"message\":\"" + message + "\"}}");
    }

    /** One {@link Fast} call on this catalogue's handle, guarded against a concurrent {@link #close()}. */
    private byte[] fast(int function, byte[] request) {
        if (request == null) {
            throw new NullPointerException("request");
        }
        enter();
        try {
            return Fast.INSTANCE.call(function, address, request);
        } finally {
            leave();
        }
    }

    /** One native call on this catalogue's handle, guarded against a concurrent {@link #close()}. */
    private String call(Banshi.Call call) {
        enter();
        try {
            return Banshi.call(call);
        } finally {
            leave();
        }
    }

    /**
     * The catalogue's vocabulary: its facts (kinds, choices, limits), derived
     * values, document registry, and the owners and forms of materials, each
     * with its Chinese label. Each catalogue declares its own.
     *
     * @return {@code {"catalog_version", "facts", "derived", "documents", "owners", "forms"}}
     * @throws BanshiException {@code NULL_POINTER} if the catalogue is closed
     */
    public String vocabulary() {
        return call((out, len, err) -> NativeBanshi.LIB.banshi_vocabulary(handle, out, len));
    }

    /**
     * Every service.
     *
     * @return {@code {"catalog_version", "services": [{"id", "name", "facts"}]}}
     * @throws BanshiException {@code NULL_POINTER} if the catalogue is closed
     */
    public String services() {
        return call((out, len, err) -> NativeBanshi.LIB.banshi_services(handle, out, len));
    }

    /**
     * The guide to one service.
     *
     * @param id the service's number, such as {@code "10.1"}
     * @return the guide JSON
     * @throws BanshiException {@code UNKNOWN_SERVICE}; {@code NULL_POINTER} if the catalogue is closed
     */
    public String service(String id) {
        byte[] bytes = Banshi.utf8(id);
        return call((out, len, err) ->
                NativeBanshi.LIB.banshi_service(handle, bytes, new SizeT(bytes.length), out, len, err));
    }

    /**
     * Assesses one applicant, for one service or for a bundle of services (一件事一次办).
     *
     * @param requestJson {@code {"service" | "bundle", "facts", "on_file"?}}: {@code "bundle"} is a declared
     *        bundle's id or an array of service numbers; {@code "on_file"} lists the documents the office has (免提交)
     * @return the assessment JSON: eligibility and the checklist, with reasons and legal bases; for a bundle, each
     *         service's eligibility and the merged checklist
     * @throws BanshiException for a malformed request ({@code UNKNOWN_BUNDLE}, {@code UNKNOWN_DOCUMENT} …);
     *         {@code NULL_POINTER} if the catalogue is closed
     */
    public String assess(String requestJson) {
        return assess(Banshi.utf8(requestJson));
    }

    /**
     * As {@link #assess(String)}, with the request as UTF-8 bytes.
     *
     * @param requestUtf8 {@code {"service" | "bundle", "facts", "on_file"?}} as UTF-8
     * @return the assessment JSON
     * @throws BanshiException for a malformed request; {@code NULL_POINTER} if the catalogue is closed
     */
    public String assess(byte[] requestUtf8) {
        return new String(fast(Fast.ASSESS, requestUtf8), StandardCharsets.UTF_8);
    }

    /**
     * The one-time notice (一次性告知).
     *
     * @param requestJson {@code {"service", "facts", "submitted"}}
     * @return the notice JSON: everything missing or defective, at once
     * @throws BanshiException for a malformed request; {@code NULL_POINTER} if the catalogue is closed
     */
    public String check(String requestJson) {
        return check(Banshi.utf8(requestJson));
    }

    /**
     * As {@link #check(String)}, with the request as UTF-8 bytes.
     *
     * @param requestUtf8 {@code {"service" | "bundle", "facts", "on_file"?, "submitted"?}} as UTF-8
     * @return the notice JSON
     * @throws BanshiException for a malformed request; {@code NULL_POINTER} if the catalogue is closed
     */
    public String check(byte[] requestUtf8) {
        return new String(fast(Fast.CHECK, requestUtf8), StandardCharsets.UTF_8);
    }

    /**
     * Validates a chosen file before upload. Request
     * {@code {"service", "material", "file": {"name", "type", "size"}}}.
     *
     * @param requestJson the request JSON
     * @return validity, and the problems found
     * @throws BanshiException for a malformed request; {@code NULL_POINTER} if the catalogue is closed
     */
    public String validateFile(String requestJson) {
        byte[] request = Banshi.utf8(requestJson);
        return call((out, len, err) ->
                NativeBanshi.LIB.banshi_validate_file(handle, request, new SizeT(request.length), out, len, err));
    }

    // --- typed results ------------------------------------------------------

    /**
     * Assesses one applicant for one service, as {@link #assess(String)}, and returns the typed answer.
     * {@code assessment(json).toJson()} equals {@code assess(json)}.
     *
     * @param requestJson {@code {"service", "facts", "on_file"?}}
     * @return the assessment: eligibility and the checklist, with reasons and legal bases, and the materials exempt
     *         because their documents are on file
     * @throws BanshiException for a malformed request; {@code NULL_POINTER} if the catalogue is closed
     * @throws IllegalArgumentException for a bundle request: use {@link #bundleAssessment(String)}
     */
    public Assessment assessment(String requestJson) {
        return assessment(Banshi.utf8(requestJson));
    }

    /**
     * As {@link #assessment(String)}, with the request as UTF-8 bytes.
     *
     * @param requestUtf8 {@code {"service", "facts", "on_file"?}} as UTF-8
     * @return the assessment
     * @throws BanshiException for a malformed request; {@code NULL_POINTER} if the catalogue is closed
     * @throws IllegalArgumentException for a bundle request: use {@link #bundleAssessment(byte[])}
     */
    public Assessment assessment(byte[] requestUtf8) {
        // The native side answers only what varies between applicants; the
        // rest is the service's guide, read once (GuideParts). With documents
        // on file (or for a bundle) it answers in full instead.
        String answer = new String(fast(Fast.ASSESS_COMPACT, requestUtf8), StandardCharsets.UTF_8);
        if (answer.startsWith("{")) {
            requireBundle(answer, false, "bundleAssessment");
            return Assessment.parse(answer);
        }
        JsonReader in = new JsonReader(answer);
        return guide(GuideParts.serviceOf(in)).expand(in);
    }

    /**
     * Assesses one applicant for one service, typed, with the request built by {@link Request}: with
     * {@link Request#onFile(String...)}, the materials whose documents the office has are in
     * {@link Assessment#exempt()} instead of the checklist (免提交).
     *
     * @param request {@link Request#service(String)} with its facts, and documents on file if any
     * @return the assessment
     * @throws BanshiException for a malformed request ({@code UNKNOWN_DOCUMENT} …); {@code NULL_POINTER} if the
     *         catalogue is closed
     * @throws IllegalArgumentException for a bundle request: use {@link #bundleAssessment(Request)}
     */
    public Assessment assessment(Request request) {
        if (request.isBundle()) {
            throw new IllegalArgumentException("a request for a bundle of services: use bundleAssessment");
        }
        return assessment(request.toJson());
    }

    /**
     * The one-time notice (一次性告知) for one service, as {@link #check(String)}, typed.
     * {@code notice(json).toJson()} equals {@code check(json)}.
     *
     * @param requestJson {@code {"service", "facts", "on_file"?, "submitted"?}}
     * @return the notice: everything missing or defective, at once
     * @throws BanshiException for a malformed request; {@code NULL_POINTER} if the catalogue is closed
     * @throws IllegalArgumentException for a bundle request: use {@link #bundleNotice(String)}
     */
    public Notice notice(String requestJson) {
        return notice(Banshi.utf8(requestJson));
    }

    /**
     * As {@link #notice(String)}, with the request as UTF-8 bytes.
     *
     * @param requestUtf8 {@code {"service", "facts", "on_file"?, "submitted"?}} as UTF-8
     * @return the notice
     * @throws BanshiException for a malformed request; {@code NULL_POINTER} if the catalogue is closed
     * @throws IllegalArgumentException for a bundle request: use {@link #bundleNotice(byte[])}
     */
    public Notice notice(byte[] requestUtf8) {
        String answer = check(requestUtf8);
        requireBundle(answer, false, "bundleNotice");
        return Notice.parse(answer);
    }

    /**
     * The one-time notice for one service, typed, with the request built by {@link Request}: what was submitted
     * ({@link Submission#of(String, int, int)}, or {@link Submission#pledged(String)} for a signed pledge in place of
     * a material), and the documents on file. Materials that may follow later are in {@link Notice#deferred()}, with
     * their due dates; when only those are short, the status is {@link NoticeStatus#ACCEPTED_PENDING}.
     *
     * @param request {@link Request#service(String)} with its facts and submissions
     * @return the notice
     * @throws BanshiException for a malformed request (a pledge for a material that accepts none is
     *         {@code INVALID_VALUE}); {@code NULL_POINTER} if the catalogue is closed
     * @throws IllegalArgumentException for a bundle request: use {@link #bundleNotice(Request)}
     */
    public Notice notice(Request request) {
        if (request.isBundle()) {
            throw new IllegalArgumentException("a request for a bundle of services: use bundleNotice");
        }
        return notice(request.toJson());
    }

    /**
     * Assesses one applicant for a bundle of services (一件事一次办), as {@link #assess(String)}, typed: each
     * service's eligibility, and one merged checklist by the merge rule the answer states.
     * {@code bundleAssessment(json).toJson()} equals {@code assess(json)}.
     *
     * @param requestJson {@code {"bundle", "facts", "on_file"?}}: a declared bundle's id, or 2 to 16 service numbers
     * @return the bundle's assessment
     * @throws BanshiException for a malformed request ({@code UNKNOWN_BUNDLE} for an id the catalogue does not
     *         declare, {@code UNKNOWN_DOCUMENT} …); {@code NULL_POINTER} if the catalogue is closed
     * @throws IllegalArgumentException for a request about one service: use {@link #assessment(String)}
     */
    public BundleAssessment bundleAssessment(String requestJson) {
        return bundleAssessment(Banshi.utf8(requestJson));
    }

    /**
     * As {@link #bundleAssessment(String)}, with the request as UTF-8 bytes.
     *
     * @param requestUtf8 {@code {"bundle", "facts", "on_file"?}} as UTF-8
     * @return the bundle's assessment
     * @throws BanshiException for a malformed request; {@code NULL_POINTER} if the catalogue is closed
     * @throws IllegalArgumentException for a request about one service: use {@link #assessment(byte[])}
     */
    public BundleAssessment bundleAssessment(byte[] requestUtf8) {
        String answer = assess(requestUtf8);
        requireBundle(answer, true, "assessment");
        return BundleAssessment.parse(answer);
    }

    /**
     * Assesses one applicant for a bundle of services, typed, with the request built by {@link Request}.
     *
     * @param request {@link Request#bundle(String)} or {@link Request#bundleOf(String...)}, with its facts and
     *        documents on file if any
     * @return the bundle's assessment
     * @throws BanshiException for a malformed request; {@code NULL_POINTER} if the catalogue is closed
     * @throws IllegalArgumentException for a request about one service: use {@link #assessment(Request)}
     */
    public BundleAssessment bundleAssessment(Request request) {
        if (!request.isBundle()) {
            throw new IllegalArgumentException("a request for one service: use assessment");
        }
        return bundleAssessment(request.toJson());
    }

    /**
     * The one-time notice for a bundle of services, as {@link #check(String)}, typed: what was submitted, by the
     * merged items' ids, against the merged checklist. {@code bundleNotice(json).toJson()} equals {@code check(json)}.
     *
     * @param requestJson {@code {"bundle", "facts", "on_file"?, "submitted"?}}
     * @return the bundle's notice
     * @throws BanshiException for a malformed request ({@code UNKNOWN_MATERIAL} for an id no service of the bundle
     *         could ask for …); {@code NULL_POINTER} if the catalogue is closed
     * @throws IllegalArgumentException for a request about one service: use {@link #notice(String)}
     */
    public BundleNotice bundleNotice(String requestJson) {
        return bundleNotice(Banshi.utf8(requestJson));
    }

    /**
     * As {@link #bundleNotice(String)}, with the request as UTF-8 bytes.
     *
     * @param requestUtf8 {@code {"bundle", "facts", "on_file"?, "submitted"?}} as UTF-8
     * @return the bundle's notice
     * @throws BanshiException for a malformed request; {@code NULL_POINTER} if the catalogue is closed
     * @throws IllegalArgumentException for a request about one service: use {@link #notice(byte[])}
     */
    public BundleNotice bundleNotice(byte[] requestUtf8) {
        String answer = check(requestUtf8);
        requireBundle(answer, true, "notice");
        return BundleNotice.parse(answer);
    }

    /**
     * The one-time notice for a bundle of services, typed, with the request built by {@link Request}.
     *
     * @param request {@link Request#bundle(String)} or {@link Request#bundleOf(String...)}, with its facts,
     *        documents on file and submissions
     * @return the bundle's notice
     * @throws BanshiException for a malformed request; {@code NULL_POINTER} if the catalogue is closed
     * @throws IllegalArgumentException for a request about one service: use {@link #notice(Request)}
     */
    public BundleNotice bundleNotice(Request request) {
        if (!request.isBundle()) {
            throw new IllegalArgumentException("a request for one service: use notice");
        }
        return bundleNotice(request.toJson());
    }

    /** The guide parts of a service, read once per catalogue. */
    private GuideParts guide(String id) {
        GuideParts guide = guides.get(id);
        if (guide == null) {
            guide = GuideParts.parse(service(id));
            GuideParts raced = guides.putIfAbsent(id, guide);
            if (raced != null) {
                guide = raced;
            }
        }
        return guide;
    }

    /**
     * Throws unless the answer is for a bundle (its receipt is followed by {@code "bundle"}) exactly when
     * {@code bundle} is true: the request was for the other typed method, named by {@code instead}.
     */
    private static void requireBundle(String answer, boolean bundle, String instead) {
        JsonReader in = new JsonReader(answer);
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            if (key.equals("bundle") || key.equals("service")) {
                if (key.equals("bundle") != bundle) {
                    throw new IllegalArgumentException("a request for " + (bundle ? "one service" : "a bundle of services")
                            + ": use " + instead);
                }
                return;
            }
            in.skip();
        }
        throw in.error("an answer names neither a service nor a bundle");
    }

    /**
     * Validates an ID number: the typed validators all live here, on the
     * catalogue, and take the same arguments as the JavaScript package's
     * {@code validateIdNumber}, {@code validateDate} and {@code validateFile}.
     * An invalid number is a normal answer ({@code valid() == false}), never
     * echoed unmasked.
     *
     * @param idNumber the number, 18 characters (a lower-case {@code x} is accepted)
     * @return validity, the masked number, and the birth date and sex it encodes
     */
    public Validation validateIdNumber(String idNumber) {
        String request = new JsonWriter().beginObject().key("id_number").string(requireNonNull(idNumber, "idNumber"))
                .endObject().toString();
        return Validation.parse(Banshi.validateIdNumber(request));
    }

    /**
     * Validates a date, {@code YYYY-MM-DD}.
     *
     * @param date the date text
     * @return validity, and the problems found
     */
    public Validation validateDate(String date) {
        String request = new JsonWriter().beginObject().key("date").string(requireNonNull(date, "date"))
                .endObject().toString();
        return Validation.parse(Banshi.validateDate(request));
    }

    /**
     * Checks a chosen file before upload against the material's file specification.
     *
     * @param service the service number, such as {@code 8.1}
     * @param material the electronic material's id, such as {@code electronic_photo}
     * @param file the file's name, MIME type and size
     * @return validity, the problems found, and the specification
     * @throws BanshiException {@code UNKNOWN_SERVICE}, {@code UNKNOWN_MATERIAL}, or {@code INVALID_VALUE}
     *         for a material that is not electronic; {@code NULL_POINTER} if the catalogue is closed
     */
    public Validation validateFile(String service, String material, FileInfo file) {
        requireNonNull(file, "file");
        JsonWriter w = new JsonWriter().beginObject();
        w.key("service").string(requireNonNull(service, "service"));
        w.key("material").string(requireNonNull(material, "material"));
        w.key("file").beginObject().key("name").string(file.name()).key("type").string(file.type())
                .key("size").number(file.size()).endObject();
        return Validation.parse(validateFile(w.endObject().toString()));
    }

    private static <T> T requireNonNull(T value, String what) {
        if (value == null) {
            throw new NullPointerException(what);
        }
        return value;
    }

    /**
     * Releases the native catalogue. Safe to call from any thread, at any time,
     * and more than once: calls that have begun are allowed to finish (this
     * method waits for them), and calls that begin afterwards throw the
     * {@code NULL_POINTER} {@link BanshiException} described above. The native
     * catalogue is never freed under a running call.
     */
    @Override
    public synchronized void close() {
        if (freed) {
            return;
        }
        long s;
        do {
            s = state;
        } while (!STATE.compareAndSet(this, s, s | CLOSED));
        boolean interrupted = false;
        synchronized (drained) {
            while (state != CLOSED) {
                try {
                    drained.wait();
                } catch (InterruptedException e) {
                    interrupted = true; // calls are short: finish closing, then restore the flag
                }
            }
        }
        freed = true;
        NativeBanshi.LIB.banshi_catalog_free(handle);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
