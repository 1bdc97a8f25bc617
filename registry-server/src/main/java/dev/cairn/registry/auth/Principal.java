package dev.cairn.registry.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An authenticated caller: the name audit entries show, its roles and the projects it may see
 * ({@code *} for all).
 */
public record Principal(String name, Set<Role> roles, Set<String> projects) {

  public Principal {
    roles = Set.copyOf(roles);
    projects = Set.copyOf(projects);
  }

  public boolean canSee(String project) {
    return projects.contains("*") || projects.contains(project);
  }

  public boolean allProjects() {
    return projects.contains("*");
  }

  /**
   * Whether this caller may act with {@code needed}: any role reads, admin may do everything,
   * publisher, approver and sidecar rights are separate (an approver does not publish, a publisher
   * does not report instances).
   */
  public boolean may(Role needed) {
    if (roles.contains(Role.ADMIN)) {
      return true;
    }
    return switch (needed) {
      case READER -> !roles.isEmpty();
      case PUBLISHER -> roles.contains(Role.PUBLISHER);
      case APPROVER -> roles.contains(Role.APPROVER);
      case SIDECAR -> roles.contains(Role.SIDECAR);
      case ADMIN -> false;
    };
  }

  /** Role names, sorted, as audit entries record them. */
  public List<String> roleNames() {
    int mask = 0;
    for (Role role : roles) {
      mask |= 1 << role.ordinal();
    }
    return ROLE_NAMES.get(mask);
  }

  /**
   * {@link #roleNames} of every set of roles, by the set's bits: every request builds its actor,
   * and sorting the names through a stream was ~4% of a cached resolve's CPU (issue 27 item 7).
   */
  private static final List<List<String>> ROLE_NAMES = roleNamesOfEverySet();

  private static List<List<String>> roleNamesOfEverySet() {
    Role[] all = Role.values();
    List<List<String>> names = new ArrayList<>();
    for (int mask = 0; mask < 1 << all.length; mask++) {
      List<String> set = new ArrayList<>();
      for (Role role : all) {
        if ((mask & 1 << role.ordinal()) != 0) {
          set.add(role.wireName());
        }
      }
      names.add(set.stream().sorted().toList());
    }
    return List.copyOf(names);
  }
}
