package org.itsm.notification.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.itsm.notification.config.NotificationConfig;
import org.itsm.notification.directory.KeycloakAdminApi.KeycloakUser;
import org.itsm.notification.domain.Audience;
import org.itsm.notification.domain.Languages;

import io.smallrye.mutiny.Uni;

/**
 * Recipients from Keycloak's admin REST API, through the service account of the confidential client
 * {@code itsm.notification.directory.client-id} (realm-management {@code view-users}, {@code query-groups},
 * {@code view-realm}): the user's {@code email}, their {@code locale} attribute (ko or en, else the default language)
 * and {@code zoneinfo} attribute (an IANA time zone, for the digest hour); an audience's members (a group's direct
 * members, or the users a realm role is granted to directly). Person lookups are cached ({@link PersonCache});
 * the service-account token is reused until shortly before it expires.
 */
@ApplicationScoped
public class KeycloakDirectory implements Directory {

    private static final Duration TOKEN_MARGIN = Duration.ofSeconds(30);
    /** The most members one audience is expanded to. */
    static final int MAX_MEMBERS = 1000;

    private record Token(String value, Instant expiresAt) {
    }

    private final KeycloakAdminApi keycloak;
    private final NotificationConfig config;
    private final Clock clock;
    private final PersonCache cache;
    private volatile Token token;

    public KeycloakDirectory(@RestClient KeycloakAdminApi keycloak, NotificationConfig config, Clock clock) {
        this.keycloak = keycloak;
        this.config = config;
        this.clock = clock;
        this.cache = new PersonCache(clock, config.directory().cacheTtl());
    }

    @Override
    public Uni<Optional<Person>> find(String username) {
        return cache.get(username, this::lookUp);
    }

    /** Not cached: a mail's sender is looked up once, when the mail is processed. */
    @Override
    public Uni<Optional<Account>> accountByEmail(String address) {
        String realm = config.directory().realm();
        return bearer().flatMap(bearer -> keycloak.usersByEmail(realm, address, true, true, bearer)
                .flatMap(users -> withRoles(realm, users.stream()
                        .filter(candidate -> address.equalsIgnoreCase(candidate.email())), bearer)));
    }

    /** Not cached: asked once per mail that depends on the recipient's roles. */
    @Override
    public Uni<Optional<Account>> account(String username) {
        String realm = config.directory().realm();
        return bearer().flatMap(bearer -> keycloak.users(realm, username, true, true, bearer)
                .flatMap(users -> withRoles(realm, users.stream()
                        .filter(candidate -> username.equalsIgnoreCase(candidate.username())), bearer)));
    }

    private Uni<Optional<Account>> withRoles(String realm, java.util.stream.Stream<KeycloakUser> candidates,
            String bearer) {
        Optional<KeycloakUser> user = candidates.filter(candidate -> candidate.enabled() == null || candidate.enabled())
                .findFirst();
        if (user.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return keycloak.realmRoles(realm, user.get().id(), bearer)
                .map(roles -> Optional.of(new Account(user.get().username(),
                        roles.stream().map(KeycloakAdminApi.KeycloakRole::name).toList())));
    }

    @Override
    public Uni<Optional<List<String>>> members(Audience audience) {
        String realm = config.directory().realm();
        return bearer().flatMap(bearer -> switch (audience.type()) {
            case GROUP -> keycloak.groups(realm, audience.name(), true, true, bearer).flatMap(groups -> {
                Optional<String> id = groups.stream().filter(group -> audience.name().equals(group.name()))
                        .map(KeycloakAdminApi.KeycloakGroup::id).findFirst();
                return id.isEmpty() ? Uni.createFrom().item(Optional.<List<String>>empty())
                        : keycloak.groupMembers(realm, id.get(), true, MAX_MEMBERS, bearer)
                                .map(users -> Optional.of(usernames(users)));
            });
            case ROLE -> keycloak.roleUsers(realm, audience.name(), true, MAX_MEMBERS, bearer)
                    .map(users -> Optional.of(usernames(users)))
                    .onFailure(KeycloakDirectory::notFound).recoverWithItem(Optional.empty());
        });
    }

    private static List<String> usernames(List<KeycloakUser> users) {
        return users.stream().filter(user -> user.enabled() == null || user.enabled()).map(KeycloakUser::username)
                .toList();
    }

    private static boolean notFound(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse().getStatus() == 404;
    }

    private Uni<Optional<Person>> lookUp(String username) {
        String realm = config.directory().realm();
        return bearer().flatMap(bearer -> keycloak.users(realm, username, true, false, bearer))
                .map(users -> first(users, username));
    }

    private Optional<Person> first(List<KeycloakUser> users, String username) {
        return users.stream()
                .filter(user -> username.equalsIgnoreCase(user.username()))
                .filter(user -> user.enabled() == null || user.enabled())
                .findFirst()
                .map(user -> new Person(user.username(), user.email(), languageOf(user), zoneOf(user)));
    }

    private String languageOf(KeycloakUser user) {
        String locale = user.attributes() == null || user.attributes().get("locale") == null
                || user.attributes().get("locale").isEmpty() ? null : user.attributes().get("locale").get(0);
        return Languages.supportedOr(locale == null ? null : locale.toLowerCase(Locale.ROOT),
                config.defaultLanguage());
    }

    private static ZoneId zoneOf(KeycloakUser user) {
        List<String> zone = user.attributes() == null ? null : user.attributes().get("zoneinfo");
        if (zone == null || zone.isEmpty() || zone.get(0) == null) {
            return null;
        }
        try {
            return ZoneId.of(zone.get(0));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private Uni<String> bearer() {
        Token current = token;
        if (current != null && clock.instant().isBefore(current.expiresAt())) {
            return Uni.createFrom().item("Bearer " + current.value());
        }
        NotificationConfig.DirectoryConfig directory = config.directory();
        return keycloak.token(directory.realm(), "client_credentials", directory.clientId(),
                directory.clientSecret().orElse(""))
                .map(response -> {
                    Instant expiresAt = clock.instant().plusSeconds(response.expiresIn()).minus(TOKEN_MARGIN);
                    token = new Token(response.accessToken(), expiresAt);
                    return "Bearer " + response.accessToken();
                });
    }
}
