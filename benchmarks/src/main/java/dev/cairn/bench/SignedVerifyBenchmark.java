package dev.cairn.bench;

import dev.cairn.signing.Digests;
import dev.cairn.signing.ModelSignatureVerifier;
import dev.cairn.signing.ModelSigner;
import dev.cairn.signing.SignatureBundle;
import dev.cairn.signing.TrustMaterial;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * What a signature costs the sidecar and the storage initializer (issue 28): verifying a signed 1
 * GiB, 10-file version — each file hashed once, compared with its pin, then the OMS bundle checked
 * (ECDSA, statement, resources against the digests of that same pass) — against the plain digest
 * check alone (the same hashing and comparison, no bundle). Five alternating rounds by default
 * ({@code -Dcairn.bench.rounds}); size {@code -Dcairn.bench.bytes} (1 GiB). Target: the median
 * round's throughput ratio ≥ 0.9. The load average at start and end is recorded because the machine
 * is shared.
 */
final class SignedVerifyBenchmark implements Benchmark {

  private static final int FILES = 10;
  private static final int BUNDLE_RUNS = 51;

  @Override
  public Results run() throws Exception {
    long size = Long.getLong("cairn.bench.bytes", 1L << 30);
    int rounds = Integer.getInteger("cairn.bench.rounds", 5);
    Path dir =
        Files.createTempDirectory(
            Files.createDirectories(Path.of("benchmarks", "target")), "signed-");
    Results results = new Results().put("bytes", size).put("files", FILES);
    results.put("load_average_start", loadAverage());
    try {
      Map<String, String> pins = writeFiles(dir, size / FILES);
      KeyPair pair = ecKeyPair();
      byte[] bundle =
          new ModelSigner(pair.getPrivate(), pair.getPublic()).sign("big", pins, List.of());
      TrustMaterial trust = TrustMaterial.builder().key("bench", pair.getPublic()).build();
      double mib = size / (1024.0 * 1024.0);
      hashAll(dir, pins); // warm the page cache alike for both
      List<Double> digestOnlyRates = new ArrayList<>();
      Alternation.Verdict verdict =
          Alternation.run(
              results,
              rounds,
              new Alternation.Named(
                  "signed",
                  () ->
                      Alternation.Sample.rate(
                          mib / seconds(() -> signed(dir, pins, bundle, trust)))),
              new Alternation.Named(
                  "digest_only",
                  () -> {
                    double rate = mib / seconds(() -> hashAll(dir, pins));
                    digestOnlyRates.add(rate);
                    return Alternation.Sample.rate(rate);
                  }));
      // What the signature adds to the one hash pass, measured alone: the machine's noise (CPU
      // steal moves a whole round by a factor of two here) is far larger than this cost.
      double[] verifyMs = new double[BUNDLE_RUNS];
      Map<String, String> digests = hashAll(dir, pins);
      for (int i = 0; i < BUNDLE_RUNS; i++) {
        verifyMs[i] = 1000 * seconds(() -> verifyBundle(bundle, trust, digests));
      }
      Arrays.sort(verifyMs);
      double bundleMs = verifyMs[BUNDLE_RUNS / 2];
      double digestOnlySeconds =
          mib / digestOnlyRates.stream().sorted().toList().get(digestOnlyRates.size() / 2);
      results
          .put("bundle_verify_ms_median", bundleMs)
          .put(
              "implied_ratio_from_bundle_cost",
              digestOnlySeconds / (digestOnlySeconds + bundleMs / 1000))
          .put("signed_to_digest_only_median_ratio", verdict.medianRatio())
          .put("ratio_target", 0.9)
          .put("bundle_bytes", bundle.length)
          .put("load_average_end", loadAverage());
      return results;
    } finally {
      try (var files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** The signed check: one hash pass (pins compared), then the bundle over those digests. */
  private static void signed(Path dir, Map<String, String> pins, byte[] bundle, TrustMaterial trust)
      throws Exception {
    verifyBundle(bundle, trust, hashAll(dir, pins));
  }

  /** The part a signature adds: parse, ECDSA over the PAE, statement, resources against digests. */
  private static void verifyBundle(byte[] bundle, TrustMaterial trust, Map<String, String> digests)
      throws Exception {
    ModelSignatureVerifier.verify(
        SignatureBundle.parse(bundle, SignatureBundle.DEFAULT_LIMIT), trust, digests);
  }

  /** The plain check: every file hashed in 64 KiB blocks and compared with its pin. */
  private static Map<String, String> hashAll(Path dir, Map<String, String> pins)
      throws IOException {
    Map<String, String> digests = new TreeMap<>();
    byte[] buffer = new byte[1 << 16];
    for (Map.Entry<String, String> pin : pins.entrySet()) {
      MessageDigest sha = Digests.sha256();
      try (InputStream in = Files.newInputStream(dir.resolve(pin.getKey()))) {
        for (int n; (n = in.read(buffer)) > 0; ) {
          sha.update(buffer, 0, n);
        }
      }
      String hex = HexFormat.of().formatHex(sha.digest());
      if (!hex.equals(pin.getValue())) {
        throw new IllegalStateException(pin.getKey() + " changed during the benchmark");
      }
      digests.put(pin.getKey(), hex);
    }
    return digests;
  }

  private static Map<String, String> writeFiles(Path dir, long each) throws IOException {
    Map<String, String> pins = new TreeMap<>();
    Random random = new Random(28);
    byte[] block = new byte[1 << 20];
    for (int i = 0; i < FILES; i++) {
      String name = "shard-" + i + ".bin";
      MessageDigest sha = Digests.sha256();
      try (OutputStream out = Files.newOutputStream(dir.resolve(name))) {
        for (long left = each; left > 0; left -= block.length) {
          random.nextBytes(block);
          int n = (int) Math.min(block.length, left);
          out.write(block, 0, n);
          sha.update(block, 0, n);
        }
      }
      pins.put(name, HexFormat.of().formatHex(sha.digest()));
    }
    return pins;
  }

  private static KeyPair ecKeyPair() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static double seconds(UploadVerifyBenchmark.Step step) throws Exception {
    return UploadVerifyBenchmark.time(step); // the same clock as upload-verify's figures
  }
}
