package dev.cairn.chart.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Checks a manifest as an API server would, strictly: a built-in kind must have no field its
 * Kubernetes model lacks (fabric8 keeps unknown fields aside, so a typo shows up), and a Cairn or
 * KServe resource must validate against its CRD's OpenAPI schema with unknown fields refused (the
 * API server would silently prune them).
 */
public final class ManifestChecks {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final ObjectMapper JSON = new ObjectMapper();

  private ManifestChecks() {}

  /** Problems found in {@code object}; empty when it is valid. */
  public static List<String> problems(HasMetadata object) {
    List<String> problems = new ArrayList<>();
    if (object instanceof GenericKubernetesResource custom) {
      problems.addAll(againstCrd(custom));
    } else {
      unknownFields(object, object.getKind(), problems, new ArrayList<>());
    }
    return problems;
  }

  private static List<String> againstCrd(GenericKubernetesResource custom) {
    CustomResourceDefinition crd;
    if (custom.getApiVersion().startsWith("cairn.dev/")) {
      crd = crd(custom.getKind());
    } else if (custom.getApiVersion().startsWith("serving.kserve.io/")) {
      crd = kserveCrd(custom.getKind());
    } else {
      return List.of(custom.getKind() + ": not a Cairn or KServe kind, no CRD to check it against");
    }
    String group = crd.getSpec().getGroup();
    var version =
        crd.getSpec().getVersions().stream()
            .filter(v -> custom.getApiVersion().equals(group + "/" + v.getName()))
            .findFirst();
    if (version.isEmpty()) {
      return List.of(custom.getKind() + ": no CRD version " + custom.getApiVersion());
    }
    ObjectNode schema = JSON.valueToTree(version.get().getSchema().getOpenAPIV3Schema());
    strict(schema);
    // metadata is the API server's to check; the schema describes spec and status.
    ((ObjectNode) schema.get("properties")).putObject("metadata").put("type", "object");
    ((ObjectNode) schema.get("properties")).putObject("apiVersion").put("type", "string");
    ((ObjectNode) schema.get("properties")).putObject("kind").put("type", "string");
    JsonSchema validator =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
    JsonNode document = JSON.valueToTree(custom);
    Set<ValidationMessage> messages = validator.validate(document);
    return messages.stream().map(m -> custom.getKind() + ": " + m.getMessage()).toList();
  }

  /** Objects with declared properties refuse others, unless the CRD preserves unknown fields. */
  private static void strict(JsonNode node) {
    if (node instanceof ObjectNode object) {
      boolean preserve = object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
      if (object.has("properties") && !preserve && !object.has("additionalProperties")) {
        object.put("additionalProperties", false);
      }
      object.elements().forEachRemaining(ManifestChecks::strict);
    } else if (node != null && node.isArray()) {
      node.elements().forEachRemaining(ManifestChecks::strict);
    }
  }

  private static CustomResourceDefinition crd(String kind) {
    String file =
        switch (kind) {
          case "ModelVersion" -> "crds/modelversions.cairn.dev-v1.yml";
          case "ModelActivation" -> "crds/modelactivations.cairn.dev-v1.yml";
          default -> throw new AssertionError("no CRD for kind " + kind);
        };
    try {
      return SERIALIZATION.unmarshal(
          Files.readString(Repo.resolve(file)), CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * KServe's own CRDs, copied from kserve/kserve into the test resources (see {@code
   * kserve-crds/README.md} for the commit).
   */
  private static CustomResourceDefinition kserveCrd(String kind) {
    String resource =
        switch (kind) {
          case "ClusterStorageContainer" ->
              "/kserve-crds/serving.kserve.io_clusterstoragecontainers.yaml";
          case "InferenceService" -> "/kserve-crds/serving.kserve.io_inferenceservices.yaml.gz";
          default -> throw new AssertionError("no KServe CRD for kind " + kind);
        };
    try (InputStream raw = ManifestChecks.class.getResourceAsStream(resource)) {
      if (raw == null) {
        throw new AssertionError("missing test resource " + resource);
      }
      InputStream in = resource.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
      return SERIALIZATION.unmarshal(
          new String(in.readAllBytes(), StandardCharsets.UTF_8), CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Walks the fabric8 model: any additional property is a field Kubernetes does not have. */
  private static void unknownFields(
      Object node, String path, List<String> problems, List<Object> seen) {
    if (node == null || seen.stream().anyMatch(s -> s == node)) {
      return;
    }
    if (node instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        unknownFields(item, path + "[" + i++ + "]", problems, seen);
      }
      return;
    }
    if (node instanceof Map<?, ?> map) {
      map.forEach((k, v) -> unknownFields(v, path + "." + k, problems, seen));
      return;
    }
    if (!(node instanceof KubernetesResource)
        && !node.getClass().getName().startsWith("io.fabric8")) {
      return;
    }
    seen.add(node);
    for (Method getter : node.getClass().getMethods()) {
      if (getter.getParameterCount() != 0
          || Modifier.isStatic(getter.getModifiers())
          || !getter.getName().startsWith("get")
          || getter.getDeclaringClass() == Object.class) {
        continue;
      }
      Object value;
      try {
        value = getter.invoke(node);
      } catch (IllegalAccessException | InvocationTargetException e) {
        continue;
      }
      String field = path + "." + getter.getName().substring(3);
      if (getter.getName().equals("getAdditionalProperties")) {
        if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
          problems.add(path + ": unknown field(s) " + extra.keySet());
        }
      } else if (!(value instanceof String) && !(value instanceof Number)) {
        unknownFields(value, field, problems, seen);
      }
    }
  }
}
