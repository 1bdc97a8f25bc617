package dev.cairn.runtime.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.cairn.runtime.InferenceFailure;
import dev.cairn.runtime.RuntimeFailure;
import dev.cairn.runtime.Tensor;
import dev.cairn.runtime.TensorModel;
import dev.cairn.runtime.TensorSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An ONNX Runtime session with its declared inputs and outputs. Requests are checked against the
 * declarations before they reach native code; a session runs concurrent requests safely.
 */
public final class OnnxModel implements TensorModel {

  private final String variant;
  private final OrtEnvironment env;
  private final OrtSession session;
  private final List<TensorSpec> inputs;
  private final List<TensorSpec> outputs;

  private OnnxModel(
      String variant,
      OrtEnvironment env,
      OrtSession session,
      List<TensorSpec> inputs,
      List<TensorSpec> outputs) {
    this.variant = variant;
    this.env = env;
    this.session = session;
    this.inputs = inputs;
    this.outputs = outputs;
  }

  static OnnxModel open(String variant, OrtEnvironment env, OrtSession session)
      throws RuntimeFailure, OrtException {
    try {
      return new OnnxModel(
          variant,
          env,
          session,
          specs(variant, session.getInputInfo()),
          specs(variant, session.getOutputInfo()));
    } catch (RuntimeFailure | OrtException e) {
      session.close();
      throw e;
    }
  }

  @Override
  public String format() {
    return "onnx";
  }

  @Override
  public String variant() {
    return variant;
  }

  @Override
  public List<TensorSpec> inputs() {
    return inputs;
  }

  @Override
  public List<TensorSpec> outputs() {
    return outputs;
  }

  /** Runs the model; inputs must match the declared names, datatypes and shapes. */
  @Override
  public List<Tensor> infer(List<Tensor> request) throws InferenceFailure {
    Map<String, OnnxTensor> feed = new HashMap<>();
    try {
      for (Tensor tensor : TensorChecks.matching(inputs, request)) {
        feed.put(tensor.name(), OnnxTypes.toOnnx(env, tensor));
      }
      try (OrtSession.Result result = session.run(feed)) {
        List<Tensor> answer = new ArrayList<>();
        for (Map.Entry<String, OnnxValue> output : result) {
          answer.add(OnnxTypes.fromOnnx(output.getKey(), (OnnxTensor) output.getValue()));
        }
        return answer;
      }
    } catch (OrtException e) {
      throw new InferenceFailure(e.getMessage(), e);
    } finally {
      feed.values().forEach(OnnxTensor::close);
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("closing the ONNX session failed", e);
    }
  }

  private static List<TensorSpec> specs(String variant, Map<String, NodeInfo> nodes)
      throws RuntimeFailure {
    List<TensorSpec> specs = new ArrayList<>();
    for (NodeInfo node : nodes.values()) {
      if (!(node.getInfo() instanceof TensorInfo info) || OnnxTypes.datatype(info.type) == null) {
        throw RuntimeFailure.loadFailed(
            variant, node.getName() + " is not a tensor of FP32, FP64, INT32 or INT64", null);
      }
      specs.add(new TensorSpec(node.getName(), OnnxTypes.datatype(info.type), info.getShape()));
    }
    return List.copyOf(specs);
  }
}
