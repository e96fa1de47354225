package org.banshi;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The hot calls (assess, the compact assessment, check), made the cheapest
 * way the running JVM allows: the Foreign Function and Memory API on Java 22
 * and later ({@code FfmCalls}, compiled for 22 and loaded only there), JNA
 * direct mapping otherwise ({@link JnaDirect}). The system property
 * {@code banshi.native} ({@code ffm} or {@code jna}) forces one; the tests run
 * both. Every path returns the same bytes.
 */
abstract class Fast {
    static final int ASSESS = 0;
    static final int ASSESS_COMPACT = 1;
    static final int CHECK = 2;

    /**
     * Runs one call on the catalogue at {@code catalog} and returns the
     * response's UTF-8 bytes; throws {@link BanshiException} on failure.
     */
    abstract byte[] call(int function, long catalog, byte[] request);

    /** {@code ffm} or {@code jna}. */
    abstract String name();

    static final Fast INSTANCE = choose();

    private static Fast choose() {
        String wanted = System.getProperty("banshi.native", "");
        if (!wanted.equals("jna") && featureVersion() >= 22) {
            try {
                return (Fast) Class.forName("org.banshi.FfmCalls").getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                if (wanted.equals("ffm")) {
                    throw new IllegalStateException("banshi.native=ffm, but FFM is unavailable", e);
                }
            }
        } else if (wanted.equals("ffm")) {
            throw new IllegalStateException("banshi.native=ffm needs Java 22 or later");
        }
        if (Native.SIZE_T_SIZE != 8) {
            return new JnaInterface();
        }
        return new JnaDirect();
    }

    /** The Java feature version: 8 for 1.8, 17, 25 … */
    static int featureVersion() {
        String v = System.getProperty("java.specification.version", "1.8");
        try {
            return v.startsWith("1.") ? Integer.parseInt(v.substring(2)) : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return 8;
        }
    }

    /** The error of a failed call, as an exception; frees the error string. */
    static BanshiException failure(int code, long errorJson) {
        return Banshi.failure(code, errorJson == 0 ? null : new Pointer(errorJson));
    }

    /** The portable fallback, for platforms whose size_t is not 64 bits: JNA interface mapping. */
    static final class JnaInterface extends Fast {
        @Override
        byte[] call(int function, long catalog, byte[] request) {
            Pointer handle = new Pointer(catalog);
            SizeT len = new SizeT(request.length);
            return Banshi.callBytes((out, n, err) -> {
                switch (function) {
                    case ASSESS: return NativeBanshi.LIB.banshi_assess(handle, request, len, out, n, err);
                    case CHECK: return NativeBanshi.LIB.banshi_check(handle, request, len, out, n, err);
                    default: return NativeBanshi.LIB.banshi_assess_compact(handle, request, len, out, n, err);
                }
            });
        }

        @Override
        String name() {
            return "jna";
        }
    }
}
