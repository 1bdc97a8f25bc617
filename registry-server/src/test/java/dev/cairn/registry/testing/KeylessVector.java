package dev.cairn.registry.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OMS v1.0 keyless vector ({@code valid/sigstore.bundle.json} over the reference model's {@code
 * signme-1}/{@code signme-2}) as the registry, operator, sidecar and storage-initializer tests read
 * it. It lives here, not in model-signing, because those four modules share this test-jar and no
 * test dependency on model-signing's tests. Paths are relative to a module's directory, the working
 * directory of its tests.
 */
public final class KeylessVector {

  public static final Path OMS = Path.of("../model-signing/src/test/resources/oms-v1.0");
  public static final Path TRUSTED_ROOT = OMS.resolve("sigstore-java/trusted_root.json");
  public static final Path BUNDLE = OMS.resolve("test-vectors/v1.0/valid/sigstore.bundle.json");
  public static final Path MODEL = OMS.resolve("model-transparency/scripts/tests/v1.1.0-sigstore");
  public static final List<String> FILES = List.of("signme-1", "signme-2");
  public static final String SAN = "stefanb@us.ibm.com";
  public static final String ISSUER = "https://sigstore.verify.ibm.com/oauth2";

  /** The signer a verifier reports for the vector. */
  public static final String SIGNER = SAN + " (" + ISSUER + ")";

  private KeylessVector() {}

  public static byte[] bundle() throws IOException {
    return Files.readAllBytes(BUNDLE);
  }

  /** The reference files by name, in name order, with their SHA-256 in hex. */
  public static Map<String, String> sha256s() throws IOException {
    Map<String, String> files = new TreeMap<>();
    for (String name : FILES) {
      files.put(name, Versions.sha256(Files.readAllBytes(MODEL.resolve(name))));
    }
    return files;
  }

  /** A trust policy trusting only the vector's identity (no keys, no roots). */
  public static ObjectNode trustPolicy() {
    ObjectNode policy = new ObjectMapper().createObjectNode();
    policy.putArray("keys");
    policy.putArray("roots");
    policy.putArray("identities").addObject().put("san", SAN).put("issuer", ISSUER);
    return policy;
  }
}
