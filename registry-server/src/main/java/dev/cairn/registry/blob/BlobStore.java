package dev.cairn.registry.blob;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Content-addressed storage of artifact bytes: a blob's key is its SHA-256. Bytes are staged under
 * a temporary name while they are hashed and become visible under their key only on {@link
 * StagedBlob#commit()}, so a crash never leaves a visible partial blob.
 */
public interface BlobStore {

  /** {@code file} or {@code s3}, as {@code GET /} reports it. */
  String kind();

  /**
   * Streams {@code in} into a temporary place, hashing on the way; fails with {@link
   * BlobTooLargeException} past {@code maxBytes} without reading further.
   */
  StagedBlob stage(InputStream in, long maxBytes) throws IOException;

  /** The size of a committed blob, or empty when there is none. */
  Optional<Long> size(String sha256) throws IOException;

  /** Reads {@code length} bytes from {@code offset} of a committed blob; the caller closes it. */
  InputStream open(String sha256, long offset, long length) throws IOException;

  void delete(String sha256) throws IOException;

  /** Every committed blob's digest (for garbage collection and tests). */
  List<String> list() throws IOException;

  /** Whether the store answers (for readiness). */
  boolean healthy();
}
