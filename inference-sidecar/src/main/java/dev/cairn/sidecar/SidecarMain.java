package dev.cairn.sidecar;

import dev.cairn.sidecar.config.SidecarSettings;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/**
 * {@code java -jar cairn-sidecar.jar}: configured by the environment (spec 50), runs until stopped.
 */
public final class SidecarMain {

  private static final Logger LOG = Logger.getLogger(SidecarMain.class.getName());

  private SidecarMain() {}

  public static void main(String[] args) throws Exception {
    SidecarSettings settings = SidecarSettings.fromEnv(System.getenv());
    Sidecar sidecar = Sidecar.start(settings);
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
