package dev.cairn.sidecar.serving;

import dev.cairn.client.model.VersionSignature;
import dev.cairn.runtime.LoadedModel;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The loaded models of one generation, switched in and out as a whole. Requests hold it with {@link
 * #tryAcquire()} / {@link #release()}; the manager's own reference counts as one holder, so a
 * retired set closes its models when the last in-flight request releases it, never before.
 */
public final class ServingSet {

  private static final Logger LOG = Logger.getLogger(ServingSet.class.getName());

  /**
   * One variant as served: its version, digest and loaded model, and who signed it when the sidecar
   * verified the signature before loading ({@code null} when signatures are not required).
   */
  public record Served(
      String version, String digest, String format, LoadedModel model, VersionSignature signature) {

    /** A variant loaded without a signature check. */
    public Served(String version, String digest, String format, LoadedModel model) {
      this(version, digest, format, model, null);
    }
  }

  private final TargetSet target;
  private final Map<String, Served> variants;
  private final Instant loadedAt;
  private final AtomicInteger holders = new AtomicInteger(1);

  public ServingSet(TargetSet target, Map<String, Served> variants, Instant loadedAt) {
    this.target = target;
    this.variants = Map.copyOf(variants);
    this.loadedAt = loadedAt;
  }

  public TargetSet target() {
    return target;
  }

  public long generation() {
    return target.generation();
  }

  public Map<String, Served> variants() {
    return variants;
  }

  public Instant loadedAt() {
    return loadedAt;
  }

  /** Whether a request holds the set now (besides the manager's own hold). */
  public boolean inUse() {
    return holders.get() > 1;
  }

  /** Takes a hold for one request; false once the set is closed (the caller reads again). */
  boolean tryAcquire() {
    while (true) {
      int n = holders.get();
      if (n <= 0) {
        return false;
      }
      if (holders.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  /** Drops a hold; the last one closes every model of the set. */
  public void release() {
    if (holders.decrementAndGet() == 0) {
      for (Served served : variants.values()) {
        try {
          served.model().close();
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "closing " + served.version() + " failed", e);
        }
      }
    }
  }

  /** The manager lets go of the set (it was replaced); it closes once requests drain. */
  void retire() {
    release();
  }
}
