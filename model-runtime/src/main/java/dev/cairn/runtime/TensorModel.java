package dev.cairn.runtime;

import java.util.List;

/**
 * A loaded model that answers tensors with tensors (the Open Inference Protocol's {@code infer}),
 * declaring its inputs and outputs. A server asks for this capability instead of naming a runtime's
 * class, so a new tensor runtime serves the v2 routes without the server changing.
 */
public interface TensorModel extends LoadedModel {

  List<TensorSpec> inputs();

  List<TensorSpec> outputs();

  /**
   * Runs the model once.
   *
   * @throws TensorRejected when the request does not fit the declared inputs (the caller's mistake)
   * @throws InferenceFailure when the runtime itself fails on a request that fit
   */
  List<Tensor> infer(List<Tensor> request) throws InferenceFailure;
}
