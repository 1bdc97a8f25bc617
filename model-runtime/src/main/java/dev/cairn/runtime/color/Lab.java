package dev.cairn.runtime.color;

/**
 * A CIELAB colour (D65 white): lightness {@code l} 0–100, opponent axes {@code a} and {@code b}.
 */
public record Lab(double l, double a, double b) {}
