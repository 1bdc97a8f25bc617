package dev.cairn.registry.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * The embedded PostgreSQL of a registry that was killed ({@code kill -9}) keeps running and holds
 * its data directory, so the next start would wait for it and fail. Before starting, a postmaster
 * still named in {@code postmaster.pid} is shut down (SIGTERM: it finishes, checkpoints and exits;
 * its clients died with the old registry).
 */
final class OrphanedPostmaster {

  private static final Logger LOG = Logger.getLogger(OrphanedPostmaster.class.getName());
  private static final Duration SHUTDOWN = Duration.ofSeconds(20);

  private OrphanedPostmaster() {}

  /** The running postmaster of {@code pgData}, if {@code postmaster.pid} names a live one. */
  static Optional<ProcessHandle> running(Path pgData) {
    Path pidFile = pgData.resolve("postmaster.pid");
    try {
      List<String> lines = Files.readAllLines(pidFile);
      long pid = Long.parseLong(lines.getFirst().trim());
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(OrphanedPostmaster::isPostgres);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  static void stop(Path pgData) {
    running(pgData)
        .ifPresent(
            orphan -> {
              LOG.warning(
                  "stopping the embedded PostgreSQL (pid "
                      + orphan.pid()
                      + ") left running by a registry that did not shut down");
              orphan.destroy();
              if (!exited(orphan)) {
                orphan.destroyForcibly();
                exited(orphan);
              }
            });
  }

  private static boolean exited(ProcessHandle process) {
    CompletableFuture<ProcessHandle> exit = process.onExit();
    try {
      exit.get(SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A pid file may outlive its process and the pid be reused: only a postgres is stopped. */
  private static boolean isPostgres(ProcessHandle process) {
    return process.info().command().map(c -> c.endsWith("postgres")).orElse(false);
  }
}
