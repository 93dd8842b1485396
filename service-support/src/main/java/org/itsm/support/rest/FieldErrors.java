package org.itsm.support.rest;

import java.lang.reflect.Array;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import org.itsm.support.rest.ProblemDetail.FieldError;

/**
 * The field errors the shared mappers answer, each with its {@link FieldErrorCode} and params: Bean Validation
 * constraints by their annotation, and JSON that does not fit the body (unknown field, wrong type or format, a value
 * not among an enum's). Plain functions, so the mapping is unit-tested without a server.
 */
public final class FieldErrors {

    private FieldErrors() {
    }

    /** A Bean Validation violation on {@code field}: the constraint's annotation decides the code. */
    public static FieldError ofViolation(String field, ConstraintViolation<?> violation) {
        String message = violation.getMessage();
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> FieldError.of(field, message, FieldErrorCode.REQUIRED);
            case "Size" -> size(field, message, violation.getInvalidValue(), (Integer) attributes.get("min"),
                    (Integer) attributes.get("max"));
            case "Min", "DecimalMin" -> FieldError.of(field, message, FieldErrorCode.MIN,
                    params("min", attributes.get("value")));
            case "Max", "DecimalMax" -> FieldError.of(field, message, FieldErrorCode.MAX,
                    params("max", attributes.get("value")));
            case "Pattern" -> FieldError.of(field, message, FieldErrorCode.PATTERN,
                    params("pattern", attributes.get("regexp")));
            case "Email" -> FieldError.of(field, message, FieldErrorCode.FORMAT, params("format", "email"));
            default -> FieldError.of(field, message, FieldErrorCode.INVALID);
        };
    }

    /**
     * The field a violation concerns, as the client sent it: {@code slaTargets[0].priority}, {@code dependsOn[2]}
     * (method and parameter nodes of a resource method's path, e.g. {@code create.body}, are left out; a lone
     * parameter keeps its name).
     */
    public static String fieldName(ConstraintViolation<?> violation) {
        String parameter = null;
        StringBuilder field = new StringBuilder();
        int index = 0;
        for (Path.Node node : violation.getPropertyPath()) {
            index++;
            if (index <= 2 && (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER)) {
                parameter = node.getName();
                continue;
            }
            if (node.isInIterable() && (node.getIndex() != null || node.getKey() != null)) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
                continue;
            }
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(node.getName());
        }
        return field.length() > 0 ? field.toString() : parameter;
    }

    /** A body field the API does not know. */
    public static FieldError unknownField(String field) {
        return FieldError.of(field, "unknown field", FieldErrorCode.UNKNOWN_FIELD);
    }

    /** A value that does not read as the field's type: an enum's value, a formatted text (UUID, time), a number. */
    public static FieldError invalidValue(String field, Object value, Class<?> target) {
        if (target != null && target.isEnum()) {
            List<String> allowed = Arrays.stream(target.getEnumConstants()).map(Object::toString).toList();
            return FieldError.of(field, "'" + value + "' is not a valid value; allowed: " + String.join(", ", allowed),
                    FieldErrorCode.ENUM, params("allowed", allowed));
        }
        String format = format(target);
        if (format != null) {
            return FieldError.of(field, "'" + value + "' is not a valid " + simpleName(target), FieldErrorCode.FORMAT,
                    params("format", format));
        }
        return FieldError.of(field, "'" + value + "' is not a valid " + simpleName(target), FieldErrorCode.TYPE,
                params("expected", jsonType(target)));
    }

    /** A JSON value of the wrong kind (an object for a text, a text for a list...). */
    public static FieldError wrongType(String field, Class<?> target) {
        return FieldError.of(field, "expected " + simpleName(target), FieldErrorCode.TYPE,
                params("expected", jsonType(target)));
    }

    /** Parameters in a fixed order: name, value, name, value... */
    public static Map<String, Object> params(Object... namesAndValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return params;
    }

    private static FieldError size(String field, String message, Object value, int min, int max) {
        Integer size = sizeOf(value);
        boolean tooLong = size != null ? size > max : min == 0;
        Map<String, Object> params = new LinkedHashMap<>();
        if (min > 0) {
            params.put("min", min);
        }
        if (max < Integer.MAX_VALUE) {
            params.put("max", max);
        }
        return FieldError.of(field, message, tooLong ? FieldErrorCode.TOO_LONG : FieldErrorCode.TOO_SHORT, params);
    }

    private static Integer sizeOf(Object value) {
        if (value instanceof CharSequence text) {
            return text.length();
        }
        if (value instanceof Collection<?> collection) {
            return collection.size();
        }
        if (value instanceof Map<?, ?> map) {
            return map.size();
        }
        if (value != null && value.getClass().isArray()) {
            return Array.getLength(value);
        }
        return null;
    }

    private static String format(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (UUID.class.equals(type)) {
            return "uuid";
        }
        if (LocalDate.class.equals(type)) {
            return "date";
        }
        if (LocalTime.class.equals(type)) {
            return "time";
        }
        if (Duration.class.equals(type)) {
            return "duration";
        }
        if (ZoneId.class.isAssignableFrom(type)) {
            return "time-zone";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "date-time";
        }
        if (java.net.URI.class.equals(type)) {
            return "uri";
        }
        return null;
    }

    /** The JSON type a Java type reads from. */
    static String jsonType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum() || format(type) != null) {
            return "string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        return "object";
    }

    private static String simpleName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "number";
        }
        return type.isEnum() ? "value" : type.getSimpleName();
    }
}
