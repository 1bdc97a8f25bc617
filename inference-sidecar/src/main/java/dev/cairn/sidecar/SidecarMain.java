package dev.cairn.sidecar;

import dev.cairn.client.process.StartupFailure;
import dev.cairn.client.process.UnknownVariables;
import dev.cairn.sidecar.config.FleetSettings;
import dev.cairn.sidecar.config.SidecarSettings;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * {@code java -jar cairn-sidecar.jar}: configured by the environment (spec 50), runs until stopped;
 * a start that fails (bad setting, port in use) ends the process with one line and exit code 1.
 */
public final class SidecarMain {

  private static final Logger LOG = Logger.getLogger(SidecarMain.class.getName());

  private SidecarMain() {}

  public static void main(String[] args) throws InterruptedException {
    SidecarSettings settings;
    Sidecar sidecar;
    try {
      UnknownVariables.warnings(System.getenv(), SidecarSettings.VARIABLES).forEach(LOG::warning);
      settings = SidecarSettings.fromEnv(System.getenv());
      sidecar = Sidecar.start(settings);
    } catch (Exception | Error e) {
      StartupFailure.exit("cairn-sidecar", e);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  sidecar.close();
                  stopped.countDown();
                }));
    LOG.info(
        "sidecar serving "
            + following(settings)
            + " of "
            + settings.registry()
            + " on port "
            + sidecar.port());
    stopped.await();
  }

  /**
   * {@code qc/ink@production}, {@code qc/{a, b}@production} or {@code qc/{labelled
   * sku=1}@production}.
   */
  static String following(SidecarSettings settings) {
    FleetSettings fleet = settings.fleet();
    String models;
    if (settings.singleModel()) {
      models = settings.model();
    } else if (fleet.bySelector()) {
      models =
          new TreeMap<>(fleet.selector())
              .entrySet().stream()
                  .map(e -> e.getKey() + "=" + e.getValue())
                  .collect(Collectors.joining(",", "{labelled ", "}"));
    } else {
      models = "{" + String.join(", ", fleet.models()) + "}";
    }
    return settings.project() + "/" + models + "@" + settings.alias();
  }
}
