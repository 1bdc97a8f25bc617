package dev.cairn.sidecar.http;

import dev.cairn.runtime.colorsignature.ImageSize;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One image of an {@code /inspect} request as its encoded bytes, counted in the {@link
 * DecodeBudget} while the request lasts, and the size its header announces. The bytes are kept in
 * chunks of exactly what was read: a growing array would hold up to twice as much and copy it.
 */
record HeldImage(String name, List<byte[]> chunks, ImageSize size) {

  static final int CHUNK = 64 * 1024;

  InputStream open() {
    return open(chunks);
  }

  /** The bytes of {@code chunks} in order, without copying them. */
  static InputStream open(List<byte[]> chunks) {
    List<InputStream> parts = new ArrayList<>();
    chunks.forEach(chunk -> parts.add(new ByteArrayInputStream(chunk)));
    return new SequenceInputStream(Collections.enumeration(parts));
  }

  /** Reads {@code in} to its end, reserving each chunk in {@code account} before reading it. */
  static List<byte[]> read(InputStream in, DecodeBudget.Account account, String name)
      throws IOException {
    List<byte[]> chunks = new ArrayList<>();
    while (true) {
      account.reserve(CHUNK, name);
      byte[] chunk = in.readNBytes(CHUNK);
      if (chunk.length < CHUNK) {
        account.shrink(CHUNK, chunk.length);
      }
      if (chunk.length > 0) {
        chunks.add(chunk);
      }
      if (chunk.length < CHUNK) {
        return chunks;
      }
    }
  }
}
