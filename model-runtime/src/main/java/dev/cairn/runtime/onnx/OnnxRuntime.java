package dev.cairn.runtime.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.cairn.runtime.LoadedModel;
import dev.cairn.runtime.ModelArtifact;
import dev.cairn.runtime.ModelRuntime;
import dev.cairn.runtime.RuntimeFailure;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads {@code onnx} versions into ONNX Runtime sessions. The model file is {@code model.onnx}, or
 * the version's only {@code .onnx} file.
 */
public final class OnnxRuntime implements ModelRuntime {

  /** The highest {@code ai.onnx} opset ONNX Runtime 1.22 implements. */
  static final int MAX_OPSET = 22;

  private final OnnxSettings settings;

  public OnnxRuntime(OnnxSettings settings) {
    this.settings = settings;
  }

  @Override
  public String format() {
    return "onnx";
  }

  @Override
  public Set<String> names() {
    return Set.of("onnx", "onnxruntime");
  }

  @Override
  public String version() {
    return OrtEnvironment.getEnvironment().getVersion();
  }

  @Override
  public int maxOpset() {
    return MAX_OPSET;
  }

  @Override
  public LoadedModel load(ModelArtifact artifact) throws RuntimeFailure {
    Path file = modelFile(artifact);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      if (settings.intraOpThreads() > 0) {
        options.setIntraOpNumThreads(settings.intraOpThreads());
      }
      if (settings.interOpThreads() > 0) {
        options.setInterOpNumThreads(settings.interOpThreads());
      }
      OrtSession session = env.createSession(file.toString(), options);
      return OnnxModel.open(artifact.variant(), env, session);
    } catch (OrtException e) {
      throw RuntimeFailure.loadFailed(
          artifact.variant(), "ONNX Runtime could not load " + file.getFileName(), e);
    }
  }

  private static Path modelFile(ModelArtifact artifact) throws RuntimeFailure {
    Map<String, Path> files = artifact.files();
    if (files.containsKey("model.onnx")) {
      return files.get("model.onnx");
    }
    List<String> onnx = files.keySet().stream().filter(name -> name.endsWith(".onnx")).toList();
    if (onnx.size() != 1) {
      throw RuntimeFailure.loadFailed(
          artifact.variant(),
          "expected model.onnx or exactly one .onnx file, found " + onnx.size(),
          null);
    }
    return files.get(onnx.get(0));
  }
}
