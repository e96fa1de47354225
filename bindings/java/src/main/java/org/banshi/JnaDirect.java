package org.banshi;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The hot calls through JNA direct mapping (static native methods bound with
 * {@link Native#register}), which skips the reflection and argument
 * conversion of interface mapping. Out-parameters live in one small native
 * buffer per thread. size_t is taken as 64 bits ({@link Fast} checks).
 */
final class JnaDirect extends Fast {
    static {
        Native.register(JnaDirect.class, NativeLibrary.getInstance("banshi"));
    }

    private static native int banshi_assess(long catalog, byte[] request, long requestLen, long response,
            long responseLen, long error);

    private static native int banshi_assess_compact(long catalog, byte[] request, long requestLen, long response,
            long responseLen, long error);

    private static native int banshi_check(long catalog, byte[] request, long requestLen, long response,
            long responseLen, long error);

    private static native void banshi_string_free(long string);

    /** Three out-parameters: the response pointer, its length and the error pointer. */
    private static final ThreadLocal<Memory> OUT = ThreadLocal.withInitial(() -> new Memory(24));

    @Override
    byte[] call(int function, long catalog, byte[] request) {
        Memory out = OUT.get();
        long base = Pointer.nativeValue(out);
        out.setLong(0, 0);
        out.setLong(16, 0);
        int code;
        switch (function) {
            case ASSESS: code = banshi_assess(catalog, request, request.length, base, base + 8, base + 16); break;
            case CHECK: code = banshi_check(catalog, request, request.length, base, base + 8, base + 16); break;
            default: code = banshi_assess_compact(catalog, request, request.length, base, base + 8, base + 16);
        }
        if (code != 0) {
            throw failure(code, out.getLong(16));
        }
        long response = out.getLong(0);
        try {
            return new Pointer(response).getByteArray(0, (int) out.getLong(8));
        } finally {
            banshi_string_free(response);
        }
    }

    @Override
    String name() {
        return "jna";
    }
}
