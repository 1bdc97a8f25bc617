package dev.cairn.runtime.colorsignature;

import java.util.Arrays;
import java.util.Random;

/**
 * Lloyd's k-means in CIELAB with k-means++ seeding from a fixed seed: at most 100 iterations,
 * stopping when no centroid moves more than 0.01. {@link Random} is specified bit for bit and Java
 * arithmetic is strict, so the same points give the same centroids on every machine.
 */
final class KMeans {

  static final long SEED = 0x5EED_C0105L;
  private static final int MAX_ITERATIONS = 100;
  private static final double MAX_MOVE = 0.01;

  /** Centroids as L, a, b triples and the number of points each holds. */
  record Clusters(double[] centroids, int[] counts) {}

  private KMeans() {}

  /** Clusters {@code points} (L, a, b triples, at least one point) into {@code k} groups. */
  static Clusters cluster(double[] points, int k) {
    int n = points.length / 3;
    double[] centroids = seed(points, n, k);
    int[] assignment = new int[n];
    int[] counts = new int[k];
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      assign(points, n, centroids, assignment, counts);
      if (update(points, n, centroids, assignment, counts) <= MAX_MOVE) {
        break;
      }
    }
    assign(points, n, centroids, assignment, counts);
    return new Clusters(centroids, counts);
  }

  private static double[] seed(double[] points, int n, int k) {
    Random random = new Random(SEED);
    double[] centroids = new double[3 * k];
    double[] nearest = new double[n];
    Arrays.fill(nearest, Double.MAX_VALUE);
    int chosen = random.nextInt(n);
    for (int c = 0; c < k; c++) {
      System.arraycopy(points, 3 * chosen, centroids, 3 * c, 3);
      double total = 0;
      for (int i = 0; i < n; i++) {
        nearest[i] = Math.min(nearest[i], distance(points, i, centroids, c));
        total += nearest[i];
      }
      chosen = total == 0 ? random.nextInt(n) : pick(nearest, random.nextDouble() * total);
    }
    return centroids;
  }

  /** The point where the running sum of squared distances passes {@code target} (D² weighting). */
  private static int pick(double[] weights, double target) {
    double running = 0;
    for (int i = 0; i < weights.length; i++) {
      running += weights[i];
      if (running > target && weights[i] > 0) {
        return i;
      }
    }
    int last = weights.length - 1;
    while (last > 0 && weights[last] == 0) {
      last--;
    }
    return last;
  }

  private static void assign(
      double[] points, int n, double[] centroids, int[] assignment, int[] counts) {
    Arrays.fill(counts, 0);
    int k = counts.length;
    for (int i = 0; i < n; i++) {
      int best = 0;
      double bestDistance = Double.MAX_VALUE;
      for (int c = 0; c < k; c++) {
        double d = distance(points, i, centroids, c);
        if (d < bestDistance) {
          bestDistance = d;
          best = c;
        }
      }
      assignment[i] = best;
      counts[best]++;
    }
  }

  /**
   * Moves each centroid to the mean of its points (an empty one stays); returns the largest move.
   */
  private static double update(
      double[] points, int n, double[] centroids, int[] assignment, int[] counts) {
    int k = counts.length;
    double[] sums = new double[3 * k];
    for (int i = 0; i < n; i++) {
      int c = assignment[i];
      sums[3 * c] += points[3 * i];
      sums[3 * c + 1] += points[3 * i + 1];
      sums[3 * c + 2] += points[3 * i + 2];
    }
    double largest = 0;
    for (int c = 0; c < k; c++) {
      if (counts[c] == 0) {
        continue;
      }
      double squaredMove = 0;
      for (int axis = 0; axis < 3; axis++) {
        double mean = sums[3 * c + axis] / counts[c];
        double move = mean - centroids[3 * c + axis];
        squaredMove += move * move;
        centroids[3 * c + axis] = mean;
      }
      largest = Math.max(largest, StrictMath.sqrt(squaredMove));
    }
    return largest;
  }

  private static double distance(double[] points, int i, double[] centroids, int c) {
    double dl = points[3 * i] - centroids[3 * c];
    double da = points[3 * i + 1] - centroids[3 * c + 1];
    double db = points[3 * i + 2] - centroids[3 * c + 2];
    return dl * dl + da * da + db * db;
  }
}
