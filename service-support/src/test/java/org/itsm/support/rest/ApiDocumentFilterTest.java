package org.itsm.support.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

class ApiDocumentFilterTest {

    @RolesAllowed("itsm-agent")
    static class ThingResource {
        @RolesAllowed({ "itsm-requester", "itsm-agent" })
        public void get() {
        }

        public void resolve() {
        }
    }

    @Test
    void documentsRolesProblemAnswersAndTheServer() {
        Operation get = OASFactory.createOperation().operationId(ThingResource.class.getName() + "_get")
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse()
                        .description("The thing")))
                .addParameter(OASFactory.createParameter().name("id").in(Parameter.In.PATH));
        Operation resolve = OASFactory.createOperation().operationId(ThingResource.class.getName() + "_resolve")
                .requestBody(OASFactory.createRequestBody())
                .addParameter(OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER));
        OpenAPI document = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/api/v1/things/{id}", OASFactory.createPathItem().GET(get))
                .addPathItem("/api/v1/things/{id}/resolve", OASFactory.createPathItem().POST(resolve)));

        new ApiDocumentFilter().filterOpenAPI(document);

        assertEquals("/", document.getServers().get(0).getUrl());
        assertNotNull(document.getComponents().getSchemas().get("Problem"));
        assertEquals("ThingResource_get", get.getOperationId());
        assertEquals(List.of("itsm-agent", "itsm-requester"),
                get.getSecurity().get(0).getSchemes().values().iterator().next());
        assertEquals(List.of("itsm-agent"), resolve.getSecurity().get(0).getSchemes().values().iterator().next());

        // A read by id: no body, so no 400; no write, so no 409/412/422. Its own 200 is kept.
        assertEquals(List.of("200", "401", "403", "404", "503"), List.copyOf(get.getResponses().getAPIResponses().keySet()));
        assertEquals("The thing", get.getResponses().getAPIResponse("200").getDescription());
        // An action with a body and If-Match: every problem answer, each with the Problem schema.
        assertEquals(List.of("400", "401", "403", "404", "409", "412", "422", "503"),
                List.copyOf(resolve.getResponses().getAPIResponses().keySet()));
        assertEquals("#/components/schemas/Problem", resolve.getResponses().getAPIResponse("412").getContent()
                .getMediaType(ProblemDetail.MEDIA_TYPE).getSchema().getRef());
        assertNull(get.getResponses().getAPIResponse("409"));
    }
}
