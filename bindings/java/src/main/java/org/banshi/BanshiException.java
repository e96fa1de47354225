package org.banshi;

/**
 * A banshi call failed. It carries the stable {@link ErrorCode}, the Chinese
 * message, and the full error JSON ({@code {"error": {"code", "number",
 * "message", ...}}}) with details such as the unknown key and the suggested
 * one.
 */
public final class BanshiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int number;
    private final String errorJson;

    BanshiException(int number, String message, String errorJson) {
        super(message);
        this.number = number;
        this.errorJson = errorJson;
    }

    /** The stable error code; {@code null} only if the library is newer than this binding. */
    public ErrorCode code() {
        return ErrorCode.fromNumber(number);
    }

    /** The code's number, as the C ABI returned it. */
    public int number() {
        return number;
    }

    /** The error as JSON, exactly as every other binding reports it. */
    public String errorJson() {
        return errorJson;
    }
}
