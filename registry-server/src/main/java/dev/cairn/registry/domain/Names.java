package dev.cairn.registry.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/** The naming rules of spec 10-registry-api; a broken name is 400 {@code INVALID_NAME:<field>}. */
public final class Names {

  private static final Pattern PROJECT = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final Pattern RESOURCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final int MAX_PATH_BYTES = 512;

  private Names() {}

  /** A project name: a DNS-1123 label, since it maps to a Kubernetes namespace. */
  public static String project(String name) {
    if (name == null || !PROJECT.matcher(name).matches()) {
      throw ApiException.invalidName(
          "project",
          "project names are DNS-1123 labels: lower-case letters, digits and '-', at most 63");
    }
    return name;
  }

  /** A model, version, alias or variant name; {@code field} names it in the error code. */
  public static String resource(String field, String name) {
    if (name == null || !RESOURCE.matcher(name).matches()) {
      throw ApiException.invalidName(
          field,
          field
              + " names start with a letter or digit and use letters, digits, '.', '_' and '-', "
              + "at most 128");
    }
    return name;
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
