package org.itsm.notification.domain;

import java.util.Optional;

/**
 * Many recipients named at once: the members of a Keycloak group, or the users holding a realm role. A delivery
 * planned for an audience carries it as its recipient ({@code group:network}, {@code role:itsm-cab-member}); the
 * dispatcher asks the directory for its members then and plans one delivery per member.
 */
public record Audience(Type type, String name) {

    public enum Type {
        GROUP("group:"), ROLE("role:");

        final String prefix;

        Type(String prefix) {
            this.prefix = prefix;
        }
    }

    public Audience {
        if (type == null || name == null || name.isBlank()) {
            throw new IllegalArgumentException("An audience needs a type and a name");
        }
    }

    public static Audience group(String name) {
        return new Audience(Type.GROUP, name);
    }

    public static Audience role(String name) {
        return new Audience(Type.ROLE, name);
    }

    /** How the audience is written as a delivery's recipient. */
    public String recipient() {
        return type.prefix + name;
    }

    /** The audience a delivery's recipient names; empty for a person (user names hold no colon in the realm). */
    public static Optional<Audience> of(String recipient) {
        for (Type type : Type.values()) {
            if (recipient != null && recipient.startsWith(type.prefix) && recipient.length() > type.prefix.length()) {
                return Optional.of(new Audience(type, recipient.substring(type.prefix.length())));
            }
        }
        return Optional.empty();
    }
}
