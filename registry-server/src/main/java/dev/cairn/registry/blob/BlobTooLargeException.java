package dev.cairn.registry.blob;

import java.io.IOException;

/** The streamed bytes passed the allowed size; nothing of them was kept. */
public final class BlobTooLargeException extends IOException {

  private final long limit;

  public BlobTooLargeException(long limit) {
    super("more than " + limit + " bytes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
