package org.banshi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

import com.sun.jna.NativeLibrary;

/**
 * The hot calls through the Foreign Function and Memory API (final in Java
 * 22). Compiled for Java 22 into the same jar, and loaded only on 22 and later
 * ({@link Fast}). The library is the one JNA found (packaged in the jar, or
 * from {@code banshi.library.path}). Calls are "critical": short, no upcalls,
 * and the request is passed straight from the Java heap, with no copy.
 */
final class FfmCalls extends Fast {
    private static final FunctionDescriptor REQUEST_RESPONSE =
            FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG);

    private final MethodHandle assess;
    private final MethodHandle assessCompact;
    private final MethodHandle check;
    private final MethodHandle free;

    /** Three out-parameters per thread: the response pointer, its length and the error pointer. */
    private static final ThreadLocal<MemorySegment> OUT =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(24, 8));

    FfmCalls() {
        String path = NativeLibrary.getInstance("banshi").getFile().getAbsolutePath();
        SymbolLookup lib = SymbolLookup.libraryLookup(path, Arena.global());
        Linker linker = Linker.nativeLinker();
        Linker.Option critical = Linker.Option.critical(true);
        assess = linker.downcallHandle(lib.find("banshi_assess").orElseThrow(), REQUEST_RESPONSE, critical);
        assessCompact = linker.downcallHandle(lib.find("banshi_assess_compact").orElseThrow(), REQUEST_RESPONSE, critical);
        check = linker.downcallHandle(lib.find("banshi_check").orElseThrow(), REQUEST_RESPONSE, critical);
        free = linker.downcallHandle(lib.find("banshi_string_free").orElseThrow(),
                FunctionDescriptor.ofVoid(JAVA_LONG), Linker.Option.critical(false));
    }

    @Override
    byte[] call(int function, long catalog, byte[] request) {
        MemorySegment out = OUT.get();
        long base = out.address();
        out.set(JAVA_LONG, 0, 0);
        out.set(JAVA_LONG, 16, 0);
        MemorySegment req = MemorySegment.ofArray(request);
        int code;
        try {
            MethodHandle h = function == ASSESS ? assess : function == CHECK ? check : assessCompact;
            code = (int) h.invokeExact(catalog, req, (long) request.length, base, base + 8, base + 16);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        if (code != 0) {
            throw failure(code, out.get(JAVA_LONG, 16));
        }
        long response = out.get(JAVA_LONG, 0);
        long length = out.get(JAVA_LONG, 8);
        try {
            return MemorySegment.ofAddress(response).reinterpret(length).toArray(JAVA_BYTE);
        } finally {
            try {
                free.invokeExact(response);
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }
    }

    @Override
    String name() {
        return "ffm";
    }
}
