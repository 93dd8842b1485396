package org.itsm.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.itsm.events.api.Roles;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.itsm.deploy.Manifests.find;
import static org.itsm.deploy.Manifests.ofKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/keycloak/itsm-realm.json is the single source of the realm. The KeycloakRealmImport
 * in the base is generated from it; this test fails when the two differ. Regenerate with
 * <pre>mvn -f deploy/pom.xml test -Dtest=RealmImportTest -Ditsm.deploy.regenerate=true</pre>
 * The prod overlay removes what exists only for development; the test checks it removes
 * exactly that.
 */
class RealmImportTest {

    static final Path GENERATED = Path.of("kubernetes/base/keycloak/realm-import.yaml");
    static final String HEADER = "# GENERATED FILE - do not edit. Source: deploy/keycloak/itsm-realm.json\n"
            + "# Regenerate: mvn -f deploy/pom.xml test -Dtest=RealmImportTest -Ditsm.deploy.regenerate=true\n";
    /** The platform's role model, named once in the event contract. */
    static final Set<String> ROLES = Set.copyOf(Roles.ALL);
    static final Map<String, String> DEMO_USERS = Map.ofEntries(
            Map.entry("agent", "itsm-agent"), Map.entry("requester", "itsm-requester"), Map.entry("requester2", "itsm-requester"),
            Map.entry("change-manager", "itsm-change-manager"), Map.entry("cab1", "itsm-cab-member"),
            Map.entry("cab2", "itsm-cab-member"), Map.entry("problem-manager", "itsm-problem-manager"),
            Map.entry("catalog-manager", "itsm-catalog-manager"), Map.entry("admin", "itsm-admin"),
            Map.entry("implementer", "itsm-agent"));

    static JsonNode realm() {
        return Manifests.readJson(Manifests.realmFile());
    }

    static ObjectNode expectedImport() {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("apiVersion", "k8s.keycloak.org/v2beta1");
        doc.put("kind", "KeycloakRealmImport");
        doc.putObject("metadata").put("name", "itsm-realm");
        ObjectNode spec = doc.putObject("spec");
        spec.put("keycloakCRName", "itsm-keycloak");
        spec.set("realm", realm());
        return doc;
    }

    static String render(JsonNode doc) throws IOException {
        YAMLMapper yaml = YAMLMapper.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .build();
        return HEADER + yaml.writeValueAsString(doc);
    }

    /** Keycloak's own model accepts the realm with no unknown field (a misspelt key fails here). */
    static RealmRepresentation asKeycloakRealm(JsonNode realm) {
        ObjectMapper strict = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try {
            return strict.treeToValue(realm, RealmRepresentation.class);
        } catch (IOException e) {
            throw new AssertionError("not a valid Keycloak RealmRepresentation: " + e.getMessage(), e);
        }
    }

    @Test
    void generatedImportEqualsTheRealmFile() throws IOException {
        Path file = Manifests.deployDir().resolve(GENERATED);
        if (Boolean.getBoolean("itsm.deploy.regenerate")) {
            Files.writeString(file, render(expectedImport()), StandardCharsets.UTF_8);
            System.out.println("[RealmImportTest] regenerated " + file);
        }
        List<JsonNode> docs = Manifests.readYamlDocuments(file);
        assertEquals(1, docs.size());
        assertSame(expectedImport(), docs.get(0), GENERATED + " is stale: it must embed deploy/keycloak/itsm-realm.json unchanged."
                + " Regenerate: mvn -f deploy/pom.xml test -Dtest=RealmImportTest -Ditsm.deploy.regenerate=true");
    }

    @Test
    void realmFileIsAKeycloakRealmWithTheDesignedContent() {
        JsonNode realm = realm();
        RealmRepresentation rep = asKeycloakRealm(realm);
        assertEquals("itsm", rep.getRealm());
        assertTrue(rep.isEnabled());
        assertEquals("external", rep.getSslRequired());
        assertTrue(rep.isBruteForceProtected());
        assertEquals(300, rep.getAccessTokenLifespan());

        Set<String> roles = new TreeSet<>();
        realm.path("roles").path("realm").forEach(r -> {
            roles.add(r.path("name").asText());
            assertFalse(r.path("description").asText().isBlank(), r.path("name").asText() + " has a description");
        });
        assertEquals(new TreeSet<>(ROLES), roles);

        JsonNode api = byField(realm.path("clientScopes"), "name", "itsm-api");
        JsonNode audience = byField(api.path("protocolMappers"), "protocolMapper", "oidc-audience-mapper");
        assertEquals("itsm-api", audience.path("config").path("included.custom.audience").asText());
        assertEquals("true", audience.path("config").path("access.token.claim").asText());
        JsonNode manager = byField(api.path("protocolMappers"), "name", "manager");
        assertEquals("manager", manager.path("config").path("user.attribute").asText());
        assertEquals("manager", manager.path("config").path("claim.name").asText());
        for (String scope : List.of("itsm-api", "profile", "email", "roles", "basic")) {
            assertTrue(contains(realm.path("defaultDefaultClientScopes"), scope), "default scope " + scope);
            byField(realm.path("clientScopes"), "name", scope);
        }

        for (JsonNode client : realm.path("clients")) {
            assertTrue(contains(client.path("defaultClientScopes"), "itsm-api"), client.path("clientId") + " gets the itsm-api scope");
        }
        JsonNode gateway = byField(realm.path("clients"), "clientId", "itsm-gateway");
        assertFalse(gateway.path("publicClient").asBoolean());
        assertFalse(gateway.path("serviceAccountsEnabled").asBoolean());
        JsonNode console = byField(realm.path("clients"), "clientId", "itsm-console");
        assertTrue(console.path("publicClient").asBoolean());
        assertTrue(console.path("standardFlowEnabled").asBoolean());
        assertFalse(console.path("directAccessGrantsEnabled").asBoolean());
        assertFalse(console.path("implicitFlowEnabled").asBoolean());
        assertEquals("S256", console.path("attributes").path("pkce.code.challenge.method").asText());
        JsonNode integration = byField(realm.path("clients"), "clientId", "itsm-integration");
        assertTrue(integration.path("serviceAccountsEnabled").asBoolean());
        assertFalse(integration.path("standardFlowEnabled").asBoolean());
        assertFalse(integration.path("directAccessGrantsEnabled").asBoolean());
        JsonNode serviceAccount = byField(realm.path("users"), "serviceAccountClientId", "itsm-integration");
        assertTrue(contains(serviceAccount.path("realmRoles"), "itsm-agent"));
        JsonNode notification = byField(realm.path("clients"), "clientId", "itsm-notification");
        assertTrue(notification.path("serviceAccountsEnabled").asBoolean());
        assertFalse(notification.path("standardFlowEnabled").asBoolean());
        assertFalse(notification.path("directAccessGrantsEnabled").asBoolean());
        JsonNode notifier = byField(realm.path("users"), "serviceAccountClientId", "itsm-notification");
        assertEquals(List.of("view-users", "query-groups", "view-realm"), Manifests.JSON.convertValue(
                notifier.path("clientRoles").path("realm-management"), List.class),
                "notification-service reads users (email, locale), groups' members and roles' users, and nothing more");
        JsonNode cli = byField(realm.path("clients"), "clientId", "itsm-cli");
        assertTrue(cli.path("publicClient").asBoolean());
        assertTrue(cli.path("directAccessGrantsEnabled").asBoolean());

        for (Map.Entry<String, String> user : DEMO_USERS.entrySet()) {
            JsonNode u = byField(realm.path("users"), "username", user.getKey());
            assertTrue(contains(u.path("realmRoles"), user.getValue()), user.getKey() + " has " + user.getValue());
            for (String field : List.of("firstName", "lastName", "email")) {
                assertFalse(u.path(field).asText().isBlank(), user.getKey() + " needs " + field + " for the password grant");
            }
            assertTrue(u.path("emailVerified").asBoolean(), user.getKey());
            assertTrue(List.of("ko", "en").contains(u.path("attributes").path("locale").path(0).asText()),
                    user.getKey() + " needs a locale (ko or en) for the language of their mail");
            JsonNode credential = u.path("credentials").path(0);
            assertEquals("password", credential.path("type").asText());
            assertEquals(user.getKey(), credential.path("value").asText(), "demo password = username");
            assertFalse(credential.path("temporary").asBoolean(), user.getKey());
        }
        assertEquals("agent", byField(realm.path("users"), "username", "requester").path("attributes").path("manager").path(0).asText());

        String profile = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider").path(0)
                .path("config").path("kc.user.profile.config").path(0).asText();
        JsonNode profileConfig;
        try {
            profileConfig = Manifests.JSON.readTree(profile);
        } catch (IOException e) {
            throw new AssertionError("user profile config is not JSON", e);
        }
        JsonNode managerAttribute = byField(profileConfig.path("attributes"), "name", "manager");
        assertEquals(List.of("admin"), Manifests.JSON.convertValue(managerAttribute.path("permissions").path("edit"), List.class),
                "only administrators set a user's manager (it drives catalog approvals)");
    }

    @Test
    void aMisspeltRealmFieldIsRejected() {
        ObjectNode broken = (ObjectNode) realm().deepCopy();
        broken.put("accessTokenLifeSpan", 300);
        AssertionError error = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> asKeycloakRealm(broken));
        assertTrue(error.getMessage().contains("accessTokenLifeSpan"), error.getMessage());
        ObjectNode brokenClient = (ObjectNode) realm().deepCopy();
        ((ObjectNode) brokenClient.path("clients").path(0)).put("publicClients", true);
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> asKeycloakRealm(brokenClient));
    }

    @Test
    void devImportIsTheRealmFile() {
        Manifests.requireTool(Manifests.kubectl(), "kubectl", "it ships with the Google Cloud SDK or from https://dl.k8s.io");
        JsonNode imported = ofKind(Manifests.kustomize("overlays/dev"), "KeycloakRealmImport").get(0);
        assertSame(realm(), imported.path("spec").path("realm"), "the dev KeycloakRealmImport embeds the realm file unchanged");
        assertEquals("itsm-keycloak", imported.path("spec").path("keycloakCRName").asText());
    }

    @Test
    void prodImportIsTheRealmFileWithoutDevelopmentParts() throws IOException {
        Manifests.requireTool(Manifests.kubectl(), "kubectl", "it ships with the Google Cloud SDK or from https://dl.k8s.io");
        List<JsonNode> docs = Manifests.kustomize("overlays/prod");
        JsonNode imported = ofKind(docs, "KeycloakRealmImport").get(0);
        JsonNode prodRealm = imported.path("spec").path("realm");
        asKeycloakRealm(prodRealm);

        String host = find(docs, "Ingress", "console").orElseThrow().path("spec").path("rules").path(0).path("host").asText();
        ObjectNode expected = (ObjectNode) realm().deepCopy();
        ArrayNode users = expected.putArray("users");
        realm().path("users").forEach(u -> {
            if (u.has("serviceAccountClientId")) {
                users.add(u);
            }
        });
        ArrayNode clients = expected.putArray("clients");
        for (JsonNode client : realm().path("clients")) {
            ObjectNode c = (ObjectNode) client.deepCopy();
            switch (c.path("clientId").asText()) {
                case "itsm-cli" -> {
                    continue;
                }
                case "itsm-gateway" -> c.put("secret", "${ITSM_GATEWAY_CLIENT_SECRET}");
                case "itsm-integration" -> c.put("secret", "${ITSM_INTEGRATION_CLIENT_SECRET}");
                case "itsm-notification" -> c.put("secret", "${ITSM_NOTIFICATION_CLIENT_SECRET}");
                case "itsm-console" -> {
                    c.putArray("redirectUris").add("https://" + host + "/*");
                    c.putArray("webOrigins").add("https://" + host);
                    ((ObjectNode) c.path("attributes")).put("post.logout.redirect.uris", "https://" + host + "/*");
                }
                default -> {
                }
            }
            clients.add(c);
        }
        assertSame(expected, prodRealm, "prod realm = realm file minus demo users and itsm-cli, secrets from placeholders,"
                + " console URLs on the production host");

        String rendered = Manifests.JSON.writeValueAsString(docs);
        for (JsonNode client : realm().path("clients")) {
            if (client.has("secret")) {
                assertFalse(rendered.contains(client.path("secret").asText()), "prod contains the dev secret of " + client.path("clientId"));
            }
        }
        prodRealm.path("users").forEach(u -> assertTrue(u.path("credentials").isMissingNode(), "prod user with credentials: " + u));

        Matcher placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}").matcher(Manifests.JSON.writeValueAsString(prodRealm));
        Set<String> used = new TreeSet<>();
        while (placeholder.find()) {
            used.add(placeholder.group(1));
        }
        JsonNode placeholders = imported.path("spec").path("placeholders");
        List<String> declared = new ArrayList<>();
        placeholders.fieldNames().forEachRemaining(declared::add);
        assertEquals(used, new TreeSet<>(declared), "every placeholder in the prod realm comes from a Secret");
        placeholders.forEach(p -> assertNotNull(p.path("secret").path("name").textValue()));
    }

    /** Tree equality with a readable list of differences. */
    private static void assertSame(JsonNode expected, JsonNode actual, String message) {
        List<String> differences = Manifests.diff(expected, actual, 20);
        assertTrue(differences.isEmpty(), () -> message + "\n" + String.join("\n", differences));
    }

    private static JsonNode byField(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (value.equals(item.path(field).asText())) {
                return item;
            }
        }
        throw new AssertionError("no entry with " + field + "=" + value);
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (value.equals(item.asText())) {
                return true;
            }
        }
        return false;
    }
}
