package org.itsm.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests through the gateway as a demo user, with a real Keycloak token. */
final class Api {

    private Api() {
    }

    static RequestSpecification as(String user) {
        return given().baseUri(PlatformExtension.gatewayUrl()).header("Authorization", Tokens.bearer(user))
                .contentType(ContentType.JSON);
    }

    /** A live business service with an offering (optionally with SLA targets JSON), created by the catalog manager. */
    static Service liveService(String name, String slaTargetsJson) {
        String id = as("catalog-manager").body("""
                {"name": "%s", "type": "BUSINESS", "supportGroup": "e2e", "version": "1.0"}""".formatted(name))
                .post("/api/v1/catalog/services").then().statusCode(201).extract().path("id");
        as("catalog-manager").post("/api/v1/catalog/services/{id}/go-live", id).then().statusCode(200);
        String offering = as("catalog-manager").body("""
                {"name": "%s Standard", "slaTargets": %s}""".formatted(name, slaTargetsJson))
                .post("/api/v1/catalog/services/{id}/offerings", id).then().statusCode(201).extract().path("id");
        return new Service(id, offering);
    }

    record Service(String id, String offeringId) {
    }
}
