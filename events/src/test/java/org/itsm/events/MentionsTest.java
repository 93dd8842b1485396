package org.itsm.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.itsm.events.api.Mentions;
import org.junit.jupiter.api.Test;

class MentionsTest {

    @Test
    void namesAfterAnAtSign() {
        assertEquals(List.of("agent", "jane.doe"), Mentions.in("@agent please ask @jane.doe."));
    }

    @Test
    void eachOnceInOrderLowerCased() {
        assertEquals(List.of("bob", "anna"), Mentions.in("@Bob and @anna, then @BOB again"));
    }

    @Test
    void addressesAreNotMentions() {
        assertEquals(List.of(), Mentions.in("write to anna@example.org or servicedesk+INC0001001@itsm.example.org"));
    }

    @Test
    void trailingPunctuationIsNotPartOfTheName() {
        assertEquals(List.of("network-team", "kim"), Mentions.in("(@network-team-) and @kim..."));
    }

    @Test
    void nothingInNothing() {
        assertEquals(List.of(), Mentions.in(null));
        assertEquals(List.of(), Mentions.in("@ alone, @@ and @.dot"));
    }

    @Test
    void atMostTheLimit() {
        String many = IntStream.range(0, Mentions.MAX + 5).mapToObj(i -> "@user" + i).collect(Collectors.joining(" "));
        assertEquals(Mentions.MAX, Mentions.in(many).size());
    }
}
