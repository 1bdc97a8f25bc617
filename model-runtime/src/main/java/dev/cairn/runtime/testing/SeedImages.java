package dev.cairn.runtime.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the prints {@code examples/seed-000-cli.sh} registers and inspects: three STD images per
 * mode ({@code std-LOW-0.png} … {@code std-HIGH-2.png}, and a second HIGH set {@code std-HIGH2-*})
 * and {@code sample.png}, all of the standard two-ink print. {@code ./run-sidecar seed-images DIR}
 * runs it.
 */
public final class SeedImages {

  private SeedImages() {}

  /** {@code SeedImages DIR}: writes the images into {@code DIR} (created when missing). */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("seed-images: cannot start: usage: seed-images DIR");
      System.exit(2);
    }
    write(Path.of(args[0]));
  }

  /** Writes the images; the same seeds give the same bytes. */
  public static void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    int seed = 1;
    for (String mode : List.of("LOW", "MID", "HIGH", "HIGH2")) {
      for (int i = 0; i < 3; i++, seed++) {
        Files.write(
            dir.resolve("std-" + mode + "-" + i + ".png"), InkImages.twoInks(240, 180, seed).png());
      }
    }
    Files.write(dir.resolve("sample.png"), InkImages.twoInks(240, 180, 42).png());
  }
}
