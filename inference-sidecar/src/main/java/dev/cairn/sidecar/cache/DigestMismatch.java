package dev.cairn.sidecar.cache;

import java.io.IOException;

/** Downloaded or cached bytes whose SHA-256 is not the pinned one: they are never loaded. */
public final class DigestMismatch extends IOException {

  public DigestMismatch(String message) {
    super(message);
  }
}
