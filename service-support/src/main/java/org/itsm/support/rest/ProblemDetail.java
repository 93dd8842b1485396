package org.itsm.support.rest;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * RFC 9457 problem details, with the extension members the API uses: the offending fields of a validation
 * error and the moves allowed now for an illegal lifecycle move.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemDetail(
        URI type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors,
        List<String> allowedMoves) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One offending field. {@code message} is English, for integrators; {@code code} (one of {@link FieldErrorCode},
     * or a JSON Schema keyword of a catalog form) and its {@code params} (e.g. {@code max} of {@code too_long}) let a
     * client say the same in its user's language. A field error of a practice rule carries no code: clients show its
     * message. Added later: {@code code} and {@code params} (absent when null).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String message, String code, Map<String, Object> params) {

        /** A field error without a code: a rule of the practice, explained by its message. */
        public FieldError(String field, String message) {
            this(field, message, null, null);
        }

        public static FieldError of(String field, String message, String code) {
            return new FieldError(field, message, code, null);
        }

        public static FieldError of(String field, String message, String code, Map<String, Object> params) {
            return new FieldError(field, message, code, params == null || params.isEmpty() ? null : params);
        }
    }
}
