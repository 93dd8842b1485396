package org.itsm.incident.rest;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.itsm.events.api.Roles;
import org.itsm.testing.EndpointSecurity;
import org.itsm.testing.ItsmTestInfrastructure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every endpoint: 401 problem+json without a token, 403 problem+json for every role it does not admit. */
@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "incident"))
class IncidentSecurityTest {

    private static final Set<String> READERS = Set.of(Roles.REQUESTER, Roles.AGENT, Roles.ADMIN,
            Roles.PROBLEM_MANAGER, Roles.CHANGE_MANAGER);
    private static final Set<String> STAFF_READERS = Set.of(Roles.AGENT, Roles.ADMIN, Roles.PROBLEM_MANAGER,
            Roles.CHANGE_MANAGER);
    private static final Set<String> RAISERS = Set.of(Roles.REQUESTER, Roles.AGENT, Roles.ADMIN);
    private static final Set<String> WORKERS = Set.of(Roles.AGENT, Roles.ADMIN);

    static Stream<Arguments> endpoints() {
        String incident = "/api/v1/incidents/" + UUID.randomUUID();
        String template = "/api/v1/response-templates/" + UUID.randomUUID();
        String view = "/api/v1/saved-views/" + UUID.randomUUID();
        return Stream.of(
                Arguments.of("POST", "/api/v1/incidents", RAISERS),
                Arguments.of("GET", "/api/v1/incidents", READERS),
                Arguments.of("GET", "/api/v1/incidents/summary", STAFF_READERS),
                Arguments.of("GET", "/api/v1/incidents/assignment-groups", READERS),
                Arguments.of("GET", "/api/v1/response-templates", WORKERS),
                Arguments.of("POST", "/api/v1/response-templates", WORKERS),
                Arguments.of("GET", template, WORKERS),
                Arguments.of("PUT", template, WORKERS),
                Arguments.of("DELETE", template, WORKERS),
                Arguments.of("GET", "/api/v1/saved-views", STAFF_READERS),
                Arguments.of("POST", "/api/v1/saved-views", STAFF_READERS),
                Arguments.of("GET", view, STAFF_READERS),
                Arguments.of("PUT", view, STAFF_READERS),
                Arguments.of("DELETE", view, STAFF_READERS),
                Arguments.of("GET", incident, READERS),
                Arguments.of("PATCH", incident, WORKERS),
                Arguments.of("POST", incident + "/assign", WORKERS),
                Arguments.of("GET", incident + "/next-states", READERS),
                Arguments.of("POST", incident + "/start", WORKERS),
                Arguments.of("POST", incident + "/hold", WORKERS),
                Arguments.of("POST", incident + "/resume", WORKERS),
                Arguments.of("POST", incident + "/resolve", WORKERS),
                Arguments.of("POST", incident + "/reopen", RAISERS),
                Arguments.of("POST", incident + "/close", WORKERS),
                Arguments.of("POST", incident + "/cancel", WORKERS),
                Arguments.of("POST", "/api/v1/incidents/correlation/some-alert/resolve", WORKERS),
                Arguments.of("GET", incident + "/comments", READERS),
                Arguments.of("POST", incident + "/comments", RAISERS),
                Arguments.of("GET", incident + "/work-notes", STAFF_READERS),
                Arguments.of("POST", incident + "/work-notes", WORKERS),
                Arguments.of("GET", incident + "/history", READERS),
                Arguments.of("GET", incident + "/sla", READERS));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void withoutTokenIs401AndWithoutRoleIs403(String method, String path, Set<String> admitted) {
        EndpointSecurity.assertRefusedWithoutTokenOrRole(method, path, admitted);
    }
}
