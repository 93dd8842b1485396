package org.itsm.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Bearer tokens shaped like Keycloak's (realm roles in {@code realm_access.roles}, {@code preferred_username},
 * audience {@code itsm-api}), signed with a test-only key so service tests need no Keycloak. Services under
 * test verify them through {@code quarkus.oidc.public-key}, supplied by {@link ItsmTestInfrastructure}.
 */
public final class TestTokens {

    public static final String ISSUER = "https://itsm.test/realms/itsm";
    public static final String AUDIENCE = "itsm-api";

    private static final String PRIVATE_KEY = "test-tokens/private-key.pem";
    private static final String PUBLIC_KEY = "test-tokens/public-key.pem";
    private static final PrivateKey SIGNING_KEY = loadSigningKey();

    private TestTokens() {
    }

    /** {@code Authorization} header value for a user holding the given realm roles. */
    public static String bearer(String username, String... roles) {
        return "Bearer " + token(username, ISSUER, Duration.ofMinutes(5), roles);
    }

    public static String token(String username, String issuer, Duration lifetime, String... roles) {
        return Jwt.issuer(issuer)
                .subject("sub-" + username)
                .audience(AUDIENCE)
                .claim("preferred_username", username)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .expiresIn(lifetime)
                .jws().keyId("itsm-test")
                .sign(SIGNING_KEY);
    }

    /** The verification key, as the PEM body {@code quarkus.oidc.public-key} expects. */
    public static String publicKey() {
        return readResource(PUBLIC_KEY)
                .replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
    }

    private static PrivateKey loadSigningKey() {
        try {
            return KeyUtils.decodePrivateKey(readResource(PRIVATE_KEY));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Test signing key unreadable", e);
        }
    }

    private static String readResource(String name) {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
