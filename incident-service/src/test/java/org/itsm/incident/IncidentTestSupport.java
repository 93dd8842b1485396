package org.itsm.incident;

import static io.restassured.RestAssured.given;

import org.itsm.events.api.Roles;
import org.itsm.testing.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests as the demo roles, with tokens verified by the service like Keycloak's. */
public final class IncidentTestSupport {

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

    public static String newIncidentJson(String shortDescription, int impact, int urgency) {
        return """
                {"shortDescription": "%s", "impact": %d, "urgency": %d, "category": "email"}
                """.formatted(shortDescription, impact, urgency);
    }
}
