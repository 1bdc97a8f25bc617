package dev.cairn.runtime.colorsignature;

import dev.cairn.runtime.color.Lab;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The signature of an image: {@code k} inks from k-means over its ink sample, darkest first. */
public final class Signatures {

  private Signatures() {}

  /** The image's {@code k} inks sorted by L* ascending; empty when the image has no ink. */
  public static List<Ink> of(ImageAnalysis analysis, int k) {
    int n = analysis.sampleSize();
    if (n == 0) {
      return List.of();
    }
    KMeans.Clusters clusters = KMeans.cluster(analysis.inkSample(), k);
    List<Ink> inks = new ArrayList<>(k);
    double[] c = clusters.centroids();
    for (int i = 0; i < k; i++) {
      inks.add(
          new Ink(
              new Lab(c[3 * i], c[3 * i + 1], c[3 * i + 2]), (double) clusters.counts()[i] / n));
    }
    inks.sort(Comparator.comparingDouble((Ink ink) -> ink.lab().l()));
    return List.copyOf(inks);
  }
}
