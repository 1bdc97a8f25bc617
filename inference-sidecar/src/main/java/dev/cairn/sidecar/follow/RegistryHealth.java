package dev.cairn.sidecar.follow;

import dev.cairn.client.CairnApiException;
import java.util.logging.Logger;

/**
 * Whether the registry accepts this sidecar's token (spec 50, Failure handling): a 401 or 403 from
 * any call (a resolve, a report, the event stream) is {@code REGISTRY_UNAUTHORIZED} or {@code
 * REGISTRY_FORBIDDEN} in {@code last_error}, {@code /status} and the log, until a call succeeds
 * again. The sidecar keeps serving what it has meanwhile.
 */
public final class RegistryHealth {

  private static final Logger LOG = Logger.getLogger(RegistryHealth.class.getName());

  private volatile String refusal;

  /** A call succeeded: the token is accepted. */
  public void accepted() {
    if (refusal != null) {
      LOG.info("the registry accepts the token again");
      refusal = null;
    }
  }

  /** A call failed: remembered when the registry refused the token. */
  public void failed(RuntimeException e) {
    if (e instanceof CairnApiException api) {
      refusedWith(api.status());
    }
  }

  /** An answer's status: 401 and 403 are refusals of the token; 2xx is acceptance. */
  public void answered(int status) {
    if (status == 401 || status == 403) {
      refusedWith(status);
    } else if (status >= 200 && status < 300) {
      accepted();
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
