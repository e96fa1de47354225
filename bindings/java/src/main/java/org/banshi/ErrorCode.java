package org.banshi;

/**
 * banshi's result codes: the same numbers and names as the C header
 * ({@code BANSHI_RESULT_*}), the JSON {@code code} and the JS error code.
 * Numbers are never reused.
 */
public enum ErrorCode {
    /**
     * A required pointer argument was NULL (C ABI). In Java: a call on a
     * {@link Catalog} that has been closed (message {@code 目录已关闭}).
     */
    NULL_POINTER(1),
    /** Input text was not valid UTF-8. */
    INVALID_UTF8(2),
    /** A bug in banshi was caught at the boundary; the JVM is unharmed. */
    PANIC(3),
    /** The input is not well-formed JSON, or is nested too deeply. */
    INVALID_JSON(10),
    /** A request object has a key banshi does not know. */
    UNKNOWN_KEY(11),
    /** A required request field is absent. */
    MISSING_FIELD(12),
    /** A request field has the wrong JSON type or an invalid value. */
    INVALID_VALUE(13),
    /** A key appears twice in one JSON object. */
    DUPLICATE_KEY(14),
    /** The input is larger than the documented limit (1 MiB). */
    INPUT_TOO_LARGE(15),
    /** No service has this number. */
    UNKNOWN_SERVICE(20),
    /** The service is not in force on the application date. */
    SERVICE_NOT_IN_FORCE(21),
    /** The service has no material with this id. */
    UNKNOWN_MATERIAL(22),
    /** The same material is listed twice in one submission. */
    DUPLICATE_SUBMISSION(23),
    /** The catalogue declares no bundle of services with this id. */
    UNKNOWN_BUNDLE(24),
    /** The document registry has no document with this id. */
    UNKNOWN_DOCUMENT(25),
    /** A fact name is not in the vocabulary. */
    UNKNOWN_FACT(30),
    /** A fact has a value outside its allowed values. */
    INVALID_FACT_VALUE(31),
    /** A date is malformed or does not exist. */
    INVALID_DATE(32),
    /** The facts lack the application date. */
    MISSING_APPLICATION_DATE(33),
    /** A date an age is computed from (such as the birth date) is after the application date. */
    DATE_AFTER_APPLICATION(34),
    /** The facts were read against another catalogue's vocabulary. */
    VOCABULARY_MISMATCH(35),
    /** A catalogue failed validation; the error JSON lists every problem. */
    INVALID_CATALOG(40);

    private final int number;

    ErrorCode(int number) {
        this.number = number;
    }

    /**
     * The code's number.
     *
     * @return the number, as the C ABI returns it
     */
    public int number() {
        return number;
    }

    /**
     * The code with a number.
     *
     * @param number a result code's number
     * @return the code, or {@code null} for 0 (success) and unknown numbers
     */
    public static ErrorCode fromNumber(int number) {
        for (ErrorCode code : values()) {
            if (code.number == number) {
                return code;
            }
        }
        return null;
    }
}
