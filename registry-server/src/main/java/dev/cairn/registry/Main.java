package dev.cairn.registry;

import dev.cairn.client.process.StartupFailure;
import dev.cairn.client.process.UnknownVariables;
import dev.cairn.registry.config.RegistrySettings;
import dev.cairn.registry.config.SettingsLoader;
import dev.cairn.registry.config.StartupException;
import dev.cairn.registry.config.TmpdirCheck;
import io.helidon.logging.common.LogConfig;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/** Starts the registry from the environment and runs until the process is stopped. */
public final class Main {

  private static final Logger LOG = Logger.getLogger(Main.class.getName());

  private static final String PROCESS = "cairn-registry";

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    LogConfig.configureRuntime();
    OutOfMemory.endTheProcess();
    RegistryServer server;
    try {
      UnknownVariables.warnings(System.getenv(), SettingsLoader.variables()).forEach(LOG::warning);
      TmpdirCheck.warning(System.getenv(), System.getProperty("java.io.tmpdir"))
          .ifPresent(LOG::warning);
      RegistrySettings settings = SettingsLoader.load(System.getenv());
      server = RegistryServer.start(settings);
      String host = settings.host().equals("0.0.0.0") ? "localhost" : settings.host();
      LOG.info(() -> "listening on port " + server.port() + " (" + settings.environment() + ")");
      new Console().banner(server, host, server.port());
    } catch (StartupException e) {
      StartupFailure.exit(PROCESS, e.getMessage(), System.err);
      return;
    } catch (RuntimeException | Error e) {
      StartupFailure.exit(PROCESS, e);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "cairn-shutdown"));
    stopped.await();
  }
}
