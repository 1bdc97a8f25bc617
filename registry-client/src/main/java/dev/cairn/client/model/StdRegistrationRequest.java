package dev.cairn.client.model;

import java.nio.file.Path;
import java.util.List;

/**
 * An ink-inspection standard to register ({@code POST …/std-registrations}): the mode (variant),
 * its STD images, and optionally the ink count, notes and who registered it.
 */
public record StdRegistrationRequest(
    String variant, List<Path> images, Integer expectedInkCount, String notes, String createdBy) {

  public static StdRegistrationRequest of(String variant, List<Path> images, int inks) {
    return new StdRegistrationRequest(variant, images, inks, null, null);
  }
}
