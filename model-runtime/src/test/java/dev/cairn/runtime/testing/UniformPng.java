package dev.cairn.runtime.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a one-colour 8-bit RGB PNG by hand, row by row: 20 megapixels compress to a few hundred
 * kilobytes and are written without ever holding the pixels, so a test can send images that cost
 * the receiver far more memory than the sender.
 */
public final class UniformPng {

  private UniformPng() {}

  public static byte[] rgb(int width, int height, int red, int green, int blue) {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
      ByteArrayOutputStream header = new ByteArrayOutputStream();
      DataOutputStream fields = new DataOutputStream(header);
      fields.writeInt(width);
      fields.writeInt(height);
      fields.write(
          new byte[] {8, 2, 0, 0, 0}); // 8 bits, truecolour, deflate, no filter, no interlace
      chunk(png, "IHDR", header.toByteArray());
      ByteArrayOutputStream data = new ByteArrayOutputStream();
      byte[] row = new byte[1 + 3 * width]; // filter type 0, then the pixels
      for (int x = 0; x < width; x++) {
        row[1 + 3 * x] = (byte) red;
        row[2 + 3 * x] = (byte) green;
        row[3 + 3 * x] = (byte) blue;
      }
      try (DeflaterOutputStream deflate = new DeflaterOutputStream(data)) {
        for (int y = 0; y < height; y++) {
          deflate.write(row);
        }
      }
      chunk(png, "IDAT", data.toByteArray());
      chunk(png, "IEND", new byte[0]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return png.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream png, String type, byte[] data)
      throws IOException {
    DataOutputStream out = new DataOutputStream(png);
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.writeInt(data.length);
    out.write(name);
    out.write(data);
    out.writeInt((int) crc.getValue());
  }
}
