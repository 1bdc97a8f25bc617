package dev.cairn.signing;

/** Why a model signature was refused; the wire form is the enum name (the API's error code). */
public enum RefusalCode {
  /** The bundle is malformed, not OMS v1.0, or its signature does not verify. */
  SIGNATURE_INVALID,
  /** A signed resource differs from the model's files, is missing, or a file is unsigned. */
  SIGNATURE_MISMATCH,
  /** The signature verifies, but its key, certificate chain or identity is not trusted. */
  SIGNATURE_UNTRUSTED,
  /** The bundle uses a key type, signing method or serialization this verifier does not take. */
  SIGNATURE_METHOD_UNSUPPORTED
}
