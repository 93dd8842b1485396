package org.itsm.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checker itself: it passes a compliant set and reports each broken rule. */
class ManifestPolicyTest {

    private static Set<String> rules(List<ManifestPolicy.Violation> violations) {
        return violations.stream().map(ManifestPolicy.Violation::rule).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void compliantFixturePasses() {
        List<ManifestPolicy.Violation> violations = ManifestPolicy.check(Manifests.readResourceDocuments("/fixtures/compliant.yaml"));
        assertEquals(List.of(), violations);
    }

    @Test
    void brokenDeploymentIsReportedRuleByRule() {
        List<ManifestPolicy.Violation> violations = ManifestPolicy.check(
                Manifests.readResourceDocuments("/fixtures/broken-deployment.yaml"));
        Set<String> expected = Set.of(
                "probes.liveness", "probes.readiness", "probes.startup",
                "resources.limits", "resources.order",
                "security.hostNamespaces", "security.runAsNonRoot", "security.readOnlyRootFilesystem",
                "security.allowPrivilegeEscalation", "security.privileged", "security.capabilities", "security.seccomp",
                "image.tag", "secret.env", "metrics.scrape",
                "companions.service", "companions.hpa", "companions.pdb", "companions.networkpolicy");
        assertEquals(new TreeSet<>(expected), rules(violations), () -> "violations: " + violations);
        assertTrue(violations.stream().anyMatch(v -> v.message().contains("QUARKUS_DATASOURCE_PASSWORD as a literal value")));
        assertTrue(violations.stream().anyMatch(v -> v.message().contains("API_TOKEN from somewhere other than a Secret")));
        assertTrue(violations.stream().anyMatch(v -> v.message().contains("requests more cpu")));
    }

    @Test
    void literalSecretsAreReported() {
        List<ManifestPolicy.Violation> violations = ManifestPolicy.check(Manifests.readResourceDocuments("/fixtures/literal-secret.yaml"));
        assertEquals(Set.of("secret.literal", "secret.configmap"), rules(violations), () -> "violations: " + violations);
    }

    @Test
    void openNetworkPolicyIsReported() {
        List<JsonNode> docs = new ArrayList<>(Manifests.readResourceDocuments("/fixtures/compliant.yaml"));
        docs.addAll(Manifests.readResourceDocuments("/fixtures/open-network-policy.yaml"));
        List<ManifestPolicy.Violation> violations = ManifestPolicy.check(docs);
        assertEquals(Set.of("network.ingress"), rules(violations), () -> "violations: " + violations);
        assertEquals(3, violations.size(), () -> "namespaceSelector {}, ipBlock and the rule without from: " + violations);
    }

    @Test
    void quantities() {
        assertEquals(0, ManifestPolicy.quantity("250m").compareTo(new java.math.BigDecimal("0.25")));
        assertEquals(0, ManifestPolicy.quantity("1Gi").compareTo(ManifestPolicy.quantity("1024Mi")));
        assertTrue(ManifestPolicy.quantity("512Mi").compareTo(ManifestPolicy.quantity("1G")) < 0);
    }

    /** The same checker on the real dev overlay, with one rule broken at a time. */
    @Test
    void breakingTheRealOverlayIsCaught() {
        Manifests.requireTool(Manifests.kubectl(), "kubectl", "it ships with the Google Cloud SDK or from https://dl.k8s.io");
        List<JsonNode> rendered = Manifests.kustomize("overlays/dev");
        assertEquals(List.of(), ManifestPolicy.check(rendered));

        assertEquals(Set.of("probes.readiness"), rules(ManifestPolicy.check(mutateDeployment(rendered, "incident-service",
                container -> container.remove("readinessProbe")))));
        assertEquals(Set.of("security.readOnlyRootFilesystem"), rules(ManifestPolicy.check(mutateDeployment(rendered, "gateway",
                container -> ((ObjectNode) container.path("securityContext")).put("readOnlyRootFilesystem", false)))));
        assertEquals(Set.of("resources.limits"), rules(ManifestPolicy.check(mutateDeployment(rendered, "change-service",
                container -> ((ObjectNode) container.path("resources")).remove("limits")))));
        assertEquals(Set.of("secret.env"), rules(ManifestPolicy.check(mutateDeployment(rendered, "catalog-service",
                container -> ((ArrayNode) container.path("env")).addObject()
                        .put("name", "QUARKUS_DATASOURCE_PASSWORD").put("value", "catalog")))));
        assertEquals(Set.of("companions.hpa"), rules(ManifestPolicy.check(rendered.stream()
                .filter(d -> !("HorizontalPodAutoscaler".equals(Manifests.kind(d)) && "problem-service".equals(Manifests.name(d))))
                .toList())));
    }

    private static List<JsonNode> mutateDeployment(List<JsonNode> docs, String name, java.util.function.Consumer<ObjectNode> change) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode doc : docs) {
            if ("Deployment".equals(Manifests.kind(doc)) && name.equals(Manifests.name(doc))) {
                ObjectNode copy = Manifests.copy(doc);
                change.accept((ObjectNode) copy.path("spec").path("template").path("spec").path("containers").path(0));
                out.add(copy);
            } else {
                out.add(doc);
            }
        }
        return out;
    }
}
