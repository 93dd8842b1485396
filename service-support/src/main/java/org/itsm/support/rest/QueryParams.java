package org.itsm.support.rest;

import java.util.Arrays;
import java.util.UUID;

/**
 * Parses filter parameters by hand: JAX-RS answers 404 for an unconvertible query parameter, the API answers
 * 400 naming the parameter and the values it accepts.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            java.util.List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            throw ApiProblem.invalidField(ProblemDetail.FieldError.of(name,
                    "'" + value + "' is not one of " + String.join(", ", allowed), FieldErrorCode.ENUM,
                    FieldErrors.params("allowed", allowed)));
        }
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(ProblemDetail.FieldError.of(name, "'" + value + "' is not a UUID",
                    FieldErrorCode.FORMAT, FieldErrors.params("format", "uuid")));
        }
    }

    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiProblem.invalidField(ProblemDetail.FieldError.of(name,
                    "'" + value + "' is not true or false", FieldErrorCode.TYPE, FieldErrors.params("expected", "boolean")));
        };
    }

    public static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidField(ProblemDetail.FieldError.of(name, "'" + value + "' is not a whole number",
                    FieldErrorCode.TYPE, FieldErrors.params("expected", "integer")));
        }
    }
}
