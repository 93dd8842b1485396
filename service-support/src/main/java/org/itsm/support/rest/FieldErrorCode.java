package org.itsm.support.rest;

/**
 * The stable codes of field errors ({@link ProblemDetail.FieldError#code()}), with the {@code params} each carries.
 * Clients translate them; the codes never change meaning (a new kind of error gets a new code).
 */
public final class FieldErrorCode {

    /** A value is needed (absent, null or blank). */
    public static final String REQUIRED = "required";
    /** Text or list longer than allowed; params {@code max} (and {@code min} when bounded below). */
    public static final String TOO_LONG = "too_long";
    /** Text or list shorter than allowed; params {@code min} (and {@code max} when bounded above). */
    public static final String TOO_SHORT = "too_short";
    /** Text not matching the expected pattern; params {@code pattern}. */
    public static final String PATTERN = "pattern";
    /** A number below the minimum; params {@code min}. */
    public static final String MIN = "min";
    /** A number above the maximum; params {@code max}. */
    public static final String MAX = "max";
    /** Not one of the allowed values; params {@code allowed} (a list). */
    public static final String ENUM = "enum";
    /** A value of the wrong JSON type; params {@code expected} (string, number, integer, boolean, object, array). */
    public static final String TYPE = "type";
    /** A field the API does not know. */
    public static final String UNKNOWN_FIELD = "unknown_field";
    /** A text not in the expected format; params {@code format} (uuid, date-time, date, time, email, ...). */
    public static final String FORMAT = "format";
    /** Any other constraint: the message explains it. */
    public static final String INVALID = "invalid";

    private FieldErrorCode() {
    }
}
