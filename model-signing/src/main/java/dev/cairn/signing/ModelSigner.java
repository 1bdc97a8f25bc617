package dev.cairn.signing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Makes an OMS {@code model.sig} with the {@code key} method, in the current reference format
 * ({@code publicKey.hint}, empty {@code tlogEntries}, {@code keyid ""}), so that the reference
 * verifier and every conforming one accept what Cairn signs.
 */
public final class ModelSigner {
  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final EcdsaCurves curve;

  /**
   * A signer for an ECDSA key pair on P-256, P-384 or P-521; other keys are refused with
   * SIGNATURE_METHOD_UNSUPPORTED, as a verifier would refuse what they sign.
   */
  public ModelSigner(PrivateKey privateKey, PublicKey publicKey) throws SignatureRefusal {
    this.curve = EcdsaCurves.of(publicKey);
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  /**
   * Signs files (relative POSIX path → lowercase hex SHA-256); see {@link #sign(ModelStatement)}.
   */
  public byte[] sign(String modelName, Map<String, String> files, List<String> ignorePaths) {
    return sign(ModelStatement.of(modelName, files, ignorePaths));
  }

  /** The bundle JSON bytes for a statement. */
  public byte[] sign(ModelStatement statement) {
    byte[] payload = statement.toJson();
    byte[] signature = signature(Dsse.pae(Dsse.IN_TOTO_PAYLOAD_TYPE, payload));
    Base64.Encoder base64 = Base64.getEncoder();
    ObjectNode bundle = Json.MAPPER.createObjectNode();
    bundle.put("mediaType", "application/vnd.dev.sigstore.bundle.v0.3+json");
    ObjectNode material = bundle.putObject("verificationMaterial");
    material.putObject("publicKey").put("hint", Pem.hint(publicKey));
    material.putArray("tlogEntries");
    ObjectNode envelope = bundle.putObject("dsseEnvelope");
    envelope.put("payload", base64.encodeToString(payload));
    envelope.put("payloadType", Dsse.IN_TOTO_PAYLOAD_TYPE);
    envelope
        .putArray("signatures")
        .addObject()
        .put("sig", base64.encodeToString(signature))
        .put("keyid", "");
    try {
      return Json.MAPPER.writeValueAsBytes(bundle);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  private byte[] signature(byte[] pae) {
    try {
      Signature signer = Signature.getInstance(curve.signatureAlgorithm());
      signer.initSign(privateKey);
      signer.update(pae);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the private key cannot sign with " + curve, e);
    }
  }
}
