package org.itsm.support.rest;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.itsm.events.api.ProblemType;

/**
 * Completes each service's OpenAPI document with what annotations cannot say once for all operations:
 * <ul>
 * <li>the realm roles each operation's {@code @RolesAllowed} admits, in its security requirement (the generated
 * requirement carries none for an OpenID Connect scheme), so clients and the end-to-end security matrix can read
 * who may call what;</li>
 * <li>the problem+json answers an operation can give (400, 401, 403, 404, 409, 412, 422, 503), each with the
 * {@code Problem} schema and the catalogue's types, unless the operation documents that status itself;</li>
 * <li>the server, as the relative URL {@code /}: the document is read through the gateway ({@code /openapi/...}),
 * so its paths resolve against the gateway's origin wherever it is deployed, and against the service itself when
 * read from the service directly (the filter runs at build time, so no deployment URL could be baked in).</li>
 * </ul>
 * Needs {@code quarkus.smallrye-openapi.operation-id-strategy=package-class-method} to find the resource method;
 * the operation id is shortened to {@code Class_method} after.
 */
public class ApiDocumentFilter implements OASFilter {

    static final String PROBLEM_SCHEMA = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM_SCHEMA;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.setServers(List.of(OASFactory.createServer().url("/")
                .description("The origin this document was read from: the API gateway, or the service itself")));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(PROBLEM_SCHEMA, problemSchema());
        String scheme = ConfigProvider.getConfig().getOptionalValue("quarkus.smallrye-openapi.security-scheme-name", String.class)
                .orElse("SecurityScheme");
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> {
                    boolean secured = documentRoles(operation, scheme);
                    documentProblems(path, method, operation, secured);
                }));
    }

    /** Writes the admitted roles into the security requirement; true when the operation needs a token. */
    private static boolean documentRoles(Operation operation, String scheme) {
        String id = operation.getOperationId();
        int split = id == null ? -1 : id.lastIndexOf('_');
        if (split < 0) {
            return operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        }
        Optional<Class<?>> resource = load(id.substring(0, split));
        if (resource.isEmpty()) {
            return operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        }
        String methodName = id.substring(split + 1);
        Optional<Method> method = Arrays.stream(resource.get().getDeclaredMethods())
                .filter(candidate -> candidate.getName().equals(methodName)).findFirst();
        RolesAllowed roles = method.map(found -> found.getAnnotation(RolesAllowed.class))
                .orElse(resource.get().getAnnotation(RolesAllowed.class));
        boolean open = method.map(found -> found.isAnnotationPresent(PermitAll.class)).orElse(false);
        if (roles != null && !open) {
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement()
                    .addScheme(scheme, Arrays.stream(roles.value()).sorted().toList())));
        }
        operation.setOperationId(resource.get().getSimpleName() + "_" + methodName);
        return roles != null && !open;
    }

    private static void documentProblems(String path, PathItem.HttpMethod method, Operation operation,
            boolean secured) {
        boolean writes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD
                && method != PathItem.HttpMethod.OPTIONS;
        boolean hasInput = operation.getRequestBody() != null || (operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> p.getIn() != Parameter.In.PATH));
        boolean addressesRecord = path.contains("{");
        boolean ifMatch = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()));

        Map<String, String> answers = new LinkedHashMap<>();
        if (hasInput) {
            answers.put("400", "The request is malformed or names unknown or invalid fields ("
                    + ProblemType.VALIDATION.uri() + ", " + ProblemType.BAD_REQUEST.uri() + ")");
        }
        if (secured) {
            answers.put("401", "No valid bearer token (" + ProblemType.UNAUTHORIZED.uri() + ")");
            answers.put("403", "The caller's roles or a rule of the practice refuse it ("
                    + ProblemType.FORBIDDEN.uri() + ")");
        }
        if (addressesRecord) {
            answers.put("404", "No such record, or one the caller may not see (" + ProblemType.NOT_FOUND.uri() + ")");
        }
        if (writes) {
            answers.put("409", "The move is not allowed now or conflicts with the record's state ("
                    + ProblemType.ILLEGAL_MOVE.uri() + ", " + ProblemType.CONFLICT.uri() + ")");
        }
        if (ifMatch) {
            answers.put("412", "If-Match named a stale version (" + ProblemType.STALE_VERSION.uri() + ")");
        }
        if (writes) {
            answers.put("422", "The fields break a rule of the practice (" + ProblemType.UNPROCESSABLE.uri() + ", "
                    + ProblemType.REQUIREMENTS_UNMET.uri() + ")");
        }
        answers.put("503", "The service cannot reach its database; retry after Retry-After ("
                + ProblemType.DATABASE_UNAVAILABLE.uri() + ")");

        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        answers.forEach((status, description) -> {
            if (responses.getAPIResponse(status) == null) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                        .content(OASFactory.createContent().addMediaType(ProblemDetail.MEDIA_TYPE,
                                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)))));
            }
        });
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The offending field, as the client sent it (e.g. slaTargets[0].priority)"))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("What is wrong, in English (for integrators)"))
                .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("Stable code of the error, for clients that translate it: required, too_long,"
                                + " too_short, pattern, min, max, enum, type, unknown_field, format, invalid, or a JSON"
                                + " Schema keyword of a catalog item's form; absent for a rule of the practice"
                                + " (then the message explains it)")
                        .example("too_long"))
                .addProperty("params", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                        .additionalPropertiesBoolean(Boolean.TRUE)
                        .description("The code's parameters, e.g. {\"max\": 120} for too_long, {\"allowed\": [...]}"
                                + " for enum, {\"expected\": \"integer\"} for type, {\"format\": \"uuid\"} for format"))
                .required(List.of("field", "message"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details. `type` is one of the catalogue in docs/problem-types.md.")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                        .enumeration(Arrays.stream(ProblemType.values()).map(t -> (Object) t.uri().toString())
                                .toList()))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text)
                .addProperty("instance", text)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError)
                        .description("The offending fields of a validation or rule error"))
                .addProperty("allowedMoves", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(text)
                        .description("For an illegal move: the moves allowed now"))
                .required(List.of("type", "title", "status"))
                .example(Map.of("type", ProblemType.ILLEGAL_MOVE.uri().toString(), "title", "Move not allowed",
                        "status", 409, "detail", "Cannot resolve from state NEW; allowed now: start, cancel",
                        "allowedMoves", List.of("start", "cancel")));
    }

    private static Optional<Class<?>> load(String className) {
        try {
            return Optional.of(Class.forName(className, false, Thread.currentThread().getContextClassLoader()));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }
}
