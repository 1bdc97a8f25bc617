package dev.cairn.registry.http.request;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.auth.Principal;
import dev.cairn.registry.auth.Role;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.Names;
import dev.cairn.registry.domain.ProjectNotFound;
import dev.cairn.registry.domain.VersionLimits;
import dev.cairn.registry.http.AuthContext;
import dev.cairn.registry.http.RequestIds;
import io.helidon.webserver.http.ServerRequest;
import java.util.List;
import java.util.Optional;

/**
 * What a handler needs of a request: the caller, validated path names (with project visibility and
 * role checks), query parameters and the JSON body.
 */
public final class ApiRequest {

  private final ServerRequest raw;
  private final JsonBodies bodies;

  /** The caller, looked up once: a handler asks for it two to four times. */
  private Principal principal;

  ApiRequest(ServerRequest raw, JsonBodies bodies) {
    this.raw = raw;
    this.bodies = bodies;
  }

  public ServerRequest raw() {
    return raw;
  }

  public Principal principal() {
    if (principal == null) {
      principal =
          AuthContext.get(raw)
              .orElseThrow(
                  () -> new ApiException(401, "UNAUTHENTICATED", "a bearer token is required"));
    }
    return principal;
  }

  public Actor actor() {
    Principal p = principal();
    return new Actor(p.name(), p.roleNames(), requestId());
  }

  public String requestId() {
    return RequestIds.of(raw);
  }

  /** Refuses with 403 unless the caller has {@code role}. */
  public ApiRequest require(Role role) {
    if (!principal().may(role)) {
      throw ApiException.forbidden(
          "this action needs the "
              + role.wireName()
              + " role; the caller has "
              + principal().roleNames());
    }
    return this;
  }

  /**
   * Refuses with 403 unless the caller has {@code role} over every project: what creates projects
   * or reads across them is not for an admin scoped to some (spec 40-security, Hardening).
   */
  public ApiRequest requireAllProjects(Role role) {
    require(role);
    if (!principal().allProjects()) {
      throw ApiException.forbidden(
          "this action needs the " + role.wireName() + " role over all projects");
    }
    return this;
  }

  /**
   * The {@code {project}} path name, after checking the caller may see it: an invisible project
   * answers 404 exactly as a missing one does.
   */
  public String project() {
    String project = Names.project(raw.path().pathParameters().get("project"));
    if (!principal().canSee(project)) {
      throw ProjectNotFound.of(project);
    }
    return project;
  }

  public String model() {
    return Names.resource("model", raw.path().pathParameters().get("model"));
  }

  public String version() {
    return Names.resource("version", raw.path().pathParameters().get("version"));
  }

  public Optional<String> query(String name) {
    return raw.query().first(name).asOptional().filter(v -> !v.isEmpty());
  }

  public List<String> queryAll(String name) {
    return raw.query().contains(name) ? raw.query().all(name) : List.of();
  }

  /** The {@code limit} parameter: 1–1000, default 100. */
  public int limit() {
    Optional<String> raw = query("limit");
    if (raw.isEmpty()) {
      return 100;
    }
    try {
      int limit = Integer.parseInt(raw.get());
      if (limit >= 1 && limit <= 1000) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest("limit must be a number from 1 to 1000");
  }

  public <T> T body(Class<T> type) {
    return bodies.read(raw, type);
  }

  /** The JSON body, or empty when the request has none (a DELETE whose body is optional). */
  public <T> Optional<T> optionalBody(Class<T> type) {
    if (!raw.content().hasEntity()) {
      return Optional.empty();
    }
    return Optional.of(bodies.read(raw, type));
  }

  /** A version declaration's body: the JSON limit plus room for the most files a version has. */
  public <T> T declarationBody(Class<T> type) {
    return bodies.read(raw, type, VersionLimits.declarationBytes(bodies.maxBytes()));
  }

  public JsonNode bodyTree() {
    return bodies.readTree(raw);
  }

  public <T> T convert(JsonNode tree, Class<T> type) {
    return bodies.convert(tree, type);
  }
}
