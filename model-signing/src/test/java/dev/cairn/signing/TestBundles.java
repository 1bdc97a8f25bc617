package dev.cairn.signing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** Builds bundles the way other signers could, including ones Cairn must refuse. */
final class TestBundles {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder BASE64 = Base64.getEncoder();

  private TestBundles() {}

  static ObjectNode hint(PublicKey key) {
    ObjectNode material = JSON.createObjectNode();
    material.putObject("publicKey").put("hint", Pem.hint(key));
    return material;
  }

  /** The pre-v1.1.0 form: the PEM text of the key, base64, with its keyDetails. */
  static ObjectNode rawKey(PublicKey key, String keyDetails) {
    ObjectNode material = JSON.createObjectNode();
    material
        .putObject("publicKey")
        .put(
            "rawBytes",
            BASE64.encodeToString(Pem.publicKeyPem(key).getBytes(StandardCharsets.US_ASCII)))
        .put("keyDetails", keyDetails);
    return material;
  }

  static ObjectNode chain(X509Certificate... certificates) throws Exception {
    ObjectNode material = JSON.createObjectNode();
    var list = material.putObject("x509CertificateChain").putArray("certificates");
    for (X509Certificate certificate : certificates) {
      list.addObject().put("rawBytes", BASE64.encodeToString(certificate.getEncoded()));
    }
    material.putArray("tlogEntries");
    return material;
  }

  /** A bundle whose DSSE signature over {@code signedPayload} is carried with {@code payload}. */
  static byte[] bundle(
      ObjectNode material, byte[] payload, byte[] signedPayload, PrivateKey key, String algorithm)
      throws Exception {
    Signature signer = Signature.getInstance(algorithm);
    signer.initSign(key);
    signer.update(Dsse.pae(Dsse.IN_TOTO_PAYLOAD_TYPE, signedPayload));
    ObjectNode bundle = JSON.createObjectNode();
    bundle.put("mediaType", "application/vnd.dev.sigstore.bundle.v0.3+json");
    bundle.set("verificationMaterial", material);
    ObjectNode envelope = bundle.putObject("dsseEnvelope");
    envelope.put("payload", BASE64.encodeToString(payload));
    envelope.put("payloadType", Dsse.IN_TOTO_PAYLOAD_TYPE);
    envelope.putArray("signatures").addObject().put("sig", BASE64.encodeToString(signer.sign()));
    return JSON.writeValueAsBytes(bundle);
  }

  static byte[] bundle(ObjectNode material, byte[] payload, PrivateKey key, String algorithm)
      throws Exception {
    return bundle(material, payload, payload, key, algorithm);
  }
}
