package org.itsm.support.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

class UnisTest {

    @Test
    void stepsRunOneAfterTheOtherInTheItemsOrder() {
        List<String> done = new ArrayList<>();

        Unis.chain(List.of("a", "b", "c"), item -> Uni.createFrom().item(item).invoke(done::add)).await().indefinitely();

        assertEquals(List.of("a", "b", "c"), done);
    }

    @Test
    void aFailedStepStopsTheChain() {
        List<String> done = new ArrayList<>();

        assertThrows(IllegalStateException.class, () -> Unis.chain(List.of("a", "b", "c"), item -> "b".equals(item)
                ? Uni.createFrom().failure(new IllegalStateException(item))
                : Uni.createFrom().item(item).invoke(done::add)).await().indefinitely());

        assertEquals(List.of("a"), done);
    }
}
