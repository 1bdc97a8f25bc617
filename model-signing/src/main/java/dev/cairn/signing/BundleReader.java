package dev.cairn.signing;

import static dev.cairn.signing.Json.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.signing.VerificationMaterial.CertificateChainMaterial;
import dev.cairn.signing.VerificationMaterial.FulcioMaterial;
import dev.cairn.signing.VerificationMaterial.PublicKeyMaterial;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the Sigstore bundle v0.3 JSON of an OMS signature, refusing anything it cannot vouch for.
 */
final class BundleReader {
  static final Set<String> MEDIA_TYPES =
      Set.of(
          "application/vnd.dev.sigstore.bundle.v0.3+json",
          "application/vnd.dev.sigstore.bundle+json;version=0.3");
  private static final int MAX_CHAIN = 10;

  private BundleReader() {}

  static SignatureBundle read(byte[] bytes) throws SignatureRefusal {
    if (bytes.length == 0) {
      throw invalid("bundle is empty");
    }
    JsonNode root = Json.object(bytes, "bundle");
    if (root.has("messageSignature")) {
      throw invalid("bundle signs a message, not a DSSE statement: not an OMS bundle");
    }
    Json.onlyFields(root, Set.of("mediaType", "verificationMaterial", "dsseEnvelope"), "bundle");
    String mediaType = Json.requireText(root, "mediaType", "bundle");
    if (!MEDIA_TYPES.contains(mediaType)) {
      throw invalid(
          "bundle mediaType '" + Json.shorten(mediaType) + "' is not a Sigstore v0.3 bundle");
    }
    VerificationMaterial material =
        material(Json.requireObject(root, "verificationMaterial", "bundle"));
    DsseEnvelope envelope = envelope(Json.requireObject(root, "dsseEnvelope", "bundle"));
    return new SignatureBundle(mediaType, material, envelope, bytes);
  }

  private static VerificationMaterial material(JsonNode node) throws SignatureRefusal {
    String where = "verificationMaterial";
    Json.onlyFields(
        node,
        Set.of(
            "publicKey",
            "x509CertificateChain",
            "certificate",
            "tlogEntries",
            "timestampVerificationData"),
        where);
    int kinds =
        (node.has("publicKey") ? 1 : 0)
            + (node.has("x509CertificateChain") ? 1 : 0)
            + (node.has("certificate") ? 1 : 0);
    if (kinds != 1) {
      throw invalid(where + " needs exactly one of publicKey, x509CertificateChain, certificate");
    }
    int tlogEntries = tlogEntries(node);
    if (node.has("publicKey")) {
      return publicKey(Json.requireObject(node, "publicKey", where));
    }
    if (node.has("x509CertificateChain")) {
      return chain(Json.requireObject(node, "x509CertificateChain", where));
    }
    JsonNode certificate = Json.requireObject(node, "certificate", where);
    if (tlogEntries == 0) {
      throw invalid("a sigstore bundle needs at least one tlogEntries item");
    }
    return new FulcioMaterial(certificate(certificate, where + ".certificate"), tlogEntries);
  }

  private static int tlogEntries(JsonNode material) throws SignatureRefusal {
    JsonNode entries = material.get("tlogEntries");
    if (entries == null || entries.isNull()) {
      return 0;
    }
    if (!entries.isArray()) {
      throw invalid("verificationMaterial.tlogEntries must be an array");
    }
    return entries.size();
  }

  private static PublicKeyMaterial publicKey(JsonNode node) throws SignatureRefusal {
    String where = "verificationMaterial.publicKey";
    Json.onlyFields(node, Set.of("hint", "rawBytes", "keyDetails"), where);
    Optional<String> hint = Json.optionalText(node, "hint", where).filter(h -> !h.isEmpty());
    Optional<byte[]> raw = Json.optionalText(node, "rawBytes", where).map(BundleReader::lenient);
    if (raw.isPresent() && raw.get().length == 0) {
      throw invalid(where + ".rawBytes is not base64");
    }
    if (hint.isEmpty() && raw.isEmpty()) {
      throw invalid(where + " needs a hint or rawBytes");
    }
    return new PublicKeyMaterial(hint, raw, Json.optionalText(node, "keyDetails", where));
  }

  private static CertificateChainMaterial chain(JsonNode node) throws SignatureRefusal {
    String where = "verificationMaterial.x509CertificateChain";
    Json.onlyFields(node, Set.of("certificates"), where);
    JsonNode certificates = Json.requireArray(node, "certificates", where);
    if (certificates.isEmpty() || certificates.size() > MAX_CHAIN) {
      throw invalid(where + ".certificates must hold 1 to " + MAX_CHAIN + " certificates");
    }
    List<X509Certificate> chain = new ArrayList<>();
    for (JsonNode certificate : certificates) {
      if (!certificate.isObject()) {
        throw invalid(where + ".certificates items must be objects");
      }
      chain.add(certificate(certificate, where + ".certificates[" + chain.size() + "]"));
    }
    return new CertificateChainMaterial(chain);
  }

  private static X509Certificate certificate(JsonNode node, String where) throws SignatureRefusal {
    Json.onlyFields(node, Set.of("rawBytes"), where);
    byte[] der = base64(Json.requireText(node, "rawBytes", where), where + ".rawBytes");
    try {
      return Pem.certificate(der);
    } catch (IllegalArgumentException e) {
      throw invalid(where + " is not a DER X.509 certificate");
    }
  }

  private static DsseEnvelope envelope(JsonNode node) throws SignatureRefusal {
    String where = "dsseEnvelope";
    Json.onlyFields(node, Set.of("payload", "payloadType", "signatures"), where);
    String payloadType = Json.requireText(node, "payloadType", where);
    if (!payloadType.equals(Dsse.IN_TOTO_PAYLOAD_TYPE)) {
      throw invalid(where + ".payloadType must be " + Dsse.IN_TOTO_PAYLOAD_TYPE);
    }
    byte[] payload = base64(Json.requireText(node, "payload", where), where + ".payload");
    JsonNode signatures = Json.requireArray(node, "signatures", where);
    if (signatures.size() != 1 || !signatures.get(0).isObject()) {
      throw invalid(where + ".signatures must hold exactly one signature object");
    }
    JsonNode signature = signatures.get(0);
    String sigWhere = where + ".signatures[0]";
    Json.onlyFields(signature, Set.of("sig", "keyid"), sigWhere);
    // keyid is not used by OMS: absent, "", null and any string are all accepted (spec §4.1).
    Json.optionalText(signature, "keyid", sigWhere);
    byte[] sig = base64(Json.requireText(signature, "sig", sigWhere), sigWhere + ".sig");
    return new DsseEnvelope(payloadType, payload, sig);
  }

  private static byte[] base64(String text, String where) throws SignatureRefusal {
    byte[] bytes = lenient(text);
    if (bytes.length == 0) {
      throw invalid(where + " must be non-empty base64");
    }
    return bytes;
  }

  /** Standard base64 first, then URL-safe (DSSE allows either); empty when neither decodes. */
  private static byte[] lenient(String text) {
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      try {
        return Base64.getUrlDecoder().decode(text);
      } catch (IllegalArgumentException again) {
        return new byte[0];
      }
    }
  }
}
