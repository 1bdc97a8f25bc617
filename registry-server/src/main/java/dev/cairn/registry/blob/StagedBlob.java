package dev.cairn.registry.blob;

import java.io.IOException;

/**
 * Bytes that were streamed and hashed but are not visible yet. Closing without {@link #commit()}
 * discards them.
 */
public interface StagedBlob extends AutoCloseable {

  /** Lower-case hex SHA-256 of the staged bytes. */
  String sha256();

  long size();

  /** Moves the bytes under their content address; a blob already there is kept as it is. */
  void commit() throws IOException;

  @Override
  void close() throws IOException;
}
