package org.itsm.support.rest;

import java.util.Map;

/**
 * Paging and sorting parsed from {@code page}, {@code size} and {@code sort} (e.g. {@code -updatedAt}); the size
 * is capped, unknown sort fields are refused. {@code sortableFields} maps API names to query columns.
 */
public record PageRequest(int page, int size, String orderBy) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public static PageRequest of(Integer page, Integer size, String sort, Map<String, String> sortableFields,
            String defaultSort) {
        int pageNumber = page == null ? 0 : page;
        int pageSize = size == null ? DEFAULT_SIZE : size;
        if (pageNumber < 0) {
            throw ApiProblem.invalidField(ProblemDetail.FieldError.of("page", "must be 0 or more", FieldErrorCode.MIN,
                    FieldErrors.params("min", 0)));
        }
        if (pageSize < 1) {
            throw ApiProblem.invalidField(ProblemDetail.FieldError.of("size", "must be between 1 and " + MAX_SIZE,
                    FieldErrorCode.MIN, FieldErrors.params("min", 1, "max", MAX_SIZE)));
        }
        return new PageRequest(pageNumber, Math.min(pageSize, MAX_SIZE),
                orderBy(sort == null || sort.isBlank() ? defaultSort : sort, sortableFields));
    }

    public int offset() {
        return page * size;
    }

    private static String orderBy(String sort, Map<String, String> sortableFields) {
        StringBuilder order = new StringBuilder();
        for (String part : sort.split(",")) {
            String trimmed = part.trim();
            boolean descending = trimmed.startsWith("-");
            String name = trimmed.replaceFirst("^[-+]", "");
            String column = sortableFields.get(name);
            if (column == null) {
                java.util.List<String> sortable = java.util.List.copyOf(new java.util.TreeSet<>(sortableFields.keySet()));
                throw ApiProblem.invalidField(ProblemDetail.FieldError.of("sort", "cannot sort by '" + name
                        + "'; sortable: " + String.join(", ", sortable), FieldErrorCode.ENUM,
                        FieldErrors.params("allowed", sortable)));
            }
            if (order.length() > 0) {
                order.append(", ");
            }
            order.append(column).append(descending ? " desc" : " asc");
        }
        return order.toString();
    }
}
