package dev.cairn.signing;

/** Who a method verifier found behind a signature, and the trust entry that vouched for it. */
record VerifiedSigner(String signer, String trustedAs) {}
