package org.banshi;

/**
 * A banshi call failed. It carries the stable {@link ErrorCode}, the Chinese
 * message, and the full error JSON ({@code {"error": {"code", "number",
 * "message", ...}}}) with details such as the unknown key and the suggested
 * one.
 */
public final class BanshiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The code's number, as the C ABI returned it. */
    private final int number;
    /** The error JSON, {@code {"error": {"code", "number", "message", ...}}}. */
    private final String errorJson;

    BanshiException(int number, String message, String errorJson) {
        super(message);
        this.number = number;
        this.errorJson = errorJson;
    }

    /**
     * The stable error code.
     *
     * @return the code; {@code null} only if the library is newer than this binding
     */
    public ErrorCode code() {
        return ErrorCode.fromNumber(number);
    }

    /**
     * The code's number.
     *
     * @return the number, as the C ABI returned it
     */
    public int number() {
        return number;
    }

    /**
     * The error as JSON, exactly as every other binding reports it.
     *
     * @return {@code {"error": {"code", "number", "message", ...}}}, with details such as a suggested key
     */
    public String errorJson() {
        return errorJson;
    }

    /**
     * The class, the code and its number, and the message, so that a log line
     * or a stack trace says which error it was:
     * {@code org.banshi.BanshiException: UNKNOWN_FACT (30): 未知的申请人信息字段“hukuo”，是否应为“hukou”？}
     */
    @Override
    public String toString() {
        ErrorCode code = code();
        return getClass().getName() + ": " + (code != null ? code.name() : "UNKNOWN") + " (" + number + "): "
                + getMessage();
    }
}
