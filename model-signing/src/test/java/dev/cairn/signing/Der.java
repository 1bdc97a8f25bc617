package dev.cairn.signing;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Just enough DER to write test certificates with JCA alone (no BouncyCastle here). */
final class Der {
  private Der() {}

  static byte[] tlv(int tag, byte[]... parts) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      body.writeBytes(part);
    }
    byte[] content = body.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      byte[] bytes = BigInteger.valueOf(length).toByteArray();
      int start = bytes[0] == 0 ? 1 : 0;
      out.write(0x80 | (bytes.length - start));
      out.write(bytes, start, bytes.length - start);
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  static byte[] sequence(byte[]... parts) {
    return tlv(0x30, parts);
  }

  static byte[] set(byte[]... parts) {
    return tlv(0x31, parts);
  }

  static byte[] integer(BigInteger value) {
    return tlv(0x02, value.toByteArray());
  }

  static byte[] bool(boolean value) {
    return tlv(0x01, new byte[] {(byte) (value ? 0xff : 0)});
  }

  static byte[] octets(byte[] value) {
    return tlv(0x04, value);
  }

  /** A BIT STRING of whole bytes, no unused bits. */
  static byte[] bits(byte[] value) {
    byte[] content = new byte[value.length + 1];
    System.arraycopy(value, 0, content, 1, value.length);
    return tlv(0x03, content);
  }

  static byte[] explicit(int number, byte[] inner) {
    return tlv(0xa0 | number, inner);
  }

  static byte[] utf8(String text) {
    return tlv(0x0c, text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] utcTime(ZonedDateTime time) {
    String text =
        time.withZoneSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyMMddHHmmss"))
            + "Z";
    return tlv(0x17, text.getBytes(StandardCharsets.US_ASCII));
  }

  static byte[] oid(String dotted) {
    String[] parts = dotted.split("\\.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(Integer.parseInt(parts[0]) * 40 + Integer.parseInt(parts[1]));
    for (int i = 2; i < parts.length; i++) {
      long value = Long.parseLong(parts[i]);
      byte[] chunk = new byte[10];
      int n = 0;
      do {
        chunk[n++] = (byte) (value & 0x7f);
        value >>= 7;
      } while (value > 0);
      for (int j = n - 1; j >= 0; j--) {
        out.write(chunk[j] | (j > 0 ? 0x80 : 0));
      }
    }
    return tlv(0x06, out.toByteArray());
  }

  /** A Name holding one CN. */
  static byte[] commonName(String cn) {
    return sequence(set(sequence(oid("2.5.4.3"), utf8(cn))));
  }
}
