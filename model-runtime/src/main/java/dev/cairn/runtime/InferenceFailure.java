package dev.cairn.runtime;

/**
 * The runtime failed while answering a request that fitted the model (native error, out of memory);
 * not the caller's mistake, so servers answer 500.
 */
public final class InferenceFailure extends Exception {

  public InferenceFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
