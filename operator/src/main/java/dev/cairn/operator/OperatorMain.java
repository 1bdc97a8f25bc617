package dev.cairn.operator;

import dev.cairn.operator.http.OperatorHttpServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.util.logging.Logger;

/** {@code java -jar cairn-operator.jar}: configuration from the environment (OperatorSettings). */
public final class OperatorMain {

  private static final Logger LOG = Logger.getLogger(OperatorMain.class.getName());

  private OperatorMain() {}

  public static void main(String[] args) throws IOException {
    OperatorSettings settings = OperatorSettings.fromEnvironment(System.getenv());
    LOG.info("starting: " + settings);
    KubernetesClient kube = new KubernetesClientBuilder().build();
    CairnOperator operator = CairnOperator.start(settings, kube);
    OperatorHttpServer http =
        OperatorHttpServer.start(settings.port(), operator::ready, operator.metrics()::scrape);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  http.close();
                  operator.close();
                  kube.close();
                }));
    LOG.info("operator running; health and metrics on port " + http.port());
  }
}
