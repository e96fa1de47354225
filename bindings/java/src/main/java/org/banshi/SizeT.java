package org.banshi;

import com.sun.jna.IntegerType;
import com.sun.jna.Native;

/**
 * C's {@code size_t}, which JNA does not map by itself. Internal: public only
 * because JNA instantiates it reflectively.
 */
public final class SizeT extends IntegerType {
    private static final long serialVersionUID = 1L;

    /** Zero, for JNA. */
    public SizeT() {
        this(0);
    }

    /**
     * A size.
     *
     * @param value the size
     */
    public SizeT(long value) {
        super(Native.SIZE_T_SIZE, value, true);
    }
}
