package dev.cairn.registry.mlflow;

import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.Names;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of MLflow's search-filter language Cairn answers: nothing (every model of the default
 * project), {@code name = 'x'} and {@code name LIKE 'x%'} (a prefix). The filter is matched by one
 * anchored expression, never handed to SQL; anything else is 400 INVALID_PARAMETER_VALUE naming
 * what is understood.
 */
public record MlflowFilter(String project, Optional<String> exactModel, String modelPrefix) {

  /** MLflow's own filters are short; this bounds the work and the echo of a hostile one. */
  static final int MAX_LENGTH = 1000;

  private static final Pattern NAME_FILTER =
      Pattern.compile(
          "\\s*(?:name|`name`)\\s*(=|(?i:like))\\s*(?:'([^']*)'|\"([^\"]*)\")\\s*",
          Pattern.CASE_INSENSITIVE);
  private static final String UNDERSTOOD =
      "Cairn answers the filters name = 'project.model' and name LIKE 'project.prefix%'";

  /** Every model of {@code project} whose name starts with {@code prefix}. */
  static MlflowFilter prefix(String project, String prefix) {
    return new MlflowFilter(project, Optional.empty(), prefix);
  }

  /** Reads a registered-model filter; {@code defaultProject} answers a filter without a project. */
  public static MlflowFilter parse(String filter, Optional<String> defaultProject) {
    if (filter == null || filter.isBlank()) {
      return prefix(
          defaultProject.orElseThrow(
              () ->
                  MlflowErrorCodes.invalid(
                      "a filter naming the project is required (no CAIRN_MLFLOW_DEFAULT_PROJECT is"
                          + " set): "
                          + UNDERSTOOD)),
          "");
    }
    Matcher m = matched(filter);
    String literal = m.group(2) != null ? m.group(2) : m.group(3);
    if (m.group(1).equals("=")) {
      MlflowName name = MlflowName.parse(literal, defaultProject);
      return new MlflowFilter(name.project(), Optional.of(name.model()), name.model());
    }
    String prefix = likePrefix(literal);
    int dot = prefix.indexOf('.');
    if (dot < 0) {
      String project =
          defaultProject.orElseThrow(
              () ->
                  MlflowErrorCodes.invalid(
                      "a LIKE pattern must name the project before its first '.': " + UNDERSTOOD));
      return prefix(project, prefix);
    }
    try {
      return prefix(Names.project(prefix.substring(0, dot)), prefix.substring(dot + 1));
    } catch (ApiException e) {
      throw MlflowErrorCodes.invalid("the LIKE pattern names no project: " + e.detail());
    }
  }

  /** The one model a model-versions filter names: {@code name = '…'} only. */
  public static MlflowName modelOf(String filter, Optional<String> defaultProject) {
    if (filter == null || filter.isBlank()) {
      throw MlflowErrorCodes.invalid(
          "Cairn searches the versions of one model: filter with name = 'project.model'");
    }
    Matcher m = matched(filter);
    if (!m.group(1).equals("=")) {
      throw MlflowErrorCodes.invalid(
          "Cairn searches the versions of one model: filter with name = 'project.model'");
    }
    return MlflowName.parse(m.group(2) != null ? m.group(2) : m.group(3), defaultProject);
  }

  private static Matcher matched(String filter) {
    if (filter.length() > MAX_LENGTH) {
      throw MlflowErrorCodes.invalid("the filter is longer than " + MAX_LENGTH + " characters");
    }
    Matcher m = NAME_FILTER.matcher(filter);
    if (!m.matches()) {
      throw MlflowErrorCodes.invalid("unsupported filter: " + UNDERSTOOD);
    }
    return m;
  }

  /**
   * The prefix of a LIKE pattern that is a literal followed by one trailing {@code %}. {@code _}
   * matches itself (model names use it far more than anyone means "any character"); {@code \%} and
   * {@code \_} are the literal characters.
   */
  static String likePrefix(String pattern) {
    if (!pattern.endsWith("%") || pattern.endsWith("\\%")) {
      throw MlflowErrorCodes.invalid(
          "a LIKE pattern must be a literal prefix followed by '%': " + UNDERSTOOD);
    }
    StringBuilder prefix = new StringBuilder();
    String body = pattern.substring(0, pattern.length() - 1);
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        prefix.append(body.charAt(++i));
      } else if (c == '%') {
        throw MlflowErrorCodes.invalid(
            "'%' is answered only at the end of a LIKE pattern: " + UNDERSTOOD);
      } else {
        prefix.append(c);
      }
    }
    return prefix.toString();
  }
}
