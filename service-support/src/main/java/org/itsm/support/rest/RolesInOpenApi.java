package org.itsm.support.rest;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Names, in each operation's security requirement, the realm roles its {@code @RolesAllowed} admits, so API clients
 * (and the end-to-end security matrix) can read from the document who may call what. The generated requirement
 * carries no roles for an OpenID Connect scheme. Needs {@code quarkus.smallrye-openapi.operation-id-strategy=
 * package-class-method} to find the resource method; the operation id is shortened to {@code Class_method} after.
 */
public class RolesInOpenApi implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        String scheme = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.smallrye-openapi.security-scheme-name", String.class).orElse("SecurityScheme");
        openAPI.getPaths().getPathItems().values()
                .forEach(item -> item.getOperations().values().forEach(operation -> document(operation, scheme)));
    }

    private static void document(Operation operation, String scheme) {
        String id = operation.getOperationId();
        int split = id == null ? -1 : id.lastIndexOf('_');
        if (split < 0) {
            return;
        }
        Optional<Class<?>> resource = load(id.substring(0, split));
        if (resource.isEmpty()) {
            return;
        }
        String methodName = id.substring(split + 1);
        Optional<Method> method = Arrays.stream(resource.get().getDeclaredMethods())
                .filter(candidate -> candidate.getName().equals(methodName)).findFirst();
        RolesAllowed roles = method.map(found -> found.getAnnotation(RolesAllowed.class))
                .orElse(resource.get().getAnnotation(RolesAllowed.class));
        if (roles != null) {
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement()
                    .addScheme(scheme, Arrays.stream(roles.value()).sorted().toList())));
        }
        operation.setOperationId(resource.get().getSimpleName() + "_" + methodName);
    }

    private static Optional<Class<?>> load(String className) {
        try {
            return Optional.of(Class.forName(className, false, Thread.currentThread().getContextClassLoader()));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }
}
