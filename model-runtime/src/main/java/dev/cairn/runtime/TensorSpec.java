package dev.cairn.runtime;

/** A declared input or output of a model: name, OIP datatype and shape (-1 for any size). */
public record TensorSpec(String name, String datatype, long[] shape) {}
