package dev.cairn.operator.modelversion;

import dev.cairn.signing.RefusalCode;
import dev.cairn.signing.SignatureRefusal;
import java.util.Set;

/**
 * The message of a {@code Signed=False} condition (review 12 items 5 and 6). The verifier's detail
 * quotes what it read (a JSON parser's message carries the first characters of the text, a field's
 * value, a path the bundle lists). The operator reads a ConfigMap, a Secret or a URI with its own
 * rights and network position, which the resource's author may not have: echoing the detail would
 * let anyone who may create a ModelVersion read (the start of) any Secret of the namespace or any
 * in-cluster HTTP answer through {@code kubectl get mv -o yaml}. So only an {@code inline} bundle,
 * text the author wrote into the resource, gets the detail; every other source gets the code and a
 * fixed sentence, plus the mismatched path only when it is one of the resource's own files.
 */
final class SignatureRefusalText {

  private SignatureRefusalText() {}

  /**
   * The condition message for {@code refusal} of the bundle read from {@code source}; {@code files}
   * are the paths of the resource's {@code spec.files}.
   */
  static String of(SignatureSource source, SignatureRefusal refusal, Set<String> files) {
    if (source != null && source.inline() != null) {
      return refusal.wireCode() + ": " + refusal.detail() + "; nothing registered";
    }
    boolean ownPath = refusal.path().map(files::contains).orElse(false);
    String code = ownPath ? refusal.wireCode() : refusal.code().name();
    return code
        + ": the signature bundle from "
        + origin(source)
        + " "
        + reason(refusal.code())
        + " (its content is not shown: the operator read it with its own rights); nothing"
        + " registered";
  }

  /** Where the bundle came from, in the resource's own words (names it chose, never content). */
  private static String origin(SignatureSource source) {
    if (source == null) {
      return "spec.signature";
    }
    if (source.secretRef() != null) {
      return "Secret '" + source.secretRef().name() + "' key '" + source.secretRef().key() + "'";
    }
    if (source.configMapRef() != null) {
      return "ConfigMap '"
          + source.configMapRef().name()
          + "' key '"
          + source.configMapRef().key()
          + "'";
    }
    return "spec.signature.uri";
  }

  private static String reason(RefusalCode code) {
    return switch (code) {
      case SIGNATURE_INVALID ->
          "is not a valid OMS v1.0 bundle (not JSON, a wrong field, or a signature that does not"
              + " verify)";
      case SIGNATURE_MISMATCH ->
          "does not match the files (a signed file is missing or differs, or a file is unsigned)";
      case SIGNATURE_UNTRUSTED ->
          "is not vouched for by the project's trust policy (key, certificate chain or identity)";
      case SIGNATURE_METHOD_UNSUPPORTED ->
          "uses a key type, signing method or serialization the verifier does not take";
    };
  }
}
