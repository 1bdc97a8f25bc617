package dev.cairn.signing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The DSSE v1 pre-authentication encoding: the exact bytes a DSSE signature covers. */
public final class Dsse {
  /** The payload type of an in-toto statement inside DSSE. */
  public static final String IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";

  private Dsse() {}

  /**
   * {@code "DSSEv1" SP len(type) SP type SP len(payload) SP payload}, lengths as ASCII decimal byte
   * counts (the type's length is that of its UTF-8 bytes, not its characters).
   */
  public static byte[] pae(String payloadType, byte[] payload) {
    byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + type.length + 32);
    out.writeBytes(ascii("DSSEv1 " + type.length + " "));
    out.writeBytes(type);
    out.writeBytes(ascii(" " + payload.length + " "));
    out.writeBytes(payload);
    return out.toByteArray();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
