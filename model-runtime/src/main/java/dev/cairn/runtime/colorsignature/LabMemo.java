package dev.cairn.runtime.colorsignature;

import dev.cairn.runtime.color.Srgb;
import java.util.Arrays;

/**
 * Remembers the Lab colour of recently seen sRGB codes. Printed images hold few distinct colours
 * (paper and each ink, spread by noise), so most pixels skip the cube roots of the conversion. The
 * memo returns exactly what the conversion returns, so results do not depend on it.
 */
final class LabMemo {

  private static final int SIZE = 1 << 16;
  private static final int MASK = SIZE - 1;

  private final LinearRows rows;
  private final long[] keys = new long[SIZE];
  private final double[] lab = new double[3 * SIZE];

  LabMemo(LinearRows rows) {
    this.rows = rows;
    Arrays.fill(keys, -1);
  }

  /** Writes L, a, b of the pixel with codes r, g, b into {@code out[0..2]}. */
  void lab(int r, int g, int b, double[] out) {
    long key = ((long) r << 32) | ((long) g << 16) | b;
    int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 48) & MASK;
    if (keys[slot] != key) {
      var converted = Srgb.linearToLab(rows.linear(r), rows.linear(g), rows.linear(b));
      keys[slot] = key;
      lab[3 * slot] = converted.l();
      lab[3 * slot + 1] = converted.a();
      lab[3 * slot + 2] = converted.b();
    }
    out[0] = lab[3 * slot];
    out[1] = lab[3 * slot + 1];
    out[2] = lab[3 * slot + 2];
  }
}
