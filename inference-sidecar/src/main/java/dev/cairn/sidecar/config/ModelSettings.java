package dev.cairn.sidecar.config;

import java.time.Duration;

/**
 * What one served model is given of the sidecar's settings: which model it is, the instance id it
 * reports as, its last-good state file, and the re-resolve and report periods. A single-model
 * sidecar keeps the names it always had (its reports use the instance id, its state file is {@code
 * state.json}); a fleet's model reports as {@code <instance>.<model>} and keeps {@code
 * state-<model>.json}, so models never overwrite each other's.
 */
public record ModelSettings(
    ModelRef ref,
    String instanceId,
    String stateFile,
    Duration reresolveEvery,
    Duration reportEvery) {

  /** The settings of {@code model} served by the sidecar of {@code settings}. */
  public static ModelSettings of(SidecarSettings settings, String model) {
    boolean single = settings.singleModel();
    return new ModelSettings(
        new ModelRef(settings.project(), model, settings.alias()),
        single ? settings.instanceId() : settings.instanceId() + "." + model,
        single ? "state.json" : "state-" + model + ".json",
        settings.reresolveEvery(),
        settings.reportEvery());
  }
}
