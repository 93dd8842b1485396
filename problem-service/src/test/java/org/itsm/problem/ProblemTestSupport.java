package org.itsm.problem;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.itsm.events.api.Roles;
import org.itsm.testing.TestTokens;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests as the demo roles, with tokens verified by the service like Keycloak's, and test data helpers. */
public final class ProblemTestSupport {

    private ProblemTestSupport() {
    }

    public static RequestSpecification asManager() {
        return as("pat", Roles.PROBLEM_MANAGER);
    }

    public static RequestSpecification asAgent() {
        return as("agent", Roles.AGENT);
    }

    public static RequestSpecification as(String user, String... roles) {
        return given().header("Authorization", TestTokens.bearer(user, roles)).contentType(ContentType.JSON);
    }

    public static String newProblemJson(String statement) {
        return """
                {"statement": "%s", "impact": 2, "urgency": 2, "category": "email"}
                """.formatted(statement);
    }

    /** Creates a problem as the problem manager; returns its id. */
    public static String createProblem(String statement) {
        return asManager().body(newProblemJson(statement)).post("/api/v1/problems").then().statusCode(201)
                .extract().path("id");
    }

    /** A number unlikely to clash between tests sharing one database. */
    public static String uniqueNumber(String prefix) {
        return prefix + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    }

    /** A new incident number that problem management has observed (as incident events would record it), NEW. */
    public static String observedIncident() {
        return observedIncident("NEW");
    }

    /** A new incident number in the observed-incident read model, in {@code state}. */
    public static String observedIncident(String state) {
        String number = uniqueNumber("INC");
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                    .flatMap(session -> session.createNativeQuery("""
                            insert into observed_incident (number, id, service_id, category, state, reported_at,
                                updated_at) values (?1, ?2, null, null, ?3, ?4, ?4)""")
                            .setParameter(1, number).setParameter(2, UUID.randomUUID()).setParameter(3, state)
                            .setParameter(4, Instant.now())
                            .executeUpdate())));
        } catch (Throwable failure) {
            throw new AssertionError("could not record the observed incident", failure);
        }
        return number;
    }
}
