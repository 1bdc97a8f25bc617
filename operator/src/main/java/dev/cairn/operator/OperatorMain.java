package dev.cairn.operator;

import dev.cairn.client.process.ListenAddress;
import dev.cairn.client.process.StartupFailure;
import dev.cairn.client.process.UnknownVariables;
import dev.cairn.operator.http.OperatorHttpServer;
import dev.cairn.operator.kube.KubeApiCheck;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * {@code java -jar cairn-operator.jar}: configuration from the environment (OperatorSettings). A
 * start that fails (bad setting, port in use, no Kubernetes configuration) ends the process with
 * one line and exit code 1.
 */
public final class OperatorMain {

  private static final Logger LOG = Logger.getLogger(OperatorMain.class.getName());
  private static final String PROCESS = "cairn-operator";

  private OperatorMain() {}

  public static void main(String[] args) {
    OperatorSettings settings;
    OperatorHttpServer http;
    KubernetesClient kube;
    CairnOperator operator;
    try {
      UnknownVariables.warnings(System.getenv(), OperatorSettings.VARIABLES).forEach(LOG::warning);
      settings = OperatorSettings.fromEnvironment(System.getenv());
      LOG.info("starting: " + settings);
      // The health port first: a port in use is found before anything touches the cluster.
      ListenAddress.requireFree("0.0.0.0", settings.port(), "CAIRN_OPERATOR_PORT");
      AtomicReference<CairnOperator> started = new AtomicReference<>();
      http =
          OperatorHttpServer.start(
              settings.port(),
              () -> started.get() != null && started.get().ready(),
              () -> started.get() == null ? "" : started.get().metrics().scrape());
      kube = KubeApiCheck.client();
      KubeApiCheck.requireReachable(kube);
      operator = CairnOperator.start(settings, kube);
      started.set(operator);
    } catch (Exception | Error e) {
      StartupFailure.exit(PROCESS, e);
      return;
    }
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
