package org.itsm.catalog.rest;

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
        initArgs = @ResourceArg(name = "database", value = "catalog"))
class CatalogSecurityTest {

    /** A token with no platform role at all is refused everywhere. */
    private static final String NO_ROLE = "offline_access";
    private static final Set<String> EVERYONE = Set.of(Roles.REQUESTER, Roles.AGENT, Roles.PROBLEM_MANAGER,
            Roles.CHANGE_MANAGER, Roles.CAB_MEMBER, Roles.CATALOG_MANAGER, Roles.ADMIN);
    private static final Set<String> STAFF = Set.of(Roles.AGENT, Roles.PROBLEM_MANAGER, Roles.CHANGE_MANAGER,
            Roles.CAB_MEMBER, Roles.CATALOG_MANAGER, Roles.ADMIN);
    private static final Set<String> CATALOG_MANAGERS = Set.of(Roles.CATALOG_MANAGER, Roles.ADMIN);
    private static final Set<String> ITEM_READERS = Set.of(Roles.REQUESTER, Roles.AGENT, Roles.CATALOG_MANAGER,
            Roles.ADMIN);
    private static final Set<String> ITEM_HISTORY = Set.of(Roles.AGENT, Roles.CATALOG_MANAGER, Roles.ADMIN);
    private static final Set<String> ORDERERS = Set.of(Roles.REQUESTER, Roles.AGENT, Roles.ADMIN);
    private static final Set<String> FULFILLERS = Set.of(Roles.AGENT, Roles.ADMIN);

    static Stream<Arguments> endpoints() {
        String service = "/api/v1/catalog/services/" + UUID.randomUUID();
        String offering = service + "/offerings/" + UUID.randomUUID();
        String item = "/api/v1/catalog/items/" + UUID.randomUUID();
        String request = "/api/v1/requests/" + UUID.randomUUID();
        String task = request + "/tasks/" + UUID.randomUUID();
        return Stream.of(
                Arguments.of("POST", "/api/v1/catalog/services", CATALOG_MANAGERS),
                Arguments.of("GET", "/api/v1/catalog/services", EVERYONE),
                Arguments.of("GET", service, EVERYONE),
                Arguments.of("PATCH", service, CATALOG_MANAGERS),
                Arguments.of("POST", service + "/go-live", CATALOG_MANAGERS),
                Arguments.of("POST", service + "/retire", CATALOG_MANAGERS),
                Arguments.of("GET", service + "/impact", EVERYONE),
                Arguments.of("GET", service + "/history", STAFF),
                Arguments.of("POST", service + "/offerings", CATALOG_MANAGERS),
                Arguments.of("GET", service + "/offerings", EVERYONE),
                Arguments.of("GET", offering, EVERYONE),
                Arguments.of("PATCH", offering, CATALOG_MANAGERS),
                Arguments.of("POST", offering + "/retire", CATALOG_MANAGERS),
                Arguments.of("GET", offering + "/history", STAFF),
                Arguments.of("POST", "/api/v1/catalog/items", CATALOG_MANAGERS),
                Arguments.of("GET", "/api/v1/catalog/items", ITEM_READERS),
                Arguments.of("GET", item, ITEM_READERS),
                Arguments.of("PATCH", item, CATALOG_MANAGERS),
                Arguments.of("POST", item + "/publish", CATALOG_MANAGERS),
                Arguments.of("POST", item + "/unpublish", CATALOG_MANAGERS),
                Arguments.of("GET", item + "/history", ITEM_HISTORY),
                Arguments.of("POST", "/api/v1/requests", ORDERERS),
                Arguments.of("GET", "/api/v1/requests", ITEM_READERS),
                Arguments.of("GET", "/api/v1/requests/summary", ITEM_HISTORY),
                Arguments.of("GET", "/api/v1/requests/approvals", EVERYONE),
                Arguments.of("GET", request, ITEM_READERS),
                Arguments.of("POST", request + "/approve", EVERYONE),
                Arguments.of("POST", request + "/reject", EVERYONE),
                Arguments.of("POST", request + "/cancel", ORDERERS),
                Arguments.of("POST", request + "/close", ORDERERS),
                Arguments.of("GET", request + "/tasks", ITEM_READERS),
                Arguments.of("POST", request + "/tasks", FULFILLERS),
                Arguments.of("POST", task + "/start", FULFILLERS),
                Arguments.of("POST", task + "/complete", FULFILLERS),
                Arguments.of("GET", request + "/history", ITEM_READERS),
                Arguments.of("GET", "/api/v1/tasks", ITEM_HISTORY));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void withoutTokenIs401AndWithoutRoleIs403(String method, String path, Set<String> admitted) {
        EndpointSecurity.assertRefusedWithoutTokenOrRole(method, path, admitted);
    }
}
