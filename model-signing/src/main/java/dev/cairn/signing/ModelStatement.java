package dev.cairn.signing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The in-toto Statement v1 an OMS signature covers: one subject (the model, digested by the root
 * digest) and the predicate listing every signed file.
 */
public record ModelStatement(
    String subjectName, String rootDigest, List<Resource> resources, Serialization serialization) {
  public static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
  public static final String PREDICATE_TYPE = "https://model_signing/signature/v1.0";

  public ModelStatement {
    resources = List.copyOf(resources);
  }

  /**
   * The statement over a model's files: {@code files} maps each canonical relative POSIX path to
   * its lowercase hex SHA-256. Excluded paths (the signature file, the default exclusions and
   * {@code ignorePaths}) are left out, as the reference signer leaves them out.
   */
  public static ModelStatement of(
      String subjectName, Map<String, String> files, List<String> ignorePaths) {
    List<Resource> resources = new ArrayList<>();
    files.forEach(
        (path, sha256) -> {
          if (!ModelPaths.isCanonical(path)) {
            throw new IllegalArgumentException("not a canonical relative POSIX path: " + path);
          }
          if (!Digests.isSha256Hex(sha256)) {
            throw new IllegalArgumentException("not a lowercase hex SHA-256 for " + path);
          }
          if (!ModelPaths.isExcluded(path, ignorePaths)) {
            resources.add(new Resource(path, sha256, Serialization.SHA256));
          }
        });
    if (resources.isEmpty()) {
      throw new IllegalArgumentException("a signed model needs at least one file");
    }
    // Code point order, as the spec asks; String.compareTo orders UTF-16 units, which differs
    // for characters outside the BMP.
    resources.sort(Comparator.comparing(Resource::name, ModelStatement::compareCodePoints));
    List<String> ignored = new ArrayList<>(ModelPaths.DEFAULT_EXCLUSIONS);
    ignored.addAll(ignorePaths);
    ignored.add(ModelPaths.SIGNATURE_FILE);
    return new ModelStatement(
        subjectName,
        Digests.rootDigest(resources.stream().map(Resource::digest).toList()),
        resources,
        Serialization.files(ignored.stream().distinct().toList()));
  }

  /** Parses and validates a statement (spec §8.3); anything off is SIGNATURE_INVALID. */
  public static ModelStatement parse(byte[] payload) throws SignatureRefusal {
    return StatementReader.read(payload);
  }

  /** Unicode code point order of two names. */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /** The statement's JSON bytes, the DSSE payload (field order as the reference writes it). */
  public byte[] toJson() {
    ObjectNode statement = Json.MAPPER.createObjectNode();
    statement.put("_type", STATEMENT_TYPE);
    ObjectNode subject = statement.putArray("subject").addObject();
    subject.put("name", subjectName);
    subject.putObject("digest").put("sha256", rootDigest);
    statement.put("predicateType", PREDICATE_TYPE);
    ObjectNode predicate = statement.putObject("predicate");
    ArrayNode list = predicate.putArray("resources");
    for (Resource resource : resources) {
      list.addObject()
          .put("name", resource.name())
          .put("digest", resource.digest())
          .put("algorithm", resource.algorithm());
    }
    ObjectNode serial = predicate.putObject("serialization");
    serial.put("method", serialization.method());
    serial.put("hash_type", serialization.hashType());
    serial.put("allow_symlinks", serialization.allowSymlinks());
    serialization.ignorePaths().forEach(serial.putArray("ignore_paths")::add);
    try {
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(statement);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }
}
