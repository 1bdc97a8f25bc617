package dev.cairn.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** The OMS v1.0 conformance material copied unchanged under test resources {@code oms-v1.0/}. */
final class Vectors {
  static final Path ROOT = root();
  static final Path MT = ROOT.resolve("model-transparency/scripts/tests");
  static final String KEY_HINT = "e8450dec4eb99dae995da9af1bc2cc9f76ed669ee2e744f57abba763df3e3f8e";

  private Vectors() {}

  static byte[] bytes(String relative) {
    try {
      return Files.readAllBytes(ROOT.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The reference test model files {@code signme-1}, {@code signme-2} of one MT folder. */
  static Map<String, String> signme(String folder) {
    Map<String, String> files = new TreeMap<>();
    for (String name : new String[] {"signme-1", "signme-2"}) {
      try {
        files.put(name, ModelFiles.sha256File(MT.resolve(folder).resolve(name)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  /** Trust in the reference key {@code signing-key-pub.pem} (with its certtool preamble). */
  static TrustMaterial referenceKey() {
    return TrustMaterial.builder()
        .keyPem("reference", text(MT.resolve("keys/certificate/signing-key-pub.pem")))
        .build();
  }

  /** Trust in the reference root CA {@code ca-cert.pem}. */
  static TrustMaterial referenceRoot() {
    return TrustMaterial.builder()
        .rootPem("reference-ca", text(MT.resolve("keys/certificate/ca-cert.pem")))
        .build();
  }

  /** The public-good Sigstore trusted root and the identity that signed the sigstore vector. */
  static TrustMaterial referenceSigstore() {
    return TrustMaterial.builder()
        .sigstoreTrustedRoot(bytes("sigstore-java/trusted_root.json"))
        .identity("stefanb@us.ibm.com", "https://sigstore.verify.ibm.com/oauth2")
        .build();
  }

  private static Path root() {
    try {
      return Path.of(Vectors.class.getResource("/oms-v1.0/README.md").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
