package dev.cairn.runtime;

import java.nio.file.Path;
import java.util.Map;

/**
 * A verified version ready to load: its variant, and its files by path inside the version (each
 * already checked against its pinned digest), plus what it asks of the runtime.
 */
public record ModelArtifact(
    String variant, String version, Map<String, Path> files, RuntimeRequirement requirement) {

  public ModelArtifact {
    files = Map.copyOf(files);
  }
}
