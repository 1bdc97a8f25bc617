package dev.cairn.sidecar.fleet;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The threads a fleet's models share: resolves on pools of their own, so they never wait behind
 * instance reports, and reports on theirs.
 */
record FleetThreads(ScheduledExecutorService follows, ScheduledExecutorService reports)
    implements AutoCloseable {

  static FleetThreads start() {
    return new FleetThreads(
        Executors.newScheduledThreadPool(
            4, r -> Thread.ofPlatform().daemon().name("cairn-follow").unstarted(r)),
        Executors.newScheduledThreadPool(
            2, r -> Thread.ofPlatform().daemon().name("cairn-report").unstarted(r)));
  }

  @Override
  public void close() {
    follows.shutdownNow();
    reports.shutdownNow();
  }
}
