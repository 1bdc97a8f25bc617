package dev.cairn.sidecar.follow;

import dev.cairn.client.CairnApiException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * How the registry answers this sidecar (spec 50, Failure handling). Whether it answers at all: one
 * log line when it stops answering and one when it answers again, however many models and calls
 * notice. Whether it accepts the token: a 401 or 403 from any call (a resolve, a report, the event
 * stream) is {@code REGISTRY_UNAUTHORIZED} or {@code REGISTRY_FORBIDDEN} in {@code last_error},
 * {@code /status} and the log, until a call succeeds again. The sidecar keeps serving what it has
 * meanwhile.
 */
public final class RegistryHealth {

  private static final Logger LOG = Logger.getLogger(RegistryHealth.class.getName());

  private final URI registry;

  /** Null until the first call ends; then whether the last call reached the registry. */
  private final AtomicReference<Boolean> reachable = new AtomicReference<>();

  private volatile String refusal;

  public RegistryHealth(URI registry) {
    this.registry = registry;
  }

  /** A call succeeded: the registry answers and accepts the token. */
  public void accepted() {
    reached();
    if (refusal != null) {
      LOG.info("the registry accepts the token again");
      refusal = null;
    }
  }

  /**
   * A call failed: an error answer shows the registry is there (and may refuse the token); any
   * other failure shows it is not.
   */
  public void failed(RuntimeException e) {
    if (e instanceof CairnApiException api) {
      reached();
      refusedWith(api.status());
    } else {
      unreachable(e);
    }
  }

  /** An answer's status: 401 and 403 are refusals of the token; 2xx is acceptance. */
  public void answered(int status) {
    if (status == 401 || status == 403) {
      reached();
      refusedWith(status);
    } else if (status >= 200 && status < 300) {
      accepted();
    }
  }

  private void reached() {
    if (Boolean.FALSE.equals(reachable.getAndSet(true))) {
      LOG.info("the registry at " + registry + " answers again");
    }
  }

  private void unreachable(RuntimeException e) {
    if (!Boolean.FALSE.equals(reachable.getAndSet(false))) {
      LOG.warning(
          "the registry at "
              + registry
              + " does not answer ("
              + ResolveFailure.transport(e)
              + "); serving what is loaded, retrying");
    }
  }

  private void refusedWith(int status) {
    String code =
        switch (status) {
          case 401 -> "REGISTRY_UNAUTHORIZED";
          case 403 -> "REGISTRY_FORBIDDEN";
          default -> null;
        };
    if (code != null && !code.equals(refusal)) {
      LOG.warning(
          "the registry refuses the sidecar's token ("
              + status
              + "): "
              + code
              + "; serving what is loaded");
    }
    if (code != null) {
      refusal = code;
    }
  }

  /** {@code REGISTRY_UNAUTHORIZED}, {@code REGISTRY_FORBIDDEN}, or null. */
  public String refusal() {
    return refusal;
  }
}
