package dev.cairn.registry.artifact;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds {@code multipart/form-data} bodies for the publish tests. The parser and its own tests
 * live in the common module; this builder is the test side of the wire, so it stays with the tests
 * that send bodies.
 */
final class MultipartBodies {

  static final String BOUNDARY = "cairn-7f3a";

  private MultipartBodies() {}

  static byte[] part(String name, String filename, byte[] content) {
    String head =
        "--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\""
            + name
            + "\""
            + (filename == null ? "" : "; filename=\"" + filename + "\"")
            + "\r\nContent-Type: application/octet-stream\r\n\r\n";
    return concat(
        concat(head.getBytes(StandardCharsets.UTF_8), content),
        "\r\n".getBytes(StandardCharsets.UTF_8));
  }

  static byte[] body(byte[]... parts) {
    byte[] all = new byte[0];
    for (byte[] p : parts) {
      all = concat(all, p);
    }
    return concat(all, ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }
}
