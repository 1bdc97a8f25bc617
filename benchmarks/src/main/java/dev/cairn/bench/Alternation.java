package dev.cairn.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A subject and its reference measured in alternating rounds, so the drift of a shared machine —
 * CPU steal moved a reference by a third within one minute here — hits both alike. Which load goes
 * first swaps every round (subject, reference, reference, subject, …): whatever the load run first
 * in a pair pays or gains (the other's garbage, a cooler core) falls on each side in turn rather
 * than always on the subject. Each round's ratio compares neighbours; the verdict is their median.
 */
final class Alternation {

  /**
   * One measured load: requests (or transactions) per second, the 99th percentile and failed
   * requests (NaN and -1 where the load driver does not tell).
   */
  record Sample(double perSecond, double p99Ms, long failures) {

    static Sample of(WrkDriver.Run run) {
      return new Sample(run.perSecond(), run.p99Ms(), run.failures());
    }

    static Sample rate(double perSecond) {
      return new Sample(perSecond, Double.NaN, -1);
    }
  }

  /** Measures one round of a load. */
  interface Load {
    Sample measure() throws Exception;
  }

  /** The round ratios' median, and the subject's and the reference's median p99. */
  record Verdict(double medianRatio, double medianSubjectP99Ms, double medianReferenceP99Ms) {}

  private Alternation() {}

  /**
   * Runs {@code rounds} rounds, recording each as {@code round_<i>_<name>_per_s} (and {@code
   * _p99_ms} when known) and {@code round_<i>_ratio} in {@code results}.
   */
  static Verdict run(Results results, int rounds, Named subject, Named reference) throws Exception {
    List<Double> ratios = new ArrayList<>();
    List<Double> p99s = new ArrayList<>();
    List<Double> referenceP99s = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      boolean subjectFirst = round % 2 == 1;
      Sample first = (subjectFirst ? subject : reference).load().measure();
      Sample second = (subjectFirst ? reference : subject).load().measure();
      Sample s = subjectFirst ? first : second;
      Sample r = subjectFirst ? second : first;
      record(results, round, subject.name(), s);
      record(results, round, reference.name(), r);
      results.put("round_" + round + "_ratio", s.perSecond() / r.perSecond());
      ratios.add(s.perSecond() / r.perSecond());
      p99s.add(s.p99Ms());
      referenceP99s.add(r.p99Ms());
    }
    return new Verdict(median(ratios), median(p99s), median(referenceP99s));
  }

  /** A load with the name its figures are printed under. */
  record Named(String name, Load load) {}

  private static void record(Results results, int round, String name, Sample sample) {
    results.put("round_" + round + "_" + name + "_per_s", sample.perSecond());
    if (!Double.isNaN(sample.p99Ms())) {
      results.put("round_" + round + "_" + name + "_p99_ms", sample.p99Ms());
    }
    if (sample.failures() >= 0) {
      results.put("round_" + round + "_" + name + "_failures", sample.failures());
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
