package org.itsm.change.repository;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.itsm.change.ChangeTestSupport.LOW_RISK;
import static org.itsm.change.ChangeTestSupport.asManager;
import static org.itsm.change.ChangeTestSupport.create;
import static org.itsm.change.ChangeTestSupport.freshDay;
import static org.itsm.change.ChangeTestSupport.liveService;
import static org.itsm.change.ChangeTestSupport.normalChange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.itsm.testing.ItsmTestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Lists of ids are JSON arrays (JsonColumn.UuidList); rows written before as comma-separated text are converted by
 * the migration V3 and then read, filtered and counted like new ones.
 */
@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "change"))
class StoredIdListsTest {

    private static final String MIGRATION = "db/migration/V3__uuid_lists_as_json.sql";

    @Inject
    DataSource dataSource;

    @Test
    void aChangeStoredWithCommaSeparatedIdsIsReadFilteredAndCountedAfterTheMigration() throws Exception {
        UUID service = liveService("Legacy lists");
        UUID gone = UUID.randomUUID();
        UUID legacy = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into change_request (id, number, version, type, state, title, affected_service_ids,
                        affected_offering_ids, requester, approval_status, approval_round, outcome, created_at,
                        updated_at)
                    values (?, ?, 0, 'NORMAL', 'CLOSED', 'Legacy failed change', ?, '', 'legacy', 'APPROVED', 1,
                        'FAILED', now(), now())""")) {
                insert.setObject(1, legacy);
                insert.setString(2, "LEGACY-" + legacy);
                insert.setString(3, service + "," + gone);
                insert.executeUpdate();
            }
            migrate(connection);
        }

        asManager().get("/api/v1/changes/{id}", legacy).then().statusCode(200)
                .body("affectedServiceIds", contains(service.toString(), gone.toString()))
                .body("affectedOfferingIds", empty());
        asManager().queryParam("serviceId", service.toString()).get("/api/v1/changes").then().statusCode(200)
                .body("items.number", hasItem("LEGACY-" + legacy));

        // the failed legacy change counts in the risk of a new change on the same service
        String id = create(asManager(), normalChange("After the legacy failure", service, freshDay(), 60));
        asManager().post("/api/v1/changes/{id}/submit", id).then().statusCode(200);
        asManager().body(LOW_RISK).post("/api/v1/changes/{id}/assess", id).then().statusCode(200)
                .body("risk.reasons", hasItem(containsString("1 past failed change(s)")));
    }

    /** The migration as shipped; it leaves rows already in JSON alone, so running it again is safe. */
    private static void migrate(Connection connection) throws IOException, SQLException {
        try (InputStream sql = StoredIdListsTest.class.getClassLoader().getResourceAsStream(MIGRATION);
                Statement statement = connection.createStatement()) {
            statement.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
