package org.pinpointcds.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pinpointcds.config.RequestProperties;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes manifests in {@code ops/k8s/} are valid YAML with the fields Kubernetes requires of each kind, and
 * they agree with the service: the probes are the actuator's, on the production profile's management port; every
 * container has requests and limits; the Service, autoscaler and disruption budget find the Deployment's pods;
 * every Secret and ConfigMap the pods read is declared with the keys they read; and the ConfigMaps hold settings and
 * value sets the service understands.
 */
class KubernetesManifestsTests {

  static final Path MANIFESTS = Path.of("ops", "k8s");
  static final Map<String, String> API_VERSIONS = Map.of(
      "Deployment", "apps/v1",
      "Service", "v1",
      "ConfigMap", "v1",
      "Secret", "v1",
      "HorizontalPodAutoscaler", "autoscaling/v2",
      "PodDisruptionBudget", "policy/v1",
      "Kustomization", "kustomize.config.k8s.io/v1beta1");

  private static List<Manifest> manifests;

  @BeforeAll
  static void read() throws IOException {
    manifests = new ArrayList<>();
    try (Stream<Path> files = Files.list(MANIFESTS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        try (Reader in = Files.newBufferedReader(file)) {
          for (Object document : new Yaml().loadAll(in)) {
            manifests.add(new Manifest(file.getFileName().toString(), Tree.of(document)));
          }
        }
      }
    }
  }

  @Test
  void everyManifestHasAKnownKindItsApiVersionAndAName() {
    assertThat(manifests).isNotEmpty().allSatisfy(manifest -> {
      String kind = manifest.tree().text("kind");
      assertThat(API_VERSIONS).as(manifest.file()).containsKey(kind);
      assertThat(manifest.tree().text("apiVersion")).as(manifest.file()).isEqualTo(API_VERSIONS.get(kind));
      if (!kind.equals("Kustomization")) {
        assertThat(manifest.tree().text("metadata", "name")).as(manifest.file()).isNotBlank();
      }
    });
    assertThat(manifests.stream().map(m -> m.tree().text("kind")))
        .contains("Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "ConfigMap", "Secret");
  }

  @Test
  void kustomizationAppliesEveryManifestButTheExampleSecrets() throws IOException {
    Set<String> files = new TreeSet<>();
    try (Stream<Path> all = Files.list(MANIFESTS)) {
      all.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml")).forEach(files::add);
    }
    files.removeAll(Set.of("kustomization.yaml", "secrets.example.yaml"));

    assertThat(one("Kustomization").list("resources")).containsExactlyInAnyOrderElementsOf(files);
  }

  @Test
  void probesAreTheActuatorsOnTheManagementPortOfTheProductionProfile() throws IOException {
    Tree container = container();
    int managementPort = ((Number) Tree.of(yaml("src/main/resources/application-production.yml"))
        .get("management", "server", "port")).intValue();
    String portName = container.trees("ports").stream()
        .filter(port -> ((Number) port.get("containerPort")).intValue() == managementPort)
        .map(port -> port.text("name")).findFirst().orElseThrow();

    assertThat(container.text("livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
    assertThat(container.text("startupProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
    assertThat(container.text("readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
    for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
      assertThat(container.text(probe, "httpGet", "port")).as(probe).isEqualTo(portName);
    }
    Tree groups = Tree.of(yaml("src/main/resources/application.yml")).tree("management", "endpoint", "health", "group");
    assertThat(groups.text("readiness", "include")).contains("readinessState", "db", "terminology", "writers");
    assertThat(groups.text("liveness", "include")).isEqualTo("livenessState");
    assertThat(one("Deployment").text("spec", "template", "metadata", "annotations", "prometheus.io/port"))
        .isEqualTo(String.valueOf(managementPort));
  }

  /** A JVM out of memory can no longer serve, yet its liveness endpoint may still answer: it must exit instead. */
  @Test
  void aJvmOutOfMemoryExitsWhateverImageThePodRuns() throws IOException {
    assertThat(container().trees("env")).anySatisfy(variable -> {
      assertThat(variable.text("name")).isEqualTo("JAVA_TOOL_OPTIONS");
      assertThat(variable.text("value")).contains("-XX:+ExitOnOutOfMemoryError");
    });
    assertThat(Files.readString(Path.of("pom.xml"))).contains("<jvmFlag>-XX:+ExitOnOutOfMemoryError</jvmFlag>");
  }

  @Test
  void everyContainerHasRequestsAndLimits() {
    assertThat(one("Deployment").trees("spec", "template", "spec", "containers")).allSatisfy(container -> {
      for (String bound : List.of("requests", "limits")) {
        assertThat(container.tree("resources", bound).keys()).as(bound).contains("cpu", "memory");
      }
    });
  }

  @Test
  void serviceAutoscalerAndDisruptionBudgetFindTheDeploymentsPods() {
    Tree deployment = one("Deployment");
    Map<String, Object> podLabels = deployment.tree("spec", "template", "metadata", "labels").map();
    Set<String> portNames = new TreeSet<>(container().trees("ports").stream().map(p -> p.text("name")).toList());

    assertThat(podLabels).containsAllEntriesOf(deployment.tree("spec", "selector", "matchLabels").map());
    Tree service = one("Service");
    assertThat(podLabels).containsAllEntriesOf(service.tree("spec", "selector").map());
    assertThat(service.trees("spec", "ports")).allSatisfy(port -> assertThat(portNames).contains(port.text("targetPort")));
    assertThat(service.trees("spec", "ports").stream().map(p -> p.text("targetPort")))
        .as("the Service exposes the CDS port only, not the management port").containsExactly("http");
    assertThat(podLabels).containsAllEntriesOf(one("PodDisruptionBudget").tree("spec", "selector", "matchLabels").map());
    Tree autoscaler = one("HorizontalPodAutoscaler");
    assertThat(autoscaler.text("spec", "scaleTargetRef", "kind")).isEqualTo("Deployment");
    assertThat(autoscaler.text("spec", "scaleTargetRef", "name")).isEqualTo(deployment.text("metadata", "name"));
    assertThat(autoscaler.trees("spec", "metrics")).anySatisfy(metric ->
        assertThat(metric.text("resource", "name")).isEqualTo("cpu"));
    assertThat(((Number) autoscaler.get("spec", "minReplicas")).intValue()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void everySecretKeyAndConfigMapThePodsReadIsDeclared() {
    List<Tree> env = container().trees("env");
    List<Tree> secretRefs = env.stream().map(e -> e.tree("valueFrom", "secretKeyRef")).filter(Tree::present).toList();

    assertThat(env.stream().map(e -> e.text("name"))).contains("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
        "SPRING_DATASOURCE_PASSWORD", "PINPOINT_SECURITY_CLIENTS_0_ISSUER", "PINPOINT_SECURITY_CLIENTS_0_JWKSURI");
    assertThat(secretRefs).hasSizeGreaterThanOrEqualTo(5).allSatisfy(ref ->
        assertThat(named("Secret", ref.text("name")).tree("stringData").keys()).contains(ref.text("key")));
    assertThat(one("Deployment").trees("spec", "template", "spec", "volumes").stream()
        .map(volume -> volume.tree("configMap")).filter(Tree::present))
        .hasSize(2).allSatisfy(ref -> assertThat(named("ConfigMap", ref.text("name")).present()).isTrue());
  }

  @Test
  void configMapSettingsAreOnesTheServiceHas() throws IOException {
    Tree settings = Tree.of(new Yaml().load(named("ConfigMap", "pinpoint-config").text("data", "application.yml")));
    Tree definition = Tree.of(new ObjectMapper().readValue(Path.of("cds-services", "petechiae-triage.json").toFile(),
        Map.class));

    assertThat(settings.text("pinpoint", "security", "replay-store")).isEqualTo("database");
    assertThat(settings.text("pinpoint", "security", "external-base-url")).as("production starts only with it")
        .startsWith("https://");
    assertThat(settings.tree("pinpoint", "requests").keys()).isNotEmpty().isSubsetOf(Arrays.stream(
        RequestProperties.class.getRecordComponents()).map(c -> c.getName().replaceAll("([A-Z])", "-$1").toLowerCase()).toList());
    Tree triage = settings.tree("pinpoint", "triage");
    assertThat(triage.keys()).isNotEmpty();
    for (String key : triage.keys()) {
      if (key.equals("medication-lookback")) {
        assertThat(definition.tree("medicationLookbacks").keys()).containsAll(triage.tree(key).keys());
      } else {
        assertThat(definition.tree("thresholds").keys()).as("pinpoint.triage." + key).contains(key);
      }
    }
  }

  @Test
  void siteValueSetsAreFhirValueSets() {
    FhirContext fhir = FhirContext.forR4Cached();
    Map<String, Object> files = named("ConfigMap", "pinpoint-terminology").tree("data").map();

    assertThat(files).isNotEmpty().allSatisfy((file, json) -> {
      ValueSet valueSet = (ValueSet) fhir.newJsonParser().parseResource(json.toString());
      assertThat(valueSet.getUrl()).as(file).startsWith("https://pinpoint-cds.org/fhir/ValueSet/");
    });
  }

  private static Tree container() {
    return one("Deployment").trees("spec", "template", "spec", "containers").get(0);
  }

  private static Tree one(String kind) {
    List<Tree> found = manifests.stream().map(Manifest::tree).filter(t -> kind.equals(t.text("kind"))).toList();
    assertThat(found).as(kind).hasSize(1);
    return found.get(0);
  }

  private static Tree named(String kind, String name) {
    return manifests.stream().map(Manifest::tree)
        .filter(t -> kind.equals(t.text("kind")) && name.equals(t.text("metadata", "name")))
        .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + MANIFESTS));
  }

  private static Object yaml(String file) throws IOException {
    try (Reader in = Files.newBufferedReader(Path.of(file))) {
      return new Yaml().load(in);
    }
  }

  private record Manifest(String file, Tree tree) {}
}
