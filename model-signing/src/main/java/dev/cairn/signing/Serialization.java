package dev.cairn.signing;

import java.util.List;

/**
 * How the signer enumerated and hashed the model (spec §5.2.2). Cairn reads and writes {@code
 * files} with {@code sha256}, the combination every OMS implementation must support.
 */
public record Serialization(
    String method, String hashType, boolean allowSymlinks, List<String> ignorePaths) {
  public static final String FILES = "files";
  public static final String SHA256 = "sha256";

  public Serialization {
    ignorePaths = List.copyOf(ignorePaths);
  }

  /** What Cairn signs with: whole files, SHA-256, no symlinks. */
  public static Serialization files(List<String> ignorePaths) {
    return new Serialization(FILES, SHA256, false, ignorePaths);
  }
}
