package org.itsm.support.rest;

import jakarta.ws.rs.core.EntityTag;

/** Optimistic concurrency over HTTP: the ETag is the record's version; If-Match must name the current one. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The strong entity tag of a version, for {@code Response.ResponseBuilder#tag}. */
    public static EntityTag entityTag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * Refuses a stale If-Match with 412. Without the header the write still cannot be lost: the entity's version
     * column makes a concurrent writer fail, which the API answers with 409.
     */
    public static void requireCurrent(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String expected = of(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            if (candidate.trim().replaceFirst("^W/", "").equals(expected)) {
                return;
            }
        }
        throw ApiProblem.staleVersion(currentVersion);
    }
}
