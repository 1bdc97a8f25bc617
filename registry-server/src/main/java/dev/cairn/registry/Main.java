package dev.cairn.registry;

import dev.cairn.registry.config.RegistrySettings;
import dev.cairn.registry.config.SettingsLoader;
import dev.cairn.registry.config.StartupException;
import io.helidon.logging.common.LogConfig;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/** Starts the registry from the environment and runs until the process is stopped. */
public final class Main {

  private static final Logger LOG = Logger.getLogger(Main.class.getName());

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    LogConfig.configureRuntime();
    RegistryServer server;
    try {
      RegistrySettings settings = SettingsLoader.load(System.getenv());
      server = RegistryServer.start(settings);
      String host = settings.host().equals("0.0.0.0") ? "localhost" : settings.host();
      LOG.info(() -> "listening on port " + server.port() + " (" + settings.environment() + ")");
      new Console().banner(server, host, server.port());
    } catch (StartupException e) {
      LOG.severe("Cairn registry did not start: " + e.getMessage());
      System.exit(1);
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
