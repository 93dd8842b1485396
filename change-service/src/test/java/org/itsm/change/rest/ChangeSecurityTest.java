package org.itsm.change.rest;

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
        initArgs = @ResourceArg(name = "database", value = "change"))
class ChangeSecurityTest {

    private static final Set<String> EVERYONE = Set.copyOf(Roles.ALL);
    private static final Set<String> STAFF = Set.of(Roles.AGENT, Roles.PROBLEM_MANAGER, Roles.CHANGE_MANAGER,
            Roles.CAB_MEMBER, Roles.CATALOG_MANAGER, Roles.ADMIN);
    private static final Set<String> RAISERS = Set.of(Roles.REQUESTER, Roles.AGENT, Roles.CHANGE_MANAGER,
            Roles.PROBLEM_MANAGER, Roles.ADMIN);
    private static final Set<String> MANAGERS = Set.of(Roles.CHANGE_MANAGER, Roles.ADMIN);
    private static final Set<String> IMPLEMENTERS = Set.of(Roles.AGENT, Roles.CHANGE_MANAGER, Roles.ADMIN);
    private static final Set<String> VOTERS = Set.of(Roles.CHANGE_MANAGER, Roles.CAB_MEMBER, Roles.ADMIN);
    private static final Set<String> TEMPLATE_KEEPERS = Set.of(Roles.CHANGE_MANAGER, Roles.CATALOG_MANAGER,
            Roles.ADMIN);

    static Stream<Arguments> endpoints() {
        String change = "/api/v1/changes/" + UUID.randomUUID();
        return Stream.of(
                Arguments.of("POST", "/api/v1/changes", RAISERS),
                Arguments.of("GET", "/api/v1/changes", EVERYONE),
                Arguments.of("GET", "/api/v1/changes/summary", STAFF),
                Arguments.of("GET", "/api/v1/changes/schedule", STAFF),
                Arguments.of("GET", "/api/v1/changes/templates", EVERYONE),
                Arguments.of("POST", "/api/v1/changes/templates", TEMPLATE_KEEPERS),
                Arguments.of("GET", "/api/v1/changes/templates/" + UUID.randomUUID(), EVERYONE),
                Arguments.of("GET", change, EVERYONE),
                Arguments.of("PATCH", change, RAISERS),
                Arguments.of("GET", change + "/next-states", EVERYONE),
                Arguments.of("POST", change + "/submit", RAISERS),
                Arguments.of("POST", change + "/assess", MANAGERS),
                Arguments.of("POST", change + "/schedule", MANAGERS),
                Arguments.of("POST", change + "/implement", IMPLEMENTERS),
                Arguments.of("POST", change + "/review", IMPLEMENTERS),
                Arguments.of("POST", change + "/close", MANAGERS),
                Arguments.of("POST", change + "/cancel", RAISERS),
                Arguments.of("POST", change + "/conflict-override", MANAGERS),
                Arguments.of("GET", change + "/approvals", EVERYONE),
                Arguments.of("POST", change + "/approvals", VOTERS),
                Arguments.of("GET", change + "/conflicts", EVERYONE),
                Arguments.of("GET", change + "/first-available-window", EVERYONE),
                Arguments.of("GET", change + "/history", EVERYONE));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void withoutTokenIs401AndWithoutRoleIs403(String method, String path, Set<String> admitted) {
        EndpointSecurity.assertRefusedWithoutTokenOrRole(method, path, admitted);
    }
}
