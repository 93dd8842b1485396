package org.itsm.change.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.itsm.change.service.ChangeQueries.Summary;
import org.junit.jupiter.api.Test;

class ChangeQueriesTest {

    @Test
    void aSuccessWhoseCatalogUpdateWasRejectedIsNoCleanSuccess() {
        Summary summary = ChangeQueries.summarise(List.of(
                new Object[] { "CLOSED", "NORMAL", "SUCCESSFUL", 1L, 3600.0, "APPLIED" },
                new Object[] { "CLOSED", "NORMAL", "SUCCESSFUL", 1L, 3600.0, "REJECTED" },
                new Object[] { "CLOSED", "NORMAL", "SUCCESSFUL_WITH_ISSUES", 1L, 3600.0, null },
                new Object[] { "CLOSED", "NORMAL", "FAILED", 1L, 3600.0, null }));
        assertEquals(4, summary.withOutcome());
        assertEquals(0.5, summary.successRate());
    }
}
