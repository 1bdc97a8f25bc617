package dev.cairn.runtime.colorsignature;

import dev.cairn.runtime.color.Ciede2000;
import java.util.Arrays;
import java.util.List;

/**
 * Pairs the inks of a reference with those of a candidate so the total ΔE00 is smallest, by
 * exhaustive search over assignments (k ≤ {@link #MAX_INKS}, at most 8! = 40,320 orders). When the
 * candidate has fewer inks some reference inks stay unmatched (-1).
 */
public final class InkMatching {

  public static final int MAX_INKS = 8;

  private InkMatching() {}

  /** For each reference ink, the index of its candidate ink, or -1. */
  public static int[] match(List<Ink> reference, List<Ink> candidate) {
    int rows = reference.size();
    int columns = candidate.size();
    double[][] cost = new double[rows][columns];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        cost[r][c] = Ciede2000.difference(reference.get(r).lab(), candidate.get(c).lab());
      }
    }
    Search search = new Search(cost, rows, columns);
    search.run(0, 0, 0, new int[rows]);
    return search.best;
  }

  private static final class Search {
    private final double[][] cost;
    private final int rows;
    private final int columns;
    private final int[] best;
    private double bestTotal = Double.MAX_VALUE;

    Search(double[][] cost, int rows, int columns) {
      this.cost = cost;
      this.rows = rows;
      this.columns = columns;
      this.best = new int[rows];
      Arrays.fill(best, -1);
    }

    /** Depth-first over reference inks; {@code used} is a bit mask of taken candidate inks. */
    void run(int row, int used, double total, int[] current) {
      if (total >= bestTotal) {
        return;
      }
      if (row == rows) {
        bestTotal = total;
        System.arraycopy(current, 0, best, 0, rows);
        return;
      }
      int free = columns - Integer.bitCount(used);
      if (rows - row > free) {
        // More reference inks left than candidates: this one may stay unmatched.
        current[row] = -1;
        run(row + 1, used, total, current);
      }
      for (int c = 0; c < columns; c++) {
        if ((used & (1 << c)) == 0) {
          current[row] = c;
          run(row + 1, used | (1 << c), total + cost[row][c], current);
        }
      }
    }
  }
}
