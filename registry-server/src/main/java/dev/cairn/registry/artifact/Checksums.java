package dev.cairn.registry.artifact;

import dev.cairn.registry.domain.ApiException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/** Reads {@code X-Checksum-Sha256}: 64 hex digits, or base64 of the 32 bytes (as S3 sends it). */
final class Checksums {

  private Checksums() {}

  static Optional<String> fromHeader(Optional<String> header) {
    return header.map(String::trim).filter(v -> !v.isEmpty()).map(Checksums::hex);
  }

  private static String hex(String value) {
    if (value.matches("[0-9a-fA-F]{64}")) {
      return value.toLowerCase(Locale.ROOT);
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(value);
      if (bytes.length == 32) {
        return HexFormat.of().formatHex(bytes);
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw ApiException.badRequest(
        "X-Checksum-Sha256 must be 64 hex digits or the base64 of 32 bytes");
  }
}
