package dev.cairn.chart.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The part of kustomize ({@code kubectl apply -k}) the walk-through uses, so the tests need no
 * kubectl: a Kustomization's {@code resources} (files, or folders with a kustomization of their
 * own), its {@code components} (folders whose kustomization is a {@code Component}) and the {@code
 * images} transformer, with kustomize's rules: an entry's {@code name} matches an image without its
 * tag or digest, in every {@code containers} and {@code initContainers} list; {@code newName}
 * replaces the name, {@code newTag} the tag, {@code digest} tag and digest. Paths may not leave the
 * kustomization's folder (kustomize's default load restriction). Any other field fails the build,
 * so the walk-through cannot come to rely on a feature this renderer would silently skip.
 */
public final class Kustomize {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();
  private static final Set<String> FIELDS =
      Set.of("apiVersion", "kind", "resources", "components", "images");
  private static final Set<String> IMAGE_FIELDS = Set.of("name", "newName", "newTag", "digest");
  private static final Set<String> CONTAINER_LISTS = Set.of("containers", "initContainers");

  private Kustomize() {}

  /** {@code kubectl kustomize folder}: the objects, parsed. */
  public static List<HasMetadata> build(Path folder) {
    return kustomization(folder).stream()
        .map(doc -> (HasMetadata) KUBERNETES.unmarshal(doc.toString()))
        .toList();
  }

  /** Rewrites one image reference by the images entries, as kustomize does. */
  public static String image(String image, List<Map<String, String>> entries) {
    int at = image.indexOf('@');
    String withoutDigest = at < 0 ? image : image.substring(0, at);
    int colon = withoutDigest.lastIndexOf(':');
    boolean tagged = colon > withoutDigest.lastIndexOf('/');
    String name = tagged ? withoutDigest.substring(0, colon) : withoutDigest;
    String suffix = image.substring(name.length());
    for (Map<String, String> entry : entries) {
      if (!name.equals(entry.get("name"))) {
        continue;
      }
      String newName = entry.getOrDefault("newName", name);
      if (entry.containsKey("digest")) {
        return newName + "@" + entry.get("digest");
      }
      if (entry.containsKey("newTag")) {
        return newName + ":" + entry.get("newTag");
      }
      return newName + suffix;
    }
    return image;
  }

  /** A Kustomization's objects, its components' and its own images transformers applied. */
  private static List<ObjectNode> kustomization(Path folder) {
    JsonNode kustomization = read(folder, "Kustomization");
    List<ObjectNode> objects = resources(folder, kustomization);
    // A Component's transformers act on everything its parent holds (that is what sets it apart
    // from a nested Kustomization, whose transformers see only its own resources).
    for (JsonNode entry : kustomization.path("components")) {
      Path path = inside(folder, entry.asText());
      JsonNode component = read(path, "Component");
      if (component.has("components")) {
        throw new AssertionError(path + ": the tests' kustomize does not nest components");
      }
      objects.addAll(resources(path, component));
      objects.forEach(object -> retag(object, images(component, path)));
    }
    objects.forEach(object -> retag(object, images(kustomization, folder)));
    return objects;
  }

  private static List<ObjectNode> resources(Path folder, JsonNode kustomization) {
    List<ObjectNode> objects = new ArrayList<>();
    for (JsonNode resource : kustomization.path("resources")) {
      Path path = inside(folder, resource.asText());
      objects.addAll(Files.isDirectory(path) ? kustomization(path) : objects(path));
    }
    return objects;
  }

  private static List<Map<String, String>> images(JsonNode kustomization, Path folder) {
    List<Map<String, String>> entries = new ArrayList<>();
    for (JsonNode entry : kustomization.path("images")) {
      entry
          .fieldNames()
          .forEachRemaining(
              field -> {
                if (!IMAGE_FIELDS.contains(field)) {
                  throw new AssertionError(folder + ": unknown images field '" + field + "'");
                }
              });
      entries.add(YAML.convertValue(entry, new TypeReference<Map<String, String>>() {}));
    }
    return entries;
  }

  /** Every {@code image} in a {@code containers} or {@code initContainers} list, anywhere. */
  private static void retag(JsonNode node, List<Map<String, String>> images) {
    if (images.isEmpty()) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      if (CONTAINER_LISTS.contains(field.getKey()) && value.isArray()) {
        for (JsonNode container : value) {
          if (container instanceof ObjectNode c && c.path("image").isTextual()) {
            c.set("image", TextNode.valueOf(image(c.get("image").asText(), images)));
          }
        }
      } else if (value.isContainerNode()) {
        if (value.isArray()) {
          value.forEach(item -> retag(item, images));
        } else {
          retag(value, images);
        }
      }
    }
  }

  private static List<ObjectNode> objects(Path file) {
    List<ObjectNode> objects = new ArrayList<>();
    try (MappingIterator<JsonNode> docs =
        YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc instanceof ObjectNode object && !object.isEmpty()) {
          objects.add(object);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return objects;
  }

  /** The folder's kustomization file, checked to be of {@code kind} with fields we implement. */
  private static JsonNode read(Path folder, String kind) {
    Path file =
        Stream.of("kustomization.yaml", "kustomization.yml", "Kustomization")
            .map(folder::resolve)
            .filter(Files::isRegularFile)
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("no kustomization in " + folder + " (apply -k fails)"));
    JsonNode kustomization;
    try {
      kustomization = YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!kind.equals(kustomization.path("kind").asText("Kustomization"))) {
      throw new AssertionError(file + " is not a " + kind);
    }
    kustomization
        .fieldNames()
        .forEachRemaining(
            field -> {
              if (!FIELDS.contains(field)) {
                throw new AssertionError(
                    file + ": the tests' kustomize does not implement '" + field + "'");
              }
            });
    return kustomization;
  }

  private static Path inside(Path folder, String relative) {
    Path path = folder.resolve(relative).normalize();
    if (!path.startsWith(folder.normalize())) {
      throw new AssertionError(
          relative + " is outside " + folder + " (kustomize refuses it by default)");
    }
    if (!Files.exists(path)) {
      throw new AssertionError(relative + " does not exist in " + folder);
    }
    return path;
  }
}
