package org.itsm.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * REST calls as the realm's demo users (password = user name) with the JDK's HTTP client; tokens come from
 * Keycloak by password grant on the public client {@code itsm-cli} and are renewed before they expire.
 */
final class PlatformClient {

    /** One call's answer with the moments (System.nanoTime) the request left and the answer arrived. */
    record Answer(int status, String body, long sentNanos, long receivedNanos) {

        boolean ok() {
            return status / 100 == 2;
        }
    }

    private record Token(String value, long renewAfterNanos) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI tokenUri;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    PlatformClient(String keycloakUrl) {
        this.tokenUri = URI.create(keycloakUrl + "/realms/itsm/protocol/openid-connect/token");
    }

    JsonNode json(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + abbreviate(text), e);
        }
    }

    String token(String user) {
        return tokens.compute(user, (name, current) -> current != null && System.nanoTime() < current.renewAfterNanos()
                ? current : fetchToken(name)).value();
    }

    private Token fetchToken(String user) {
        String form = "grant_type=password&client_id=itsm-cli&username=" + encode(user) + "&password=" + encode(user);
        HttpRequest request = HttpRequest.newBuilder(tokenUri).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        long asked = System.nanoTime();
        Answer answer = exchange(request);
        if (!answer.ok()) {
            throw new IllegalStateException("Keycloak refused a token for " + user + " (" + answer.status() + "): "
                    + abbreviate(answer.body()));
        }
        JsonNode token = json(answer.body());
        long lifetimeSeconds = token.path("expires_in").asLong(60);
        // renewed when a third of its life is left, so a long run never sends an expired token
        return new Token(token.path("access_token").asText(), asked + Duration.ofSeconds(lifetimeSeconds * 2 / 3).toNanos());
    }

    Answer get(String user, String url) {
        return exchange(request(user, url).GET().build());
    }

    Answer post(String user, String url, String body) {
        return exchange(request(user, url).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** A POST that must answer 2xx; its JSON body. */
    JsonNode postOk(String user, String url, String body) {
        Answer answer = post(user, url, body);
        if (!answer.ok()) {
            throw new IllegalStateException("POST " + url + " as " + user + " answered " + answer.status() + ": "
                    + abbreviate(answer.body()));
        }
        return answer.body().isEmpty() ? json.nullNode() : json(answer.body());
    }

    private HttpRequest.Builder request(String user, String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token(user))
                .header("Accept", "application/json");
    }

    private Answer exchange(HttpRequest request) {
        long sent = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), sent, System.nanoTime());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }
}
