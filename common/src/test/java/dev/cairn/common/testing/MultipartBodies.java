package dev.cairn.common.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds {@code multipart/form-data} bodies: the sending side of the wire {@code MultipartReader}
 * reads. Shared through this module's test jar by the parser's own tests and the registry's publish
 * tests, so both send the same bytes.
 */
public final class MultipartBodies {

  public static final String BOUNDARY = "cairn-7f3a";

  private MultipartBodies() {}

  /** One part, with a {@code filename} when it is not null. */
  public static byte[] part(String name, String filename, byte[] content) {
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

  /** The parts in order, then the closing boundary. */
  public static byte[] body(byte[]... parts) {
    byte[] all = new byte[0];
    for (byte[] p : parts) {
      all = concat(all, p);
    }
    return concat(all, ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
  }

  public static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }
}
