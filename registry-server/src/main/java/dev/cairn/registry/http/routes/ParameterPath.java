package dev.cairn.registry.http.routes;

import io.helidon.common.parameters.Parameters;
import io.helidon.common.uri.UriPath;
import io.helidon.http.RoutedPath;

/**
 * A request path with the parameters {@link TemplatePathMatcher} took from it: what Helidon's
 * pattern matcher answers for the same template (the path itself, its parameters as a single-value
 * map of component {@code http/path}), without the regular expression.
 */
final class ParameterPath implements RoutedPath {

  private final UriPath path;
  private final Parameters parameters;

  ParameterPath(UriPath path, Parameters parameters) {
    this.path = path;
    this.parameters = parameters;
  }

  @Override
  public String rawPath() {
    return path.rawPath();
  }

  @Override
  public String rawPathNoParams() {
    return path.rawPathNoParams();
  }

  @Override
  public String path() {
    return path.path();
  }

  @Override
  public Parameters matrixParameters() {
    return path.matrixParameters();
  }

  @Override
  public void validate() {
    path.validate();
  }

  @Override
  public Parameters pathParameters() {
    return parameters;
  }

  @Override
  public RoutedPath absolute() {
    return new ParameterPath(path.absolute(), parameters);
  }

  @Override
  public String toString() {
    return path + parameters.toString();
  }
}
