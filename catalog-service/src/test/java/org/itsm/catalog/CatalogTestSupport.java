package org.itsm.catalog;

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
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/** Requests as the demo roles, with tokens verified by the service like Keycloak's. */
public final class CatalogTestSupport {

    private CatalogTestSupport() {
    }

    public static RequestSpecification asCatalogManager() {
        return as("catalog-manager", Roles.CATALOG_MANAGER);
    }

    public static RequestSpecification asAgent() {
        return as("agent", Roles.AGENT);
    }

    public static RequestSpecification as(String user, String... roles) {
        return given().header("Authorization", TestTokens.bearer(user, roles)).contentType(ContentType.JSON);
    }

    /** A requester whose Keycloak profile names a manager (the realm maps the attribute to the manager claim). */
    public static RequestSpecification asRequester(String user, String manager) {
        String token = Jwt.issuer(TestTokens.ISSUER)
                .subject("sub-" + user)
                .audience(TestTokens.AUDIENCE)
                .claim("preferred_username", user)
                .claim("manager", manager)
                .claim("realm_access", Map.of("roles", List.of(Roles.REQUESTER)))
                .expiresIn(Duration.ofMinutes(5))
                .jws().keyId("itsm-test")
                .sign(signingKey());
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    /** Creates a service and returns its id. */
    public static String createService(String name) {
        return asCatalogManager().body("{\"name\": \"%s\", \"type\": \"BUSINESS\", \"supportGroup\": \"messaging\", \"version\": \"1.0\"}"
                .formatted(name)).post("/api/v1/catalog/services").then().statusCode(201).extract().path("id");
    }

    public static String createLiveService(String name) {
        String id = createService(name);
        asCatalogManager().post("/api/v1/catalog/services/{id}/go-live", id).then().statusCode(200);
        return id;
    }

    public static String createOffering(String serviceId, String name) {
        return asCatalogManager().body("""
                {"name": "%s", "slaTargets": [{"priority": "P1", "responseMinutes": 15, "resolutionMinutes": 240}]}
                """.formatted(name)).post("/api/v1/catalog/services/{id}/offerings", serviceId).then().statusCode(201)
                .extract().path("id");
    }

    private static PrivateKey signingKey() {
        try (InputStream in = CatalogTestSupport.class.getClassLoader()
                .getResourceAsStream("test-tokens/private-key.pem")) {
            return KeyUtils.decodePrivateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Test signing key unreadable", e);
        }
    }
}
