package dev.cairn.signing;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.sigstore.proto.trustroot.v1.TrustedRoot;
import dev.sigstore.trustroot.SigstoreTrustedRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.util.Optional;

/**
 * Reads a Sigstore {@code trusted_root.json} that a deployment names ({@code
 * CAIRN_SIGSTORE_TRUSTED_ROOT} in the registry, the sidecar and the storage initializer) and checks
 * it at start: a root that would refuse every keyless bundle later (not JSON, not a TrustedRoot, no
 * Fulcio CA or no Rekor log) is refused now, so the process fails on the setting instead of every
 * signature failing {@code SIGNATURE_UNTRUSTED} with no clue why.
 */
public final class SigstoreTrustedRoots {

  /** A public-good trusted root is ~7 KB; anything this large is not one. */
  static final long MAX_BYTES = 1024L * 1024;

  /** The setting every process (registry, operator, sidecar, initializer) reads the path from. */
  public static final String VARIABLE = "CAIRN_SIGSTORE_TRUSTED_ROOT";

  private SigstoreTrustedRoots() {}

  /**
   * The trusted root {@link #VARIABLE} names, read and checked once at start: a blank or missing
   * value is none (keyless signatures refused); a file that is no usable root fails with one line
   * starting with the setting's name, which each process turns into its own start failure.
   *
   * @throws IllegalArgumentException {@code "CAIRN_SIGSTORE_TRUSTED_ROOT: <file> <what is wrong>"}
   */
  public static Optional<byte[]> fromSetting(String file) {
    if (file == null || file.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(read(Path.of(file.strip())));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(VARIABLE + ": " + e.getMessage(), e);
    }
  }

  /**
   * The bytes of {@code file} when it is a usable trusted root.
   *
   * @throws IllegalArgumentException one line saying what is wrong with the file
   */
  public static byte[] read(Path file) {
    byte[] json;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new IllegalArgumentException(file + " is larger than 1 MiB: not a trusted_root.json");
      }
      json = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + " cannot be read (" + e + ")", e);
    }
    check(file.toString(), json);
    return json;
  }

  /** Parses {@code json} as sigstore-java will, refusing a root that names no CA or log. */
  static void check(String name, byte[] json) {
    SigstoreTrustedRoot root;
    try {
      root = SigstoreTrustedRoot.from(parse(json));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          name + " is not a Sigstore trusted_root.json (" + Json.shorten(reason(e)) + ")", e);
    } catch (CertificateException e) {
      throw new IllegalArgumentException(
          name + " holds a certificate that does not parse (" + Json.shorten(reason(e)) + ")", e);
    }
    if (root.getCAs().isEmpty()) {
      throw new IllegalArgumentException(name + " names no Fulcio certificate authority");
    }
    if (root.getTLogs().isEmpty()) {
      throw new IllegalArgumentException(name + " names no Rekor transparency log");
    }
  }

  /** The protobuf form sigstore-java builds its trusted root from. */
  static TrustedRoot parse(byte[] json) throws IOException {
    TrustedRoot.Builder builder = TrustedRoot.newBuilder();
    try {
      JsonFormat.parser()
          .ignoringUnknownFields()
          .merge(new String(json, StandardCharsets.UTF_8), builder);
    } catch (InvalidProtocolBufferException e) {
      throw new IOException("not a Sigstore TrustedRoot: " + e.getMessage(), e);
    }
    return builder.build();
  }

  private static String reason(Exception e) {
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
  }
}
