package org.itsm.catalog.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.itsm.catalog.CatalogTestSupport.as;
import static org.itsm.catalog.CatalogTestSupport.asAgent;
import static org.itsm.catalog.CatalogTestSupport.asCatalogManager;
import static org.itsm.catalog.CatalogTestSupport.asRequester;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.itsm.events.EventTypes;
import org.itsm.events.Topics;
import org.itsm.events.api.Roles;
import org.itsm.testing.ItsmTestInfrastructure;
import org.itsm.testing.KafkaTopicReader;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The task list across requests ({@code GET /tasks}) and the task events on the catalog topic. */
@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "catalog"))
class TaskListTest {

    @Test
    void tasksAreListedWithTheirRequestAndFilteredByStateGroupAssigneeAndRequest() {
        String item = RequestResourceTest.publishedItem("NONE", null);
        var submitted = asRequester("tara", "mike").body(order(item)).post("/api/v1/requests").then().statusCode(201)
                .extract();
        String request = submitted.path("id");
        String number = submitted.path("number");

        String task = asAgent().get("/api/v1/tasks?request={id}", request).then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].requestId", equalTo(request))
                .body("items[0].requestNumber", equalTo(number))
                .body("items[0].itemName", equalTo("Laptop"))
                .body("items[0].requester", equalTo("tara"))
                .body("items[0].requestState", equalTo("APPROVED"))
                .body("items[0].title", equalTo("Fulfil Laptop"))
                .body("items[0].assignmentGroup", equalTo("desktop"))
                .body("items[0].state", equalTo("OPEN"))
                .body("items[0].allowedActions", contains("start"))
                .extract().path("items[0].id");
        asCatalogManager().get("/api/v1/tasks?request={number}", number).then().statusCode(200)
                .body("items.id", contains(task))
                // a catalog manager sees the queue but does not work tasks
                .body("items[0].allowedActions", empty());
        asAgent().get("/api/v1/tasks?assignee=none&open=true&size=100&sort=-createdAt").then().statusCode(200)
                .body("items.id", hasItem(task)).body("items.assignee", everyItem(equalTo(null)));

        asAgent().post("/api/v1/requests/{id}/tasks/{task}/start", request, task).then().statusCode(200);
        asAgent().get("/api/v1/tasks?assignee=me&request={id}", request).then().statusCode(200)
                .body("items.id", contains(task)).body("items[0].assignee", equalTo("agent"))
                .body("items[0].requestState", equalTo("IN_FULFILMENT"));
        asAgent().get("/api/v1/tasks?assignee=agent&state=IN_PROGRESS&assignmentGroup=desktop&request={id}", request)
                .then().statusCode(200).body("items.id", contains(task));
        as("agent2", Roles.AGENT).get("/api/v1/tasks?assignee=me&request={id}", request).then().statusCode(200)
                .body("total", equalTo(0));
        asAgent().get("/api/v1/tasks?assignee=none&request={id}", request).then().body("total", equalTo(0));
        asAgent().get("/api/v1/tasks?state=OPEN&request={id}", request).then().body("total", equalTo(0));
        asAgent().get("/api/v1/tasks?assignmentGroup=network&request={id}", request).then().body("total", equalTo(0));

        asAgent().post("/api/v1/requests/{id}/tasks/{task}/complete", request, task).then().statusCode(200);
        asAgent().get("/api/v1/tasks?open=true&request={id}", request).then().body("total", equalTo(0));
        asAgent().get("/api/v1/tasks?open=false&request={id}", request).then().body("items.state", contains("DONE"));
        asAgent().get("/api/v1/tasks?open=true&size=100").then().body("items.id", not(hasItem(task)));

        try (KafkaTopicReader reader = new KafkaTopicReader(bootstrap(), Topics.CATALOG)) {
            for (String type : List.of(EventTypes.CATALOG_REQUEST_TASK_CREATED, EventTypes.CATALOG_REQUEST_TASK_STARTED,
                    EventTypes.CATALOG_REQUEST_TASK_COMPLETED)) {
                ConsumerRecord<String, String> event = reader.await(r -> request.equals(r.key())
                        && type.equals(KafkaTopicReader.header(r, "ce_type")), 1, Duration.ofSeconds(15)).get(0);
                assertEquals(number, KafkaTopicReader.header(event, "ce_subject"), type);
                JsonPath data = JsonPath.from(event.value());
                assertEquals(task, data.getString("id"), type);
                assertEquals(number, data.getString("number"), type);
                assertEquals("tara", data.getString("requester"), type);
                assertEquals("Fulfil Laptop", data.getString("title"), type);
            }
            // each once, in the order they happened, after the request's approval
            List<String> types = reader.drain(Duration.ofSeconds(1)).stream().filter(r -> request.equals(r.key()))
                    .map(r -> KafkaTopicReader.header(r, "ce_type")).toList();
            assertEquals(List.of(EventTypes.CATALOG_REQUEST_SUBMITTED, EventTypes.CATALOG_REQUEST_APPROVED,
                    EventTypes.CATALOG_REQUEST_TASK_CREATED, EventTypes.CATALOG_REQUEST_TASK_STARTED,
                    EventTypes.CATALOG_REQUEST_TASK_COMPLETED, EventTypes.CATALOG_REQUEST_FULFILLED), types);
        }
    }

    @Test
    void anAddedTaskIsPublishedAndListed() {
        String item = RequestResourceTest.publishedItem("NONE", null);
        String request = asRequester("tara", "mike").body(order(item)).post("/api/v1/requests").then()
                .statusCode(201).extract().path("id");
        String added = asAgent().body("{\"title\": \"Install VPN\", \"assignmentGroup\": \"network\"}")
                .post("/api/v1/requests/{id}/tasks", request).then().statusCode(201).extract().path("id");
        asAgent().get("/api/v1/tasks?assignmentGroup=network&request={id}", request).then().statusCode(200)
                .body("items.id", contains(added)).body("items[0].requester", equalTo("tara"));
        try (KafkaTopicReader reader = new KafkaTopicReader(bootstrap(), Topics.CATALOG)) {
            reader.await(r -> request.equals(r.key())
                    && EventTypes.CATALOG_REQUEST_TASK_CREATED.equals(KafkaTopicReader.header(r, "ce_type"))
                    && added.equals(JsonPath.from(r.value()).getString("id")), 1, Duration.ofSeconds(15));
        }
    }

    @Test
    void badFiltersAre400NamingTheParameter() {
        asAgent().get("/api/v1/tasks?state=SOMETIME").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("state"));
        asAgent().get("/api/v1/tasks?request=not-a-request").then().statusCode(400)
                .body("errors[0].field", equalTo("request"));
        asAgent().get("/api/v1/tasks?open=maybe").then().statusCode(400).body("errors[0].field", equalTo("open"));
        asAgent().get("/api/v1/tasks?sort=title").then().statusCode(400).body("errors[0].field", equalTo("sort"));
        asAgent().get("/api/v1/tasks?size=0").then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void requestersDoNotSeeTheTaskList() {
        asRequester("tara", "mike").get("/api/v1/tasks").then().statusCode(403)
                .contentType("application/problem+json");
    }

    private static String order(String item) {
        return "{\"itemId\": \"%s\", \"fields\": {\"model\": \"13-inch\", \"costCentre\": \"CC1234\"}}".formatted(item);
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
