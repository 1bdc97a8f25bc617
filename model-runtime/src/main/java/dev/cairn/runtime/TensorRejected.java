package dev.cairn.runtime;

/** An inference request whose tensors do not fit the model's inputs; servers answer 400. */
public final class TensorRejected extends RuntimeException {

  public TensorRejected(String message) {
    super(message);
  }
}
