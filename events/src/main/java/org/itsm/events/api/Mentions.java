package org.itsm.events.api;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code @username} mentions of a comment or note: an {@code @} at the start or after a character that cannot
 * belong to a word or an address (so {@code anna@example.org} mentions nobody), then a user name of letters, digits,
 * {@code .}, {@code _} and {@code -} starting with a letter or digit; a trailing {@code .} or {@code -} is punctuation,
 * not part of the name. Names are lower-cased (Keycloak's user names are), each once, in order of appearance, at
 * most {@link #MAX} of them.
 */
public final class Mentions {

    /** The most people one text may mention. */
    public static final int MAX = 20;

    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}._%+-])@([\\p{L}\\p{N}][\\p{L}\\p{N}._-]*)");

    private Mentions() {
    }

    public static List<String> in(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = MENTION.matcher(text);
        while (matcher.find() && names.size() < MAX) {
            String name = matcher.group(1).replaceAll("[.-]+$", "");
            if (!name.isEmpty()) {
                names.add(name.toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(names);
    }
}
