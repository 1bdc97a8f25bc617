package dev.cairn.runtime.onnx;

/**
 * ONNX Runtime session options: threads inside one operator and across operators; 0 leaves the
 * choice to ONNX Runtime (one per core).
 */
public record OnnxSettings(int intraOpThreads, int interOpThreads) {

  public static final OnnxSettings DEFAULTS = new OnnxSettings(0, 0);
}
