package dev.cairn.client.model;

import java.time.Instant;

/**
 * What the registry recorded of a version's accepted signature: the OMS method ({@code key}, {@code
 * certificate}, {@code sigstore}), the signer, when it was verified, and whether the project's
 * current trust policy still trusts it.
 */
public record SignatureInfo(String method, String signer, Instant verifiedAt, Boolean trusted) {}
