package dev.cairn.cli;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.ModelStatus;
import java.time.Duration;

/**
 * {@code activate --wait}: watches the instance reports (the registry's {@code …/status} counts
 * them per model and alias) and prints {@code serving n/m} as replicas converge; done when every
 * serving replica is on the new pointers, a timeout (exit 5) otherwise.
 */
final class ServingWait {

  private final CairnClient client;
  private final String project;
  private final String model;
  private final String alias;
  private final Output output;

  ServingWait(CairnClient client, String project, String model, String alias, Output output) {
    this.client = client;
    this.project = project;
    this.model = model;
    this.alias = alias;
    this.output = output;
  }

  void until(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      ModelStatus.Serving serving = client.models().status(project, model, alias).serving();
      String now = "serving " + serving.onTarget() + "/" + serving.instances();
      if (!now.equals(last)) {
        output.say(now);
        last = now;
      }
      if (serving.instances() > 0 && serving.onTarget() == serving.instances()) {
        return;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new ExitCodes.Failure(
        ExitCodes.TIMEOUT,
        "not every replica serves the new version after "
            + timeout.toSeconds()
            + " s ("
            + last
            + ")");
  }
}
