package org.itsm.events.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class ProblemTypeTest {

    @Test
    void slugsAreUniqueAndTypesAreUris() {
        assertEquals(ProblemType.values().length,
                Arrays.stream(ProblemType.values()).map(ProblemType::slug).collect(Collectors.toSet()).size());
        assertEquals("https://itsm.dev/problems/illegal-move", ProblemType.ILLEGAL_MOVE.uri().toString());
        assertEquals(ProblemType.ILLEGAL_MOVE, ProblemType.ofSlug("illegal-move"));
        assertThrows(IllegalArgumentException.class, () -> ProblemType.ofSlug("about:blank"));
    }

    @Test
    void frameworkRefusalsMapByStatusToATypeOfThatStatus() {
        for (int status : new int[] { 400, 401, 403, 404, 405, 406, 409, 412, 413, 415, 422, 429, 502, 503, 504 }) {
            assertEquals(status, ProblemType.forStatus(status).status(), "status " + status);
        }
        assertEquals(ProblemType.INTERNAL_ERROR, ProblemType.forStatus(500));
    }

    @Test
    void theDocumentedCatalogueListsEveryType() throws Exception {
        java.nio.file.Path doc = java.nio.file.Path.of("..", "docs", "problem-types.md");
        String text = java.nio.file.Files.readString(doc);
        for (ProblemType type : ProblemType.values()) {
            org.junit.jupiter.api.Assertions.assertTrue(text.contains("`" + type.slug() + "`"),
                    "docs/problem-types.md lacks " + type.slug());
        }
    }
}
