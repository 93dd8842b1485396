package org.itsm.benchfloor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.itsm.events.api.Roles;
import org.itsm.testing.EndpointSecurity;
import org.itsm.testing.ItsmTestInfrastructure;
import org.itsm.testing.KafkaTopicReader;
import org.itsm.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "bench_floor"))
class FloorResourceTest {

    private static final String ITEMS = "/floor/items";

    @Test
    void anAgentsCreateWritesTheRowAndPublishesItsEvent() {
        String id = given().header("Authorization", TestTokens.bearer("agent", Roles.AGENT))
                .contentType("application/json").body("{\"title\": \"Floor item\"}")
                .post(ITEMS).then().statusCode(201)
                .header("Location", containsString(ITEMS + "/"))
                .body("createdBy", equalTo("agent")).extract().path("id");
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (KafkaTopicReader reader = new KafkaTopicReader(bootstrap, "itsm.bench.floor")) {
            ConsumerRecord<String, String> event = reader.await(record -> id.equals(record.key()), 1,
                    Duration.ofSeconds(30)).get(0);
            assertEquals("bench.floor.created", KafkaTopicReader.header(event, "ce_type"));
            assertEquals("Floor item", JsonPath.from(event.value()).getString("title"));
        }
    }

    @Test
    void onlyAgentsMayCreate() {
        EndpointSecurity.assertRefusedWithoutTokenOrRole("POST", ITEMS, Set.of(Roles.AGENT));
    }

    @Test
    void badBodiesAreRefusedNamingTheField() {
        given().header("Authorization", TestTokens.bearer("agent", Roles.AGENT)).contentType("application/json")
                .body("{\"title\": \" \"}").post(ITEMS).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(containsString("title")));
        given().header("Authorization", TestTokens.bearer("agent", Roles.AGENT)).contentType("application/json")
                .body("{\"title\": \"x\", \"priority\": 1}").post(ITEMS).then().statusCode(400)
                .contentType("application/problem+json");
    }
}
