package dev.cairn.sidecar.serving;

/** Turns a target into a loaded set beside the serving one ({@link SetLoader} in production). */
@FunctionalInterface
public interface SetPreparer {

  /** Prepares {@code target}; {@code offline} uses verified cached bytes only. */
  ServingSet prepare(TargetSet target, boolean offline) throws SwapFailure;
}
