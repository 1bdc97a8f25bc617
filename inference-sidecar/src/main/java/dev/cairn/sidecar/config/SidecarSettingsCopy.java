package dev.cairn.sidecar.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A copy of {@link SidecarSettings} with some fields changed: the one place that lists the record's
 * eighteen components for a copy, so that each {@code withX} names only what it changes.
 */
final class SidecarSettingsCopy {

  private final SidecarSettings from;
  private String model;
  private List<Path> imageRoots;
  private Duration reresolveEvery;
  private Duration reportEvery;
  private FleetSettings fleet;
  private Duration stall;
  private ImageLimits images;
  private SignatureSettings signatures;

  SidecarSettingsCopy(SidecarSettings from) {
    this.from = from;
    this.model = from.model();
    this.imageRoots = from.imageRoots();
    this.reresolveEvery = from.reresolveEvery();
    this.reportEvery = from.reportEvery();
    this.fleet = from.fleet();
    this.stall = from.stall();
    this.images = from.images();
    this.signatures = from.signatures();
  }

  SidecarSettingsCopy imageRoots(List<Path> roots) {
    this.imageRoots = roots;
    return this;
  }

  SidecarSettingsCopy periods(Duration reresolve, Duration report) {
    this.reresolveEvery = reresolve;
    this.reportEvery = report;
    return this;
  }

  /** A fleet, and the single model it reduces to (null for a fleet of several). */
  SidecarSettingsCopy fleet(FleetSettings newFleet, String single) {
    this.fleet = newFleet;
    this.model = single;
    return this;
  }

  SidecarSettingsCopy stall(Duration newStall) {
    this.stall = newStall;
    return this;
  }

  SidecarSettingsCopy images(ImageLimits limits) {
    this.images = limits;
    return this;
  }

  SidecarSettingsCopy signatures(SignatureSettings newSignatures) {
    this.signatures = newSignatures;
    return this;
  }

  SidecarSettings build() {
    return new SidecarSettings(
        from.registry(),
        from.token(),
        from.project(),
        model,
        from.alias(),
        from.cacheDir(),
        from.cacheMaxBytes(),
        from.host(),
        from.port(),
        imageRoots,
        from.instanceId(),
        reresolveEvery,
        reportEvery,
        from.onnx(),
        fleet,
        stall,
        images,
        signatures);
  }
}
