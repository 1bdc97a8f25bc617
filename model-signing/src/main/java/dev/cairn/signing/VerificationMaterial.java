package dev.cairn.signing;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/** What a bundle says about its signer; which variant it is decides the signing method. */
public sealed interface VerificationMaterial {

  SigningMethod method();

  /**
   * {@code publicKey}: the current form names the key by {@code hint}; pre-v1.1.0 bundles carry the
   * key itself in {@code rawBytes} (PEM text or DER) with {@code keyDetails}.
   */
  record PublicKeyMaterial(
      Optional<String> hint, Optional<byte[]> rawBytes, Optional<String> keyDetails)
      implements VerificationMaterial {
    @Override
    public SigningMethod method() {
      return SigningMethod.KEY;
    }
  }

  /** {@code x509CertificateChain}: the leaf certificate first, then its CA chain. */
  record CertificateChainMaterial(List<X509Certificate> chain) implements VerificationMaterial {
    public CertificateChainMaterial {
      chain = List.copyOf(chain);
    }

    public X509Certificate leaf() {
      return chain.get(0);
    }

    @Override
    public SigningMethod method() {
      return SigningMethod.CERTIFICATE;
    }
  }

  /** {@code certificate}: one short-lived Fulcio certificate, with Rekor entries beside it. */
  record FulcioMaterial(X509Certificate certificate, int tlogEntries)
      implements VerificationMaterial {
    @Override
    public SigningMethod method() {
      return SigningMethod.SIGSTORE;
    }
  }
}
