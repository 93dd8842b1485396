package org.itsm.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.itsm.deploy.Manifests.id;
import static org.itsm.deploy.Manifests.kind;
import static org.itsm.deploy.Manifests.name;
import static org.itsm.deploy.Manifests.ofKind;

/**
 * The operations and security rules every rendered manifest set must follow. {@link #check}
 * returns the violations; an empty list means compliant. The rules (the {@code rule} names in
 * violations):
 * <ul>
 *   <li>{@code probes.liveness}, {@code probes.readiness}, {@code probes.startup}: every long-running
 *       container has liveness and readiness probes, Deployments also a startup probe;</li>
 *   <li>{@code resources.requests}, {@code resources.limits}, {@code resources.order}: cpu and memory
 *       requests and limits on every container, requests not above limits;</li>
 *   <li>{@code security.*}: non-root, read-only root filesystem, no privilege escalation, not
 *       privileged, all capabilities dropped and none added, seccomp RuntimeDefault, no host
 *       namespaces;</li>
 *   <li>{@code tmp.emptyDir}: a read-only root filesystem comes with an emptyDir on /tmp;</li>
 *   <li>{@code image.tag}: images carry an explicit tag other than latest;</li>
 *   <li>{@code secret.literal}, {@code secret.env}, {@code secret.configmap}: no Secret with data in the
 *       manifests, secret-looking environment variables come from secretKeyRef, no secret-looking
 *       ConfigMap keys;</li>
 *   <li>{@code metrics.scrape}: Prometheus scrape annotations on each Quarkus Deployment's pods (not on a
 *       static {@code frontend} site, which has no metrics endpoint), naming a
 *       container port;</li>
 *   <li>{@code companions.*}: each Deployment has a Service, a HorizontalPodAutoscaler, a
 *       PodDisruptionBudget and a NetworkPolicy;</li>
 *   <li>{@code network.ingress}: backend pods (component backend) accept traffic only from the
 *       gateway and Prometheus; the gateway only from the ingress controller and Prometheus.</li>
 * </ul>
 */
final class ManifestPolicy {

    record Violation(String resource, String rule, String message) {
        @Override
        public String toString() {
            return resource + " [" + rule + "] " + message;
        }
    }

    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod");
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|CREDENTIALS?|PRIVATE_?KEY|API_?KEY|ACCESS_?KEY(_?ID)?)$");
    private static final String GATEWAY = "gateway";
    private static final String FRONTEND = "frontend";

    private final List<Violation> violations = new ArrayList<>();

    static List<Violation> check(List<JsonNode> docs) {
        ManifestPolicy policy = new ManifestPolicy();
        for (JsonNode doc : docs) {
            String kind = kind(doc);
            if (WORKLOADS.contains(kind)) {
                policy.checkWorkload(doc);
            }
            if ("Secret".equals(kind)) {
                policy.checkSecret(doc);
            }
            if ("ConfigMap".equals(kind)) {
                policy.checkConfigMap(doc);
            }
        }
        for (JsonNode deployment : ofKind(docs, "Deployment")) {
            policy.checkMetrics(deployment);
            policy.checkCompanions(deployment, docs);
            policy.checkNetworkIngress(deployment, docs);
        }
        return List.copyOf(policy.violations);
    }

    private void violation(JsonNode doc, String rule, String message) {
        violations.add(new Violation(id(doc), rule, message));
    }

    static JsonNode podSpec(JsonNode doc) {
        return switch (kind(doc)) {
            case "Pod" -> doc.path("spec");
            case "CronJob" -> doc.path("spec").path("jobTemplate").path("spec").path("template").path("spec");
            default -> doc.path("spec").path("template").path("spec");
        };
    }

    private static JsonNode podTemplateMetadata(JsonNode doc) {
        return doc.path("spec").path("template").path("metadata");
    }

    private void checkWorkload(JsonNode doc) {
        JsonNode pod = podSpec(doc);
        boolean batch = Set.of("Job", "CronJob").contains(kind(doc));
        for (String hostField : List.of("hostNetwork", "hostPID", "hostIPC")) {
            if (pod.path(hostField).asBoolean(false)) {
                violation(doc, "security.hostNamespaces", hostField + " is true");
            }
        }
        JsonNode podSecurity = pod.path("securityContext");
        if (!pod.path("containers").isArray() || pod.path("containers").isEmpty()) {
            violation(doc, "workload.containers", "no containers");
        }
        for (String list : List.of("initContainers", "containers")) {
            for (JsonNode container : pod.path(list)) {
                String where = "container " + container.path("name").asText("?");
                if ("containers".equals(list) && !batch) {
                    checkProbes(doc, container, where);
                }
                checkResources(doc, container, where);
                checkSecurity(doc, pod, podSecurity, container, where);
                checkImage(doc, container, where);
                checkEnv(doc, container, where);
            }
        }
    }

    private void checkProbes(JsonNode doc, JsonNode container, String where) {
        if (!isProbe(container.path("livenessProbe"))) {
            violation(doc, "probes.liveness", where + " has no livenessProbe");
        }
        if (!isProbe(container.path("readinessProbe"))) {
            violation(doc, "probes.readiness", where + " has no readinessProbe");
        }
        if ("Deployment".equals(kind(doc)) && !isProbe(container.path("startupProbe"))) {
            violation(doc, "probes.startup", where + " has no startupProbe");
        }
    }

    private static boolean isProbe(JsonNode probe) {
        return probe.isObject() && (probe.has("httpGet") || probe.has("tcpSocket") || probe.has("exec") || probe.has("grpc"));
    }

    private void checkResources(JsonNode doc, JsonNode container, String where) {
        JsonNode resources = container.path("resources");
        for (String type : List.of("cpu", "memory")) {
            JsonNode request = resources.path("requests").path(type);
            JsonNode limit = resources.path("limits").path(type);
            if (request.isMissingNode() || request.isNull()) {
                violation(doc, "resources.requests", where + " has no " + type + " request");
            }
            if (limit.isMissingNode() || limit.isNull()) {
                violation(doc, "resources.limits", where + " has no " + type + " limit");
            }
            if (!request.isMissingNode() && !limit.isMissingNode()) {
                try {
                    if (quantity(request.asText()).compareTo(quantity(limit.asText())) > 0) {
                        violation(doc, "resources.order", where + " requests more " + type + " (" + request.asText()
                                + ") than its limit (" + limit.asText() + ")");
                    }
                } catch (IllegalArgumentException e) {
                    violation(doc, "resources.order", where + ": " + e.getMessage());
                }
            }
        }
    }

    private static final Pattern QUANTITY = Pattern.compile("^([0-9.]+)([a-zA-Z]*)$");
    private static final Map<String, BigDecimal> SUFFIX = Map.ofEntries(
            Map.entry("", BigDecimal.ONE), Map.entry("m", new BigDecimal("0.001")),
            Map.entry("k", BigDecimal.TEN.pow(3)), Map.entry("M", BigDecimal.TEN.pow(6)),
            Map.entry("G", BigDecimal.TEN.pow(9)), Map.entry("T", BigDecimal.TEN.pow(12)),
            Map.entry("Ki", BigDecimal.valueOf(2).pow(10)), Map.entry("Mi", BigDecimal.valueOf(2).pow(20)),
            Map.entry("Gi", BigDecimal.valueOf(2).pow(30)), Map.entry("Ti", BigDecimal.valueOf(2).pow(40)));

    /** A Kubernetes quantity ("250m", "1", "512Mi", "2Gi") as a number. */
    static BigDecimal quantity(String text) {
        Matcher m = QUANTITY.matcher(text.trim());
        if (!m.matches() || !SUFFIX.containsKey(m.group(2))) {
            throw new IllegalArgumentException("not a quantity: " + text);
        }
        return new BigDecimal(m.group(1)).multiply(SUFFIX.get(m.group(2)));
    }

    private void checkSecurity(JsonNode doc, JsonNode pod, JsonNode podSecurity, JsonNode container, String where) {
        JsonNode sc = container.path("securityContext");
        boolean nonRoot = sc.has("runAsNonRoot") ? sc.path("runAsNonRoot").asBoolean(false)
                : podSecurity.path("runAsNonRoot").asBoolean(false);
        if (!nonRoot) {
            violation(doc, "security.runAsNonRoot", where + " may run as root (runAsNonRoot is not true)");
        }
        JsonNode user = sc.has("runAsUser") ? sc.path("runAsUser") : podSecurity.path("runAsUser");
        if (user.isNumber() && user.asLong() == 0) {
            violation(doc, "security.runAsNonRoot", where + " runs as user 0");
        }
        if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
            violation(doc, "security.readOnlyRootFilesystem", where + " has a writable root filesystem");
        } else if (!hasTmpEmptyDir(pod, container)) {
            violation(doc, "tmp.emptyDir", where + " has a read-only root filesystem but no emptyDir mounted at /tmp");
        }
        if (!sc.has("allowPrivilegeEscalation") || sc.path("allowPrivilegeEscalation").asBoolean(true)) {
            violation(doc, "security.allowPrivilegeEscalation", where + " allows privilege escalation");
        }
        if (sc.path("privileged").asBoolean(false)) {
            violation(doc, "security.privileged", where + " is privileged");
        }
        boolean dropsAll = false;
        for (JsonNode cap : sc.path("capabilities").path("drop")) {
            dropsAll |= "ALL".equals(cap.asText());
        }
        if (!dropsAll) {
            violation(doc, "security.capabilities", where + " does not drop ALL capabilities");
        }
        if (!sc.path("capabilities").path("add").isEmpty()) {
            violation(doc, "security.capabilities", where + " adds capabilities " + sc.path("capabilities").path("add"));
        }
        String seccomp = sc.path("seccompProfile").path("type").asText(podSecurity.path("seccompProfile").path("type").asText(""));
        if (!Set.of("RuntimeDefault", "Localhost").contains(seccomp)) {
            violation(doc, "security.seccomp", where + " has no RuntimeDefault seccomp profile");
        }
    }

    private static boolean hasTmpEmptyDir(JsonNode pod, JsonNode container) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if ("/tmp".equals(mount.path("mountPath").asText())) {
                String volume = mount.path("name").asText();
                for (JsonNode v : pod.path("volumes")) {
                    if (volume.equals(v.path("name").asText()) && v.has("emptyDir")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private void checkImage(JsonNode doc, JsonNode container, String where) {
        String image = container.path("image").asText("");
        String afterSlash = image.substring(image.lastIndexOf('/') + 1);
        if (image.isEmpty()) {
            violation(doc, "image.tag", where + " has no image");
        } else if (!image.contains("@") && (!afterSlash.contains(":") || afterSlash.endsWith(":latest"))) {
            violation(doc, "image.tag", where + " uses image " + image + " without a fixed tag");
        }
    }

    private void checkEnv(JsonNode doc, JsonNode container, String where) {
        for (JsonNode env : container.path("env")) {
            String name = env.path("name").asText();
            if (SECRET_NAME.matcher(name).matches()) {
                if (env.has("value")) {
                    violation(doc, "secret.env", where + " sets " + name + " as a literal value");
                } else if (!env.path("valueFrom").has("secretKeyRef")) {
                    violation(doc, "secret.env", where + " reads " + name + " from somewhere other than a Secret");
                }
            }
        }
    }

    private void checkSecret(JsonNode doc) {
        for (String field : List.of("data", "stringData")) {
            if (doc.path(field).isObject() && !doc.path(field).isEmpty()) {
                violation(doc, "secret.literal", "Secret carries literal " + field + " (keys " + fieldNames(doc.path(field))
                        + "); secrets are created by the operators, not committed");
            }
        }
    }

    private void checkConfigMap(JsonNode doc) {
        for (String key : fieldNames(doc.path("data"))) {
            if (SECRET_NAME.matcher(key).matches() && !doc.path("data").path(key).asText().isBlank()) {
                violation(doc, "secret.configmap", "ConfigMap key " + key + " looks like a secret");
            }
        }
    }

    private void checkMetrics(JsonNode deployment) {
        if (FRONTEND.equals(podTemplateMetadata(deployment).path("labels").path("app.kubernetes.io/component").asText())) {
            return; // a static site (nginx) has no /q/metrics; the ingress controller's metrics count its requests
        }
        JsonNode annotations = podTemplateMetadata(deployment).path("annotations");
        if (!"true".equals(annotations.path("prometheus.io/scrape").asText())) {
            violation(deployment, "metrics.scrape", "pods are not annotated prometheus.io/scrape: \"true\"");
            return;
        }
        if (!"/q/metrics".equals(annotations.path("prometheus.io/path").asText())) {
            violation(deployment, "metrics.scrape", "prometheus.io/path is not /q/metrics");
        }
        String port = annotations.path("prometheus.io/port").asText();
        boolean known = false;
        for (JsonNode container : podSpec(deployment).path("containers")) {
            for (JsonNode p : container.path("ports")) {
                known |= port.equals(p.path("containerPort").asText());
            }
        }
        if (!known) {
            violation(deployment, "metrics.scrape", "prometheus.io/port " + port + " is no container port");
        }
    }

    private void checkCompanions(JsonNode deployment, List<JsonNode> docs) {
        JsonNode podLabels = podTemplateMetadata(deployment).path("labels");
        String name = name(deployment);
        if (ofKind(docs, "Service").stream().noneMatch(s -> selects(s.path("spec").path("selector"), podLabels))) {
            violation(deployment, "companions.service", "no Service selects its pods");
        }
        if (ofKind(docs, "HorizontalPodAutoscaler").stream().noneMatch(h ->
                "Deployment".equals(h.path("spec").path("scaleTargetRef").path("kind").asText())
                        && name.equals(h.path("spec").path("scaleTargetRef").path("name").asText()))) {
            violation(deployment, "companions.hpa", "no HorizontalPodAutoscaler targets it");
        }
        if (ofKind(docs, "PodDisruptionBudget").stream().noneMatch(p ->
                selects(p.path("spec").path("selector").path("matchLabels"), podLabels))) {
            violation(deployment, "companions.pdb", "no PodDisruptionBudget selects its pods");
        }
        if (networkPoliciesFor(deployment, docs).isEmpty()) {
            violation(deployment, "companions.networkpolicy", "no NetworkPolicy selects its pods");
        }
    }

    private static List<JsonNode> networkPoliciesFor(JsonNode deployment, List<JsonNode> docs) {
        JsonNode podLabels = podTemplateMetadata(deployment).path("labels");
        return ofKind(docs, "NetworkPolicy").stream()
                .filter(np -> {
                    JsonNode selector = np.path("spec").path("podSelector");
                    return !selector.path("matchLabels").isEmpty() && selects(selector.path("matchLabels"), podLabels)
                            && !selector.has("matchExpressions");
                })
                .toList();
    }

    private void checkNetworkIngress(JsonNode deployment, List<JsonNode> docs) {
        JsonNode podLabels = podTemplateMetadata(deployment).path("labels");
        String component = podLabels.path("app.kubernetes.io/component").asText();
        boolean isGateway = GATEWAY.equals(component);
        if (!isGateway && !"backend".equals(component)) {
            return;
        }
        for (JsonNode np : networkPoliciesFor(deployment, docs)) {
            boolean ingressType = false;
            for (JsonNode t : np.path("spec").path("policyTypes")) {
                ingressType |= "Ingress".equals(t.asText());
            }
            if (!ingressType) {
                violation(deployment, "network.ingress", id(np) + " does not restrict Ingress");
            }
            for (JsonNode rule : np.path("spec").path("ingress")) {
                if (!rule.has("from") || rule.path("from").isEmpty()) {
                    violation(deployment, "network.ingress", id(np) + " allows traffic from anywhere");
                    continue;
                }
                for (JsonNode peer : rule.path("from")) {
                    if (!allowedPeer(peer, isGateway)) {
                        violation(deployment, "network.ingress", id(np) + " allows traffic from " + peer
                                + (isGateway ? " (gateway: only the ingress controller and Prometheus)"
                                : " (backend: only the gateway and Prometheus)"));
                    }
                }
            }
        }
    }

    private static boolean allowedPeer(JsonNode peer, boolean gateway) {
        if (peer.has("ipBlock")) {
            return false;
        }
        String namespace = peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText(null);
        String app = peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText(null);
        if ("monitoring".equals(namespace) && "prometheus".equals(app)) {
            return true;
        }
        if (gateway) {
            return "ingress-nginx".equals(namespace) && app != null;
        }
        return !peer.has("namespaceSelector") && GATEWAY.equals(app)
                && peer.path("podSelector").path("matchLabels").size() == 1;
    }

    /** Whether a label selector (map) matches the labels; an empty selector matches nothing here. */
    private static boolean selects(JsonNode selector, JsonNode labels) {
        if (!selector.isObject() || selector.isEmpty()) {
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> it = selector.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!Objects.equals(e.getValue().asText(), labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
