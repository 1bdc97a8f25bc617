package dev.cairn.registry.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/** The naming rules of spec 10-registry-api; a broken name is 400 {@code INVALID_NAME:<field>}. */
public final class Names {

  /** The rule of project names; {@link #isProject} decides it without a regex engine. */
  static final Pattern PROJECT = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  /** The rule of the other names; {@link #isResource} decides it without a regex engine. */
  static final Pattern RESOURCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  private static final int MAX_PATH_BYTES = 512;

  private Names() {}

  /** A project name: a DNS-1123 label, since it maps to a Kubernetes namespace. */
  public static String project(String name) {
    if (!isProject(name)) {
      throw ApiException.invalidName(
          "project",
          "project names are DNS-1123 labels: lower-case letters, digits and '-', at most 63");
    }
    return name;
  }

  /** A model, version, alias or variant name; {@code field} names it in the error code. */
  public static String resource(String field, String name) {
    if (!isResource(name)) {
      throw ApiException.invalidName(
          field,
          field
              + " names start with a letter or digit and use letters, digits, '.', '_' and '-', "
              + "at most 128");
    }
    return name;
  }

  /**
   * Whether {@code name} matches {@link #PROJECT}. Every request checks two or three names, and the
   * regex matchers were ~3% of a cached resolve's CPU (issue 27 item 7); {@code NamesTest} holds
   * both forms to the same answers.
   */
  static boolean isProject(String name) {
    int n = name == null ? 0 : name.length();
    if (n < 1 || n > 63 || name.charAt(0) == '-' || name.charAt(n - 1) == '-') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code name} matches {@link #RESOURCE}. */
  static boolean isResource(String name) {
    int n = name == null ? 0 : name.length();
    if (n < 1 || n > 128 || !isAsciiAlphanumeric(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < n; i++) {
      char c = name.charAt(i);
      if (!(isAsciiAlphanumeric(c) || c == '.' || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** A file path inside a version: relative, '/'-separated, no '..', no control characters. */
  public static String filePath(String path) {
    boolean valid =
        path != null
            && !path.isEmpty()
            && path.getBytes(StandardCharsets.UTF_8).length <= MAX_PATH_BYTES
            && !path.startsWith("/")
            && !path.endsWith("/")
            && path.indexOf('\\') < 0
            && path.codePoints().noneMatch(Text::isControl)
            && Arrays.stream(path.split("/", -1))
                .noneMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."));
    if (!valid) {
      throw ApiException.invalidName(
          "path",
          "file paths are relative, '/'-separated, without '..', '\\\\', control or bidirectional characters, "
              + "at most 512 bytes");
    }
    return path;
  }
}
