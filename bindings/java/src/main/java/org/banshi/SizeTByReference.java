package org.banshi;

import com.sun.jna.Native;
import com.sun.jna.ptr.ByReference;

/**
 * A {@code size_t *} out-parameter. Internal: public only because JNA
 * instantiates it reflectively.
 */
public final class SizeTByReference extends ByReference {
    /** An out-parameter holding zero, for JNA. */
    public SizeTByReference() {
        super(Native.SIZE_T_SIZE);
    }

    /**
     * The value written by the callee.
     *
     * @return the size
     */
    public long getValue() {
        return Native.SIZE_T_SIZE == 8 ? getPointer().getLong(0) : getPointer().getInt(0) & 0xffffffffL;
    }
}
