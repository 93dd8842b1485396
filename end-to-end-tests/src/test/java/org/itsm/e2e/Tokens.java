package org.itsm.e2e;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.itsm.devstack.DevStack;

/** Real tokens from the running Keycloak, for the demo users (password = user name), reused while fresh. */
public final class Tokens {

    /** Keycloak's access tokens of realm itsm live five minutes; a cached one is dropped well before. */
    private static final Duration REUSE_FOR = Duration.ofMinutes(3);
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private record Cached(String bearer, Instant fetchedAt) {
    }

    private Tokens() {
    }

    public static String bearer(String user) {
        Cached cached = CACHE.compute(user, (name, old) -> old != null
                && old.fetchedAt().plus(REUSE_FOR).isAfter(Instant.now()) ? old : new Cached(fetch(name), Instant.now()));
        return cached.bearer();
    }

    /** A token of realm {@code realm} from client {@code clientId} by password grant. */
    public static String fetch(String realm, String clientId, String user, String password) {
        String token = given().formParam("client_id", clientId).formParam("grant_type", "password")
                .formParam("username", user).formParam("password", password)
                .post(PlatformExtension.stack().keycloak().issuer(realm) + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        return "Bearer " + token;
    }

    private static String fetch(String user) {
        return fetch(DevStack.REALM, "itsm-cli", user, user);
    }
}
