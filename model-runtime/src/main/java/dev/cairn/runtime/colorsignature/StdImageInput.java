package dev.cairn.runtime.colorsignature;

/** One STD image of a registration: where it is kept in the version, its digest and analysis. */
public record StdImageInput(String path, String sha256, ImageAnalysis analysis) {}
