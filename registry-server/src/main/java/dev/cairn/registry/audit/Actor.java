package dev.cairn.registry.audit;

import java.util.List;

/** Who is making a change, as the audit log records it: name, roles, and the request id. */
public record Actor(String name, List<String> roles, String requestId) {

  /** The server acting on its own (startup tasks). */
  public static Actor system() {
    return new Actor("cairn-system", List.of(), null);
  }
}
