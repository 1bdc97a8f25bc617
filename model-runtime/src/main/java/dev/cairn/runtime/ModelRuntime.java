package dev.cairn.runtime;

import java.util.Set;

/** Loads the versions of one {@code format} (spec 50 "Runtimes"). */
public interface ModelRuntime {

  /** The version {@code format} this runtime loads, for example {@code onnx}. */
  String format();

  /** The names a version's {@code runtime.name} may use for this runtime. */
  Set<String> names();

  /** This runtime's own version, compared with {@code runtime.min_version}. */
  String version();

  /** The highest ONNX opset this runtime runs, or 0 where opsets mean nothing. */
  default int maxOpset() {
    return 0;
  }

  /** Loads a verified artifact. */
  LoadedModel load(ModelArtifact artifact) throws RuntimeFailure;
}
