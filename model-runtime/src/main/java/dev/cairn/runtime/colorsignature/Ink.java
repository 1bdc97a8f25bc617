package dev.cairn.runtime.colorsignature;

import dev.cairn.runtime.color.Lab;

/** One ink of a signature: its mean colour and its share of the ink pixels. */
public record Ink(Lab lab, double share) {}
