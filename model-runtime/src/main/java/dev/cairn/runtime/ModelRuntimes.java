package dev.cairn.runtime;

import dev.cairn.runtime.colorsignature.ColorSignatureRuntime;
import dev.cairn.runtime.onnx.OnnxRuntime;
import dev.cairn.runtime.onnx.OnnxSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The runtimes a process can load with, found by {@code format}. */
public final class ModelRuntimes {

  private final Map<String, ModelRuntime> byFormat = new LinkedHashMap<>();

  public ModelRuntimes(List<ModelRuntime> runtimes) {
    runtimes.forEach(runtime -> byFormat.put(runtime.format(), runtime));
  }

  /** ONNX and colour-signature, the runtimes Cairn ships. */
  public static ModelRuntimes standard(OnnxSettings onnx) {
    return new ModelRuntimes(List.of(new OnnxRuntime(onnx), new ColorSignatureRuntime()));
  }

  public Optional<ModelRuntime> forFormat(String format) {
    return Optional.ofNullable(byFormat.get(format));
  }

  /** Checks compatibility, then loads; a format nobody loads is {@code RUNTIME_INCOMPATIBLE}. */
  public LoadedModel load(String format, ModelArtifact artifact) throws RuntimeFailure {
    ModelRuntime runtime =
        forFormat(format)
            .orElseThrow(() -> RuntimeFailure.incompatible("no runtime loads format " + format));
    RuntimeCompatibility.check(runtime, artifact.requirement());
    return runtime.load(artifact);
  }
}
