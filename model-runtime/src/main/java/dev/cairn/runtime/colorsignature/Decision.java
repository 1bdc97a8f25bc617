package dev.cairn.runtime.colorsignature;

/** An inspection answer, declared from best to worst so several answers combine by maximum. */
public enum Decision {
  OK,
  NG,
  RETAKE;

  public Decision worst(Decision other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
