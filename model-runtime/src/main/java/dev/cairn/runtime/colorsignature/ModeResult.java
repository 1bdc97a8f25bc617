package dev.cairn.runtime.colorsignature;

import java.util.List;

/**
 * A sample against one mode's standard: the decision, its reasons, and per standard ink the
 * sample's matched colour, its ΔE00 and its share delta (null when no sample ink matched).
 */
public record ModeResult(Decision decision, List<String> reasons, List<InkResult> inks) {

  /** One standard ink in the sample. */
  public record InkResult(List<Double> lab, Double de00, Double shareDelta) {}

  static ModeResult retake(List<String> reasons) {
    return new ModeResult(Decision.RETAKE, List.copyOf(reasons), List.of());
  }
}
