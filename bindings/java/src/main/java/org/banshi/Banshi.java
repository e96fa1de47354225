package org.banshi;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

import java.nio.charset.StandardCharsets;

/**
 * Entry points that need no catalogue: the version and the validators. (The
 * vocabulary is each catalogue's own: {@link Catalog#vocabulary()}.) Everything
 * returns the JSON documented in SCHEMA.md, the same bytes as every other
 * binding.
 *
 * <pre>{@code
 * String result = Banshi.validateIdNumber("{\"id_number\":\"11010519491231002X\"}");
 * // {"valid":true,"masked":"110105********002X","birth_date":"1949-12-31","sex":"female"}
 * }</pre>
 */
public final class Banshi {
    private Banshi() {
    }

    /**
     * The native library's version.
     *
     * @return the version, such as {@code 0.1.0}
     */
    public static String version() {
        return cString(NativeBanshi.LIB.banshi_version());
    }

    /**
     * The name of a result code.
     *
     * @param code a result code's number
     * @return its name, such as {@code UNKNOWN_FACT}; {@code OK} for 0, {@code UNKNOWN} for an unknown number
     */
    public static String resultName(int code) {
        return cString(NativeBanshi.LIB.banshi_result_name(code));
    }

    /**
     * Validates an ID number. Request {@code {"id_number": "..."}}. An invalid
     * number is a normal response ({@code "valid": false}), never echoed unmasked.
     *
     * @param requestJson the request JSON
     * @return the response JSON: validity, the masked number, and the birth date and sex it encodes
     * @throws BanshiException for a malformed request
     */
    public static String validateIdNumber(String requestJson) {
        byte[] request = utf8(requestJson);
        return call((out, len, err) ->
                NativeBanshi.LIB.banshi_validate_id_number(request, new SizeT(request.length), out, len, err));
    }

    /**
     * Validates a date. Request {@code {"date": "YYYY-MM-DD"}}.
     *
     * @param requestJson the request JSON
     * @return the response JSON: validity, and the problems found
     * @throws BanshiException for a malformed request
     */
    public static String validateDate(String requestJson) {
        byte[] request = utf8(requestJson);
        return call((out, len, err) ->
                NativeBanshi.LIB.banshi_validate_date(request, new SizeT(request.length), out, len, err));
    }

    // --- shared machinery -------------------------------------------------

    /** One native call that writes a response or an error. */
    interface Call {
        int invoke(PointerByReference response, SizeTByReference length, PointerByReference error);
    }

    /**
     * Out-parameters, reused per thread: each JNA by-reference object owns a
     * small native buffer, and allocating three per call dominated its cost.
     */
    private static final class OutParams {
        final PointerByReference response = new PointerByReference();
        final SizeTByReference length = new SizeTByReference();
        final PointerByReference error = new PointerByReference();
    }

    private static final ThreadLocal<OutParams> OUT = ThreadLocal.withInitial(OutParams::new);

    /** Runs a call, copies the UTF-8 response out and frees it; throws on failure. */
    static String call(Call call) {
        return new String(callBytes(call), StandardCharsets.UTF_8);
    }

    /** As {@link #call(Call)}, returning the UTF-8 bytes. */
    static byte[] callBytes(Call call) {
        OutParams params = OUT.get();
        PointerByReference response = params.response;
        SizeTByReference length = params.length;
        PointerByReference error = params.error;
        response.setValue(null);
        error.setValue(null);
        int code = call.invoke(response, length, error);
        if (code == 0) {
            Pointer p = response.getValue();
            try {
                return p.getByteArray(0, (int) length.getValue());
            } finally {
                NativeBanshi.LIB.banshi_string_free(p);
            }
        }
        throw failure(code, error.getValue());
    }

    static BanshiException failure(int code, Pointer errorJson) {
        String json;
        if (errorJson != null) {
            try {
                json = cString(errorJson);
            } finally {
                NativeBanshi.LIB.banshi_string_free(errorJson);
            }
        } else {
            json = "{\"error\":{\"code\":\"" + resultName(code) + "\",\"number\":" + code + "}}";
        }
        String message = messageOf(json);
        return new BanshiException(code, message != null ? message : resultName(code), json);
    }

    static byte[] utf8(String s) {
        if (s == null) {
            throw new NullPointerException("request");
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a NUL-terminated UTF-8 string, whatever the platform charset. */
    static String cString(Pointer p) {
        long n = 0;
        while (p.getByte(n) != 0) {
            n++;
        }
        return new String(p.getByteArray(0, (int) n), StandardCharsets.UTF_8);
    }

    /** The "message" member of an error JSON, unescaped; null if absent. */
    static String messageOf(String json) {
        String key = "\"message\":\"";
        int i = json.indexOf(key);
        if (i < 0) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (i += key.length(); i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\' && i + 1 < json.length()) {
                char e = json.charAt(++i);
                switch (e) {
                    case 'n': out.append('\n'); break;
                    case 't': out.append('\t'); break;
                    case 'r': out.append('\r'); break;
                    case 'b': out.append('\b'); break;
                    case 'f': out.append('\f'); break;
                    case 'u':
                        out.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                        i += 4;
                        break;
                    default: out.append(e);
                }
            } else {
                out.append(c);
            }
        }
        return null;
    }
}
