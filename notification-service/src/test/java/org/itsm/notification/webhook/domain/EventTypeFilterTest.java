package org.itsm.notification.webhook.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class EventTypeFilterTest {

    @Test
    void exactTypesAndPrefixesAreKeptWithTheNamespace() {
        EventTypeFilter.Result result = EventTypeFilter.normalise(List.of("incident.*", "itsm.change.approved.v1",
                "problem.created.v1", "*", "incident.*"));
        assertThat(result.errors(), empty());
        assertThat(result.entries(), contains("itsm.incident.*", "itsm.change.approved.v1", "itsm.problem.created.v1",
                "*"));
    }

    @Test
    void unknownTypesPrefixesOfNothingAndOddShapesAreRefused() {
        EventTypeFilter.Result result = EventTypeFilter.normalise(List.of("incident.creatd.v1", "ticket.*",
                "incident.*.v1", "INCIDENT.*", " ", "http://x"));
        assertThat(result.errors(), hasSize(6));
        assertThat(result.errors().get(0), containsString("incident.creatd.v1"));
        assertThat(result.errors().get(1), containsString("prefix of no event type"));
    }

    @Test
    void anEmptyOrHugeFilterIsRefused() {
        assertThat(EventTypeFilter.normalise(List.of()).errors(), hasSize(1));
        assertThat(EventTypeFilter.normalise(null).errors(), hasSize(1));
        assertThat(EventTypeFilter.normalise(Collections.nCopies(51, "*")).errors(), hasSize(1));
    }

    @Test
    void matchingTakesExactTypesPrefixesAndTheWildcard() {
        List<String> entries = List.of("itsm.incident.*", "itsm.change.approved.v1");
        assertThat(EventTypeFilter.matches(entries, "itsm.incident.created.v1"), is(true));
        assertThat(EventTypeFilter.matches(entries, "itsm.incident.sla-breached.v1"), is(true));
        assertThat(EventTypeFilter.matches(entries, "itsm.change.approved.v1"), is(true));
        assertThat(EventTypeFilter.matches(entries, "itsm.change.created.v1"), is(false));
        assertThat(EventTypeFilter.matches(entries, "itsm.incidents.created.v1"), is(false));
        assertThat(EventTypeFilter.matches(List.of("*"), "itsm.catalog.request-approved.v1"), is(true));
        assertThat(EventTypeFilter.matches(List.of("*"), null), is(false));
    }
}
