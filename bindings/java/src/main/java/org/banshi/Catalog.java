package org.banshi;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * A catalogue of services: the embedded one (the 18 services of the seed), or
 * one loaded from a bundle so that an office can ship updated rules.
 *
 * <p>A catalogue is immutable and thread-safe: share one instance between
 * threads. Close it once, when no thread uses it any more; calls after
 * {@link #close()} throw {@link IllegalStateException}.
 *
 * <p>Requests and responses are the JSON documented in SCHEMA.md, the same
 * bytes as from Rust, C and JavaScript. Failures throw {@link BanshiException}
 * with the error's code and JSON.
 *
 * <pre>{@code
 * try (Catalog catalog = Catalog.embedded()) {
 *     String checklist = catalog.assess(
 *         "{\"service\":\"10.1\",\"facts\":{\"application_date\":\"2026-11-27\",\"marital_status\":\"unmarried\"}}");
 * }
 * }</pre>
 */
public final class Catalog implements AutoCloseable {
    private volatile Pointer handle;

    private Catalog(Pointer handle) {
        this.handle = handle;
    }

    /** A handle to the embedded catalogue. */
    public static Catalog embedded() {
        PointerByReference out = new PointerByReference();
        int code = NativeBanshi.LIB.banshi_catalog_embedded(out);
        if (code != 0) {
            throw Banshi.failure(code, null);
        }
        return new Catalog(out.getValue());
    }

    /**
     * Loads a catalogue bundle: {@code {"version": "...", "services": [ ... ]}}.
     *
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

    private Pointer handle() {
        Pointer h = handle;
        if (h == null) {
            throw new IllegalStateException("catalog is closed");
        }
        return h;
    }

    /** Every service: {@code {"catalog_version", "services": [{"id", "name", "facts"}]}}. */
    public String services() {
        Pointer h = handle();
        return Banshi.call((out, len, err) -> NativeBanshi.LIB.banshi_services(h, out, len));
    }

    /** The guide to one service, by number, such as {@code "10.1"}. */
    public String service(String id) {
        Pointer h = handle();
        byte[] bytes = Banshi.utf8(id);
        return Banshi.call((out, len, err) ->
                NativeBanshi.LIB.banshi_service(h, bytes, new SizeT(bytes.length), out, len, err));
    }

    /** Assesses one applicant. Request {@code {"service", "facts"}}. */
    public String assess(String requestJson) {
        return assess(Banshi.utf8(requestJson));
    }

    /** As {@link #assess(String)}, with the request as UTF-8 bytes. */
    public String assess(byte[] requestUtf8) {
        Pointer h = handle();
        return Banshi.call((out, len, err) ->
                NativeBanshi.LIB.banshi_assess(h, requestUtf8, new SizeT(requestUtf8.length), out, len, err));
    }

    /** The one-time notice (一次性告知). Request {@code {"service", "facts", "submitted"}}. */
    public String check(String requestJson) {
        return check(Banshi.utf8(requestJson));
    }

    /** As {@link #check(String)}, with the request as UTF-8 bytes. */
    public String check(byte[] requestUtf8) {
        Pointer h = handle();
        return Banshi.call((out, len, err) ->
                NativeBanshi.LIB.banshi_check(h, requestUtf8, new SizeT(requestUtf8.length), out, len, err));
    }

    /**
     * Validates a chosen file before upload. Request
     * {@code {"service", "material", "file": {"name", "type", "size"}}}.
     */
    public String validateFile(String requestJson) {
        Pointer h = handle();
        byte[] request = Banshi.utf8(requestJson);
        return Banshi.call((out, len, err) ->
                NativeBanshi.LIB.banshi_validate_file(h, request, new SizeT(request.length), out, len, err));
    }

    /** Releases the native handle. Idempotent. */
    @Override
    public synchronized void close() {
        Pointer h = handle;
        handle = null;
        if (h != null) {
            NativeBanshi.LIB.banshi_catalog_free(h);
        }
    }
}
