package dev.cairn.registry.blob;

import java.io.IOException;

/** A blob the database references is not in the store. */
public final class BlobMissingException extends IOException {

  public BlobMissingException(String sha256) {
    super("blob " + sha256 + " is missing from the store");
  }
}
