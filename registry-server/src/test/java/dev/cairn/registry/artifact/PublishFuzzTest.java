package dev.cairn.registry.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.common.testing.MultipartBodies;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 25, item 14: a multipart publish without {@code size_bytes} answered 500 (an NPE while
 * staging). Seeded-random declarations — fields missing, null, of the wrong type, huge or negative
 * numbers, bad hex — go through both publish paths (JSON declaration and multipart one-shot); none
 * may answer 5xx, and every refusal is a problem with a code.
 */
class PublishFuzzTest {

  private static final long SEED = 0x25_14L;
  private static final int DOCUMENTS = 300;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] FILE = "{\"weights\":[1,2,3]}".getBytes(StandardCharsets.UTF_8);

  private final TestRegistry registry = TestRegistry.shared();
  private final Http http = registry.http();
  private String versions;

  @BeforeEach
  void model() {
    String project = TestRegistry.uniqueProject("fuzz");
    var admin = registry.client(TestTokens.ADMIN);
    admin.projects().create(ProjectCreate.named(project));
    admin.models().create(project, ModelCreate.named("m"));
    versions = "/api/v1/projects/" + project + "/models/m/versions";
  }

  @Test
  void multipartWithoutSizeBytesTakesTheSizeFromThePart() throws Exception {
    ObjectNode metadata = valid();
    ((ObjectNode) metadata.get("files").get(0)).remove("size_bytes");

    HttpResponse<String> res = oneShot(metadata.toString(), true);

    assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
    JsonNode version = JSON.readTree(res.body());
    assertThat(version.get("state").asText()).isEqualTo("READY");
    assertThat(version.get("files").get(0).get("size_bytes").asLong()).isEqualTo(FILE.length);
  }

  @Test
  void multipartWithANegativeSizeIsRefusedLikeTheJsonPath() throws Exception {
    ObjectNode metadata = valid();
    ((ObjectNode) metadata.get("files").get(0)).put("size_bytes", -1);

    HttpResponse<String> oneShot = oneShot(metadata.toString(), true);
    HttpResponse<String> declared = http.post(versions, TestTokens.PUBLISHER, metadata.toString());

    assertThat(oneShot.statusCode()).as(oneShot.body()).isEqualTo(400);
    assertThat(declared.statusCode()).as(declared.body()).isEqualTo(400);
    assertThat(detail(oneShot)).isEqualTo(detail(declared));
  }

  @Test
  void noMutatedDeclarationAnswers5xxOnEitherPath() throws Exception {
    Random random = new Random(SEED);
    List<String> failures = new ArrayList<>();
    int refused = 0;
    for (int i = 0; i < DOCUMENTS; i++) {
      String document = mutated(random);
      boolean withPart = random.nextInt(5) != 0;
      HttpResponse<String> declared = http.post(versions, TestTokens.PUBLISHER, document);
      HttpResponse<String> oneShot = oneShot(document, withPart);
      for (HttpResponse<String> res : List.of(declared, oneShot)) {
        if (res.statusCode() >= 500 || (res.statusCode() >= 400 && !hasCode(res))) {
          failures.add(res.statusCode() + " for #" + i + " " + document + " -> " + res.body());
        }
        if (res.statusCode() >= 400) {
          refused++;
        }
      }
    }
    assertThat(failures).isEmpty();
    // The mutations really reach the checks: most documents are refused, some still pass.
    assertThat(refused).isBetween(DOCUMENTS / 2, 2 * DOCUMENTS - 10);
  }

  private HttpResponse<String> oneShot(String metadata, boolean withPart) {
    byte[] meta = MultipartBodies.part("metadata", null, bytes(metadata));
    byte[] body =
        withPart
            ? MultipartBodies.body(meta, MultipartBodies.part("model.json", null, FILE))
            : MultipartBodies.body(meta);
    return http.sendBytes(
        "POST",
        versions,
        TestTokens.PUBLISHER,
        body,
        Map.of("Content-Type", "multipart/form-data; boundary=cairn-7f3a"));
  }

  private static ObjectNode valid() {
    ObjectNode doc = NODES.objectNode();
    doc.put("format", "generic");
    ObjectNode runtime = doc.putObject("runtime");
    runtime.put("name", "generic");
    runtime.put("min_version", "1");
    doc.putObject("metadata").put("epochs", 3);
    doc.putObject("provenance").put("git_commit", "abc123");
    doc.putObject("labels").put("team", "risk");
    doc.put("notes", "fuzzed");
    ObjectNode file = doc.putArray("files").addObject();
    file.put("path", "model.json");
    file.put("sha256", ArtifactFlowFixture.sha256(FILE));
    file.put("size_bytes", FILE.length);
    return doc;
  }

  /** A valid declaration with one to three fields replaced, removed or nulled. */
  private static String mutated(Random random) {
    ObjectNode doc = valid();
    int mutations = 1 + random.nextInt(3);
    for (int m = 0; m < mutations; m++) {
      ObjectNode target = doc;
      String[] fields = {
        "format",
        "runtime",
        "metadata",
        "provenance",
        "labels",
        "notes",
        "files",
        "version",
        "variant",
        "description",
        "artifacts_dir"
      };
      String field = fields[random.nextInt(fields.length)];
      int where = random.nextInt(3);
      if (where == 1 && doc.get("files") instanceof ArrayNode files && !files.isEmpty()) {
        if (files.get(0) instanceof ObjectNode file) {
          target = file;
          String[] fileFields = {"path", "sha256", "size_bytes", "uri", "import"};
          field = fileFields[random.nextInt(fileFields.length)];
        }
      } else if (where == 2 && doc.get("runtime") instanceof ObjectNode runtime) {
        target = runtime;
        field = random.nextBoolean() ? "name" : "min_version";
      }
      mutate(random, target, field);
    }
    return random.nextInt(20) == 0 ? truncate(random, doc.toString()) : doc.toString();
  }

  private static void mutate(Random random, ObjectNode target, String field) {
    switch (random.nextInt(14)) {
      case 0 -> target.remove(field);
      case 1 -> target.putNull(field);
      case 2 -> target.put(field, random.nextInt());
      case 3 -> target.put(field, new BigInteger("9".repeat(1 + random.nextInt(40))));
      case 4 -> target.put(field, -1 - random.nextInt(1000));
      case 5 -> target.put(field, random.nextBoolean() ? 1e308 : -0.5);
      case 6 -> target.put(field, random.nextBoolean());
      case 7 -> target.putArray(field).add(1).addNull().add("x");
      case 8 -> target.putObject(field).put("nested", "value");
      case 9 -> target.put(field, "zz".repeat(32));
      case 10 -> target.put(field, "AB".repeat(random.nextInt(40)));
      case 11 -> target.put(field, "../".repeat(random.nextInt(5)) + "x\u0000y");
      case 12 -> target.put(field, Long.MAX_VALUE);
      default -> target.put(field, "");
    }
  }

  private static String truncate(Random random, String document) {
    return document.substring(0, random.nextInt(document.length()));
  }

  private static boolean hasCode(HttpResponse<String> res) {
    try {
      JsonNode problem = JSON.readTree(res.body());
      return problem.hasNonNull("code") && problem.hasNonNull("detail");
    } catch (Exception e) {
      return false;
    }
  }

  private static String detail(HttpResponse<String> res) throws Exception {
    return JSON.readTree(res.body()).get("detail").asText();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
