package dev.cairn.sidecar;

import dev.cairn.client.process.StartupFailure;
import dev.cairn.client.process.UnknownVariables;
import dev.cairn.sidecar.config.SidecarSettings;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

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
            + settings.project()
            + "/"
            + settings.model()
            + "@"
            + settings.alias()
            + " on port "
            + sidecar.port());
    stopped.await();
  }
}
