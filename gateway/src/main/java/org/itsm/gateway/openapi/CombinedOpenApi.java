package org.itsm.gateway.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.gateway.problem.Problem;
import org.itsm.gateway.routing.Upstream;
import org.itsm.gateway.routing.Upstreams;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /openapi}: one OpenAPI document for the whole API, merged from the services' own documents fetched at
 * request time (so it is as current as they are) and the gateway's own operations ({@code openapi/gateway.json}). A service that cannot be reached is left out and named in the
 * description rather than failing the whole document.
 */
@ApplicationScoped
public class CombinedOpenApi {

    public static final String PATH = "/openapi";

    private static final JsonObject INFO = new JsonObject()
            .put("title", "ITSM platform API")
            .put("version", "v1")
            .put("description", "Every service's API behind the gateway, merged from the services' OpenAPI documents.");

    /** The operations the gateway serves itself (presence), merged first so that the services' settings win. */
    private static final JsonObject OWN = ownDocument();

    private final Upstreams upstreams;

    public CombinedOpenApi(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    private static JsonObject ownDocument() {
        try (InputStream in = CombinedOpenApi.class.getResourceAsStream("/openapi/gateway.json")) {
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Route handler. */
    public void handle(RoutingContext rc) {
        List<Upstream> services = List.copyOf(upstreams.all());
        List<Future<JsonObject>> documents = services.stream().map(this::document).toList();
        // Each fetch turns its failure into null, so waiting for all of them never fails.
        Future.join(documents).onComplete(done -> {
            Map<String, JsonObject> fetched = new LinkedHashMap<>();
            fetched.put("gateway", OWN.copy());
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < services.size(); i++) {
                JsonObject document = documents.get(i).result();
                if (document == null) {
                    missing.add(services.get(i).serviceName());
                } else {
                    fetched.put(services.get(i).name(), document);
                }
            }
            if (missing.size() == services.size()) {
                Problem.unavailable(String.join(", ", missing)).send(rc);
                return;
            }
            rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(OpenApiMerger.merge(INFO, fetched, missing).toBuffer());
        });
    }

    private Future<JsonObject> document(Upstream upstream) {
        return upstream.request(upstream.requestOptions().setURI("/q/openapi?format=json"))
                .compose(HttpClientRequest::send)
                .compose(response -> response.body().map(body -> response.statusCode() == 200 ? body.toJsonObject() : null))
                .otherwise(failure -> null);
    }
}
