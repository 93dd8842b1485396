package org.itsm.devstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The agent console as it is deployed: a static site of its own origin serving the built single-page app
 * ({@code console/dist}), every unknown path answered with {@code index.html} (client-side routes), and
 * {@code /config.json} — the gateway and Keycloak URLs, realm and client id — written at run time, never baked
 * into the bundle. JDK HTTP server only; run in-process (tests) or as its own process ({@link #main}).
 */
public final class ConsoleServer implements AutoCloseable {

    /** Runtime configuration of the console, served as {@code /config.json}. */
    public record Config(String gatewayUrl, String keycloakUrl, String realm, String clientId) {
        String toJson() {
            return "{\"gatewayUrl\":" + quote(gatewayUrl) + ",\"keycloakUrl\":" + quote(keycloakUrl) + ",\"realm\":"
                    + quote(realm) + ",\"clientId\":" + quote(clientId) + "}";
        }

        private static String quote(String value) {
            return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"), Map.entry("woff2", "font/woff2"), Map.entry("txt", "text/plain"),
            Map.entry("map", "application/json"));

    private final HttpServer server;
    private final Path root;
    private final byte[] configJson;

    private ConsoleServer(Path root, int port, Config config) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        if (!Files.isRegularFile(this.root.resolve("index.html"))) {
            throw new IllegalStateException(this.root + " has no index.html: build the console first"
                    + " (cd console && npm ci && npm run build)");
        }
        this.configJson = config.toJson().getBytes(StandardCharsets.UTF_8);
        this.server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
    }

    /** Serves {@code root} on {@code port} (0: any free port) until {@link #close()}. */
    public static ConsoleServer start(Path root, int port, Config config) {
        try {
            ConsoleServer console = new ConsoleServer(root, port, config);
            console.server.start();
            return console;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://localhost:" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String path = URI.create(exchange.getRequestURI().getRawPath()).normalize().getPath();
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            if (path.equals("/config.json")) {
                send(exchange, 200, "application/json", "no-store", configJson);
                return;
            }
            if (path.equals("/health")) {
                send(exchange, 200, "text/plain", "no-store", "ok".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Path file = root.resolve(path.substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                if (path.startsWith("/assets/") || path.contains(".")) {
                    send(exchange, 404, "text/plain", "no-store", "not found".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                file = root.resolve("index.html"); // a client-side route
            }
            String name = file.getFileName().toString();
            String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
            // Built assets carry a content hash in their names; index.html must always be revalidated.
            String cache = path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache";
            send(exchange, 200, TYPES.getOrDefault(extension, "application/octet-stream"), cache, Files.readAllBytes(file));
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String cache, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", cache);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** {@code ConsoleServer DIST PORT GATEWAY_URL KEYCLOAK_URL REALM CLIENT_ID}: serves until killed. */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 6) {
            System.err.println("Usage: ConsoleServer DIST PORT GATEWAY_URL KEYCLOAK_URL REALM CLIENT_ID");
            System.exit(2);
        }
        ConsoleServer console = start(Path.of(args[0]), Integer.parseInt(args[1]),
                new Config(args[2], args[3], args[4], args[5]));
        System.out.println("Console serving " + args[0] + " on " + console.url());
        Runtime.getRuntime().addShutdownHook(new Thread(console::close));
        Thread.currentThread().join();
    }
}
