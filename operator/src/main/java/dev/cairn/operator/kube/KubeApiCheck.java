package dev.cairn.operator.kube;

import dev.cairn.client.ErrorText;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;

/**
 * The Kubernetes client the operator runs on, and the check that its API server answers before
 * anything starts: without it an operator outside a cluster logs pages of informer retries before
 * it gives up, instead of one line naming the address it could not reach.
 */
public final class KubeApiCheck {

  /** How long a connection to the API server may take; the start check must end well under 10 s. */
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  private KubeApiCheck() {}

  /**
   * A client configured as kubectl would be (kubeconfig, or in-cluster), with a bounded connect.
   */
  public static KubernetesClient client() {
    Config config = Config.autoConfigure(null);
    return new KubernetesClientBuilder()
        .withConfig(
            new ConfigBuilder(config)
                .withConnectionTimeout(CONNECT_TIMEOUT_MILLIS)
                // Over plain http the JDK client would try an h2c upgrade, which API servers (and
                // kubectl) do not use and test servers may never answer; over https HTTP/2 stays.
                .withHttp2Disable(config.isHttp2Disable() || isPlainHttp(config.getMasterUrl()))
                .build())
        .build();
  }

  private static boolean isPlainHttp(String url) {
    return url != null && url.regionMatches(true, 0, "http://", 0, 7);
  }

  /**
   * Asks the API server for its version, once and without the client's retries (they take 20 s to
   * give up); any HTTP answer, even 401 or 403, means it is reachable.
   *
   * @throws IllegalStateException worded for the one start-failure line, when nothing answers
   */
  public static void requireReachable(KubernetesClient kube) {
    Config once =
        new ConfigBuilder(kube.getConfiguration()).withRequestRetryBackoffLimit(0).build();
    try (KubernetesClient probe = new KubernetesClientBuilder().withConfig(once).build()) {
      probe.getKubernetesVersion();
    } catch (KubernetesClientException e) {
      if (e.getCode() > 0) {
        return;
      }
      throw new IllegalStateException(
          "Kubernetes API at " + address(kube) + " unreachable (" + why(e) + ")" + hint(kube));
    }
  }

  /** Outside a cluster and without a kubeconfig, fabric8 falls back to the in-cluster address. */
  private static String hint(KubernetesClient kube) {
    boolean inCluster = System.getenv("KUBERNETES_SERVICE_HOST") != null;
    boolean kubeconfig = kube.getConfiguration().getCurrentContext() != null;
    return inCluster || kubeconfig
        ? ""
        : "; no kubeconfig found (KUBECONFIG or ~/.kube/config) and not running in a cluster";
  }

  private static String address(KubernetesClient kube) {
    String url = kube.getMasterUrl().toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** The network failure under fabric8's wrapper, in the client's words for such failures. */
  private static String why(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof HttpTimeoutException) {
        return "no answer within " + CONNECT_TIMEOUT_MILLIS / 1000 + " s";
      }
      if (t instanceof IOException) {
        return ErrorText.of(t);
      }
    }
    return ErrorText.of(failure);
  }
}
