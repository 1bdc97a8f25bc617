package dev.cairn.signing;

/** The three OMS signing methods (spec §4.1), named on the wire as in the reference CLI. */
public enum SigningMethod {
  /** A long-lived public key, identified by {@code publicKey.hint} (or older {@code rawBytes}). */
  KEY("key"),
  /** A long-lived certificate chain, leaf first, validated against configured roots. */
  CERTIFICATE("certificate"),
  /** Sigstore keyless: a short-lived Fulcio certificate and a Rekor entry. */
  SIGSTORE("sigstore");

  private final String wireName;

  SigningMethod(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
