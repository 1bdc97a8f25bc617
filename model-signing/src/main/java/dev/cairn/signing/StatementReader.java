package dev.cairn.signing;

import static dev.cairn.signing.Json.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Validates a DSSE payload as an OMS v1.0 in-toto statement (spec §5, §8.3). */
final class StatementReader {
  private static final Set<String> OPTIONAL_HASHES = Set.of("blake2b", "blake3");

  private StatementReader() {}

  static ModelStatement read(byte[] payload) throws SignatureRefusal {
    JsonNode statement = Json.object(payload, "statement");
    expect(statement, "_type", ModelStatement.STATEMENT_TYPE);
    expect(statement, "predicateType", ModelStatement.PREDICATE_TYPE);
    JsonNode subjects = Json.requireArray(statement, "subject", "statement");
    if (subjects.size() != 1 || !subjects.get(0).isObject()) {
      throw invalid("statement.subject must hold exactly one subject");
    }
    JsonNode subject = subjects.get(0);
    String name = Json.requireText(subject, "name", "subject");
    String root =
        Json.requireText(Json.requireObject(subject, "digest", "subject"), "sha256", "digest");
    if (name.isEmpty() || !Digests.isSha256Hex(root)) {
      throw invalid("subject needs a name and a lowercase hex sha256 digest");
    }
    JsonNode predicate = Json.requireObject(statement, "predicate", "statement");
    Serialization serialization =
        serialization(Json.requireObject(predicate, "serialization", "predicate"));
    List<Resource> resources =
        resources(Json.requireArray(predicate, "resources", "predicate"), serialization);
    String computed = Digests.rootDigest(resources.stream().map(Resource::digest).toList());
    if (!computed.equals(root)) {
      throw invalid("subject digest is not the root digest of the listed resources");
    }
    return new ModelStatement(name, root, resources, serialization);
  }

  private static void expect(JsonNode node, String field, String value) throws SignatureRefusal {
    String actual = Json.requireText(node, field, "statement");
    if (!actual.equals(value)) {
      throw invalid("statement." + field + " is '" + Json.shorten(actual) + "', expected " + value);
    }
  }

  private static Serialization serialization(JsonNode node) throws SignatureRefusal {
    String where = "serialization";
    String method = Json.requireText(node, "method", where);
    String hashType = Json.requireText(node, "hash_type", where);
    if (method.equals("shards")) {
      throw SignatureRefusal.of(
          RefusalCode.SIGNATURE_METHOD_UNSUPPORTED,
          "shard serialization is not supported: sign whole files (method 'files')");
    }
    if (!method.equals(Serialization.FILES)) {
      throw invalid("serialization.method '" + Json.shorten(method) + "' is not an OMS method");
    }
    if (node.has("shard_size")) {
      throw invalid("serialization.shard_size must be absent for method 'files'");
    }
    if (OPTIONAL_HASHES.contains(hashType)) {
      throw SignatureRefusal.of(
          RefusalCode.SIGNATURE_METHOD_UNSUPPORTED,
          "hash_type " + hashType + " is not supported: Cairn pins files by sha256");
    }
    if (!hashType.equals(Serialization.SHA256)) {
      throw invalid("serialization.hash_type '" + Json.shorten(hashType) + "' is not an OMS hash");
    }
    JsonNode symlinks = node.get("allow_symlinks");
    if (symlinks == null || !symlinks.isBoolean()) {
      throw invalid("serialization.allow_symlinks must be a boolean");
    }
    return new Serialization(method, hashType, symlinks.booleanValue(), ignorePaths(node));
  }

  /** Absent before v1.1.0 (spec §11.2): the default exclusions still apply. */
  private static List<String> ignorePaths(JsonNode serialization) throws SignatureRefusal {
    JsonNode node = serialization.get("ignore_paths");
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw invalid("serialization.ignore_paths must be an array");
    }
    List<String> paths = new ArrayList<>();
    for (JsonNode path : node) {
      if (!path.isTextual() || !validIgnorePath(path.textValue())) {
        throw invalid("serialization.ignore_paths holds a path that is not relative and plain");
      }
      paths.add(path.textValue());
    }
    return paths;
  }

  private static boolean validIgnorePath(String path) {
    String plain = path.startsWith("./") ? path.substring(2) : path;
    return ModelPaths.isCanonical(plain) && plain.chars().noneMatch(c -> "*?[".indexOf(c) >= 0);
  }

  private static List<Resource> resources(JsonNode node, Serialization serialization)
      throws SignatureRefusal {
    if (node.isEmpty()) {
      throw invalid("predicate.resources must list at least one file");
    }
    List<Resource> resources = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isObject()) {
        throw invalid("predicate.resources items must be objects");
      }
      Resource resource =
          new Resource(
              Json.requireText(item, "name", "resource"),
              Json.requireText(item, "digest", "resource"),
              Json.requireText(item, "algorithm", "resource"));
      check(resource, serialization, resources);
      resources.add(resource);
    }
    return resources;
  }

  private static void check(Resource resource, Serialization serialization, List<Resource> before)
      throws SignatureRefusal {
    String name = Json.shorten(resource.name());
    if (!ModelPaths.isCanonical(resource.name())) {
      throw invalid("resource name '" + name + "' is not a canonical relative POSIX path");
    }
    if (resource.name().equals(ModelPaths.SIGNATURE_FILE)) {
      throw invalid("the signature file " + ModelPaths.SIGNATURE_FILE + " is listed as a resource");
    }
    if (!resource.algorithm().equals(serialization.hashType())
        || !Digests.isSha256Hex(resource.digest())) {
      throw invalid("resource '" + name + "' needs a lowercase hex sha256 digest");
    }
    if (!before.isEmpty()
        && ModelStatement.compareCodePoints(before.getLast().name(), resource.name()) >= 0) {
      throw invalid("predicate.resources are not sorted by name without repeats at '" + name + "'");
    }
  }
}
