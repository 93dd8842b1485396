package org.itsm.notification.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.itsm.notification.NotificationTestSupport.as;

import java.util.Set;

import org.itsm.events.api.Roles;
import org.itsm.notification.MailServerResource;
import org.itsm.testing.EndpointSecurity;
import org.itsm.testing.ItsmTestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The delivery log is for staff: requesters and CAB members (who are not staff by that role alone) are refused. */
@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(value = MailServerResource.class, scope = TestResourceScope.GLOBAL)
class NotificationSecurityTest {

    static final Set<String> STAFF = Set.of(Roles.AGENT, Roles.PROBLEM_MANAGER, Roles.CHANGE_MANAGER,
            Roles.CATALOG_MANAGER, Roles.ADMIN);

    @Test
    void theDeliveryLogRefusesNoTokenAndNonStaffRoles() {
        EndpointSecurity.assertRefusedWithoutTokenOrRole("GET", "/api/v1/notifications?record=INC0001001", STAFF);
    }

    @Test
    void everyStaffRoleReadsTheDeliveryLog() {
        for (String role : STAFF) {
            as("staff", role).get("/api/v1/notifications?record=INC0001001").then().statusCode(200);
        }
    }

    @Test
    void aMissingRecordIsA400NamingIt() {
        as("agent", Roles.AGENT).get("/api/v1/notifications").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo("record"));
    }

    @Test
    void aMalformedRecordIsA400NamingIt() {
        as("agent", Roles.AGENT).get("/api/v1/notifications?record=inc'1").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://itsm.dev/problems/validation"))
                .body("errors[0].field", equalTo("record"));
    }
}
