package dev.cairn.registry.config;

import java.time.Duration;

/**
 * The background scrubber (seed 002: integrity verified continuously): how many bytes a second it
 * re-hashes ({@code CAIRN_SCRUB_BYTES_PER_SECOND}, 0 turns it off) and how long after one pass
 * started the next one starts ({@code CAIRN_SCRUB_INTERVAL_SECONDS}).
 */
public record ScrubSettings(long bytesPerSecond, Duration interval) {

  public static final long MIN_BYTES_PER_SECOND = 64 * 1024;

  public ScrubSettings {
    // Below 64 KiB/s one 256 KiB read would owe the pace seconds of uninterruptible sleep.
    if (bytesPerSecond != 0 && bytesPerSecond < MIN_BYTES_PER_SECOND) {
      throw new StartupException(
          "CAIRN_SCRUB_BYTES_PER_SECOND must be 0 (off) or at least "
              + MIN_BYTES_PER_SECOND
              + ", not "
              + bytesPerSecond);
    }
    if (interval.isNegative() || interval.isZero()) {
      throw new StartupException("CAIRN_SCRUB_INTERVAL_SECONDS must be at least 1");
    }
  }

  public boolean enabled() {
    return bytesPerSecond > 0;
  }
}
