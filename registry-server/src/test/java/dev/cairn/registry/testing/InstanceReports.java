package dev.cairn.registry.testing;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.InstanceReport;
import dev.cairn.client.model.LoadedVersion;
import java.util.Map;

/** Instance reports as a sidecar sends them, for tests that show what replicas serve. */
public final class InstanceReports {

  /**
   * Long enough that the report outlives a browser test on a slow machine: an expired report would
   * drop the replica from the tables the test reads.
   */
  private static final int TTL_SECONDS = 600;

  private InstanceReports() {}

  /**
   * Reports replica {@code instance} READY, serving {@code loaded} as the default variant of {@code
   * m@production} at alias generation 1 (which must exist: the alias was set once).
   */
  public static void serving(
      CairnClient admin, String project, String instance, LoadedVersion loaded) {
    admin
        .instances()
        .report(
            project,
            instance,
            new InstanceReport(
                "m",
                "production",
                1L,
                Map.of("default", loaded),
                "READY",
                null,
                "pod-" + instance,
                "node-1",
                TTL_SECONDS));
  }
}
