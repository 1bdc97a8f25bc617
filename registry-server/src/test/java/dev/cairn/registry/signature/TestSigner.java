package dev.cairn.registry.signature;

import dev.cairn.signing.ModelSigner;
import dev.cairn.signing.Pem;
import dev.cairn.signing.SignatureRefusal;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Map;

/** A fresh ECDSA P-256 key for tests: its public PEM, its hint, and OMS bundles it signs. */
public final class TestSigner {

  private final KeyPair pair;

  private TestSigner(KeyPair pair) {
    this.pair = pair;
  }

  public static TestSigner generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return new TestSigner(generator.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public String pem() {
    return Pem.publicKeyPem(pair.getPublic());
  }

  public String hint() {
    return Pem.hint(pair.getPublic());
  }

  /** A {@code model.sig} over {@code files} (relative path → SHA-256 hex). */
  public byte[] sign(Map<String, String> files) {
    try {
      return new ModelSigner(pair.getPrivate(), pair.getPublic()).sign("model", files, List.of());
    } catch (SignatureRefusal e) {
      throw new IllegalStateException(e);
    }
  }

  /** The trust-policy body trusting this key as {@code name}. */
  public String policy(String name) {
    return "{\"keys\":[{\"name\":\""
        + name
        + "\",\"pem\":\""
        + pem().replace("\n", "\\n")
        + "\"}]}";
  }
}
