package org.banshi;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * The C ABI, declared for JNA. Strings cross as UTF-8 bytes with explicit
 * lengths, never through JNA's String mapping, whose charset follows the
 * platform (often GBK on Chinese hosts).
 */
interface NativeBanshi extends Library {
    /**
     * Loaded once. {@code banshi.library.path} (a directory) takes precedence,
     * for hosts whose temporary directory is mounted noexec; JNA's own
     * {@code jna.library.path} also works. Otherwise the library packaged in
     * the jar is used.
     */
    NativeBanshi LIB = load();

    static NativeBanshi load() {
        String dir = System.getProperty("banshi.library.path");
        if (dir != null && !dir.isEmpty()) {
            NativeLibrary.addSearchPath("banshi", dir);
        }
        return Native.load("banshi", NativeBanshi.class);
    }

    Pointer banshi_version();

    Pointer banshi_result_name(int code);

    Pointer banshi_result_message(int code);

    int banshi_catalog_embedded(PointerByReference catalog);

    int banshi_catalog_load(byte[] bundle, SizeT len, PointerByReference catalog, PointerByReference error);

    void banshi_catalog_free(Pointer catalog);

    void banshi_string_free(Pointer string);

    int banshi_services(Pointer catalog, PointerByReference response, SizeTByReference len);

    int banshi_service(Pointer catalog, byte[] id, SizeT idLen, PointerByReference response, SizeTByReference len,
            PointerByReference error);

    int banshi_assess(Pointer catalog, byte[] request, SizeT requestLen, PointerByReference response,
            SizeTByReference len, PointerByReference error);

    int banshi_assess_compact(Pointer catalog, byte[] request, SizeT requestLen, PointerByReference response,
            SizeTByReference len, PointerByReference error);

    int banshi_check(Pointer catalog, byte[] request, SizeT requestLen, PointerByReference response,
            SizeTByReference len, PointerByReference error);

    int banshi_validate_file(Pointer catalog, byte[] request, SizeT requestLen, PointerByReference response,
            SizeTByReference len, PointerByReference error);

    int banshi_validate_id_number(byte[] request, SizeT requestLen, PointerByReference response,
            SizeTByReference len, PointerByReference error);

    int banshi_validate_date(byte[] request, SizeT requestLen, PointerByReference response, SizeTByReference len,
            PointerByReference error);

    int banshi_vocabulary(Pointer catalog, PointerByReference response, SizeTByReference len);
}
