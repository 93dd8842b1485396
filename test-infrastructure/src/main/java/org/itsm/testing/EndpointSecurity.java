package org.itsm.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Set;

import org.itsm.events.api.Roles;

/** The per-endpoint security check every service runs: 401 without a token, 403 for each role not admitted. */
public final class EndpointSecurity {

    private EndpointSecurity() {
    }

    public static void assertRefusedWithoutTokenOrRole(String method, String path, Set<String> admitted) {
        given().contentType("application/json").body("{}").request(method, path).then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
        for (String role : Roles.ALL) {
            if (!admitted.contains(role)) {
                given().header("Authorization", TestTokens.bearer("someone", role)).contentType("application/json")
                        .body("{}").request(method, path).then().statusCode(403)
                        .contentType("application/problem+json").body("status", equalTo(403));
            }
        }
    }
}
