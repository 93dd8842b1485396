package org.itsm.incident;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.itsm.events.api.Roles;
import org.itsm.testing.TestTokens;

import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import io.restassured.specification.RequestSpecification;

/** Requests as the demo roles, with tokens verified by the service like Keycloak's. */
public final class IncidentTestSupport {

    private static final PrivateKey SIGNING_KEY = signingKey();

    private IncidentTestSupport() {
    }

    public static RequestSpecification asAgent() {
        return as("agent", Roles.AGENT);
    }

    public static RequestSpecification asRequester(String name) {
        return as(name, Roles.REQUESTER);
    }

    public static RequestSpecification as(String user, String... roles) {
        return given().header("Authorization", TestTokens.bearer(user, roles)).contentType(ContentType.JSON);
    }

    /** As {@code user} with the roles, in the assignment groups (the token's assignment_groups claim, like Keycloak's). */
    public static RequestSpecification asMember(String user, List<String> groups, String... roles) {
        String token = Jwt.issuer(TestTokens.ISSUER)
                .subject("sub-" + user)
                .audience(TestTokens.AUDIENCE)
                .claim("preferred_username", user)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .claim("assignment_groups", groups)
                .expiresIn(Duration.ofMinutes(5))
                .jws().keyId("itsm-test")
                .sign(SIGNING_KEY);
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    private static PrivateKey signingKey() {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream("test-tokens/private-key.pem")) {
            return KeyUtils.decodePrivateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Test signing key unreadable", e);
        }
    }

    public static String newIncidentJson(String shortDescription, int impact, int urgency) {
        return """
                {"shortDescription": "%s", "impact": %d, "urgency": %d, "category": "email"}
                """.formatted(shortDescription, impact, urgency);
    }
}
