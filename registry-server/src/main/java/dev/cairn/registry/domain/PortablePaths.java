package dev.cairn.registry.domain;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The portable file paths of spec 10-registry-api: a version's files must land as themselves on
 * every common file system (ext4, APFS, NTFS), so a path may not hold what one of them refuses or
 * rewrites, nor characters that hide or pose as a separator; collisions between paths are found by
 * {@link PathCollisions}. A broken path is 400 {@code INVALID_NAME:path}.
 */
public final class PortablePaths {

  /** Refused by Windows in a name; ':' also makes {@code C:/x} a drive and {@code a:b} a stream. */
  private static final String WINDOWS_RESERVED = "<>:\"|?*";

  /** Characters that look like '/' or '\' without being one. */
  private static final Set<Integer> SEPARATOR_LOOKALIKES =
      Set.of(0x2044, 0x2215, 0x2571, 0x29F8, 0xFF0F, 0x2216, 0x29F5, 0x29F9, 0xFE68, 0xFF3C);

  /** Fillers that render as nothing, beside the format characters (Unicode category Cf). */
  private static final Set<Integer> INVISIBLE = Set.of(0x034F, 0x115F, 0x1160, 0x3164, 0xFFA0);

  /** Windows device names, reserved with any extension and in any case. */
  private static final Pattern DEVICE =
      Pattern.compile(
          "(con|prn|aux|nul|conin\\$|conout\\$|(com|lpt)[0-9\u00b9\u00b2\u00b3])",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final int MAX_SEGMENT_BYTES = 255;

  private PortablePaths() {}

  /** {@code path} when it is a valid ({@link Names#filePath}) and portable path, else 400. */
  public static String portable(String path) {
    Names.filePath(path);
    path.codePoints().forEach(c -> requirePortable(path, c));
    for (String segment : path.split("/")) {
      requirePortableSegment(path, segment);
    }
    return path;
  }

  /**
   * What a case-insensitive, normalising file system would store {@code path} as: compatibility
   * normalised (fullwidth letters, the Kelvin sign, NFD and NFC alike) and case folded.
   */
  public static String folded(String path) {
    String normal = Normalizer.normalize(path, Normalizer.Form.NFKC);
    // Upper then lower case folds what lower case alone keeps apart (final sigma, ß and "ss").
    String folded = normal.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    return Normalizer.normalize(folded, Normalizer.Form.NFKC);
  }

  private static void requirePortable(String path, int c) {
    if (WINDOWS_RESERVED.indexOf(c) >= 0) {
      throw refused(path, "'" + (char) c + "' is reserved on Windows");
    }
    if (SEPARATOR_LOOKALIKES.contains(c)) {
      throw refused(path, String.format("U+%04X looks like a path separator", c));
    }
    int type = Character.getType(c);
    if (type == Character.FORMAT || INVISIBLE.contains(c)) {
      throw refused(path, String.format("U+%04X is invisible", c));
    }
    if ((type == Character.SPACE_SEPARATOR && c != ' ')
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR) {
      throw refused(path, String.format("U+%04X is a space other than U+0020", c));
    }
    if (type == Character.SURROGATE || type == Character.UNASSIGNED) {
      throw refused(path, String.format("U+%04X is not a character (unpaired or unassigned)", c));
    }
  }

  private static void requirePortableSegment(String path, String segment) {
    if (segment.endsWith(".") || segment.endsWith(" ")) {
      throw refused(path, "a name ending in '.' or ' ' loses it on Windows");
    }
    if (DEVICE.matcher(segment.split("\\.", 2)[0].stripTrailing()).matches()) {
      throw refused(path, "'" + segment + "' is a Windows device name");
    }
    if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
      throw refused(path, "a name between '/' is at most " + MAX_SEGMENT_BYTES + " bytes");
    }
  }

  private static ApiException refused(String path, String why) {
    return ApiException.invalidName(
        "path",
        "file path '"
            + Text.printable(path)
            + "' is not portable: "
            + why
            + " (file paths: see 'File paths' in the README)");
  }
}
