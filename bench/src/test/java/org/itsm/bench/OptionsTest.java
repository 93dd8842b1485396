package org.itsm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OptionsTest {

    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>(Map.of("changes", "200",
            "catalog-url", "http://localhost:8084"));

    @Test
    void defaultsUnlessGiven() {
        Options options = Options.parse(new String[] { "--changes=10" }, DEFAULTS);
        assertEquals(10, options.integer("changes", 1));
        assertEquals("http://localhost:8084", options.url("catalog-url"));
    }

    @Test
    void urlLosesItsTrailingSlash() {
        assertEquals("http://host:1", Options.parse(new String[] { "--catalog-url=http://host:1/" }, DEFAULTS)
                .url("catalog-url"));
    }

    @Test
    void unknownOrMalformedOptionsAreErrors() {
        var unknown = assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] { "--chnages=10" }, DEFAULTS));
        assertTrue(unknown.getMessage().contains("--changes"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] { "changes=10" }, DEFAULTS));
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] { "--changes" }, DEFAULTS));
    }

    @Test
    void numbersAreCheckedAgainstTheirMinimum() {
        assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] { "--changes=ten" }, DEFAULTS).integer("changes", 1));
        assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] { "--changes=0" }, DEFAULTS).integer("changes", 1));
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        assertTrue(Options.wantsHelp(new String[] { "--help" }));
        String help = Options.help(EventPropagation.DEFAULTS);
        assertTrue(help.contains("--changes=200"), help);
        assertTrue(help.contains("--concurrency=4"), help);
    }
}
