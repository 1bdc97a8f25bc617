package dev.cairn.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A registered model: a named series of versions, one or more variants, and its aliases. A deleted
 * model ({@code state} {@code DELETED}, listed with {@code ?state=DELETED}) also says when, by whom
 * and why; those members are absent on a live or archived one.
 */
public record Model(
    String id,
    String name,
    String project,
    String description,
    String task,
    Map<String, String> labels,
    List<String> variants,
    String defaultVariant,
    List<String> protectedAliases,
    String state,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) Instant deletedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) String deletedBy,
    @JsonInclude(JsonInclude.Include.NON_NULL) String deleteReason) {

  /** A model that is not deleted. */
  public Model(
      String id,
      String name,
      String project,
      String description,
      String task,
      Map<String, String> labels,
      List<String> variants,
      String defaultVariant,
      List<String> protectedAliases,
      String state,
      Instant createdAt,
      String createdBy,
      Instant updatedAt) {
    this(
        id,
        name,
        project,
        description,
        task,
        labels,
        variants,
        defaultVariant,
        protectedAliases,
        state,
        createdAt,
        createdBy,
        updatedAt,
        null,
        null,
        null);
  }

  /**
   * A model's state. A view of the wire names for callers that compare or send them; the server's
   * own enum owns the transitions.
   */
  public enum State {
    LIVE,
    ARCHIVED,
    DELETED;

    /** The name the API carries. */
    public String wire() {
      return name();
    }

    /** Whether {@code wire} (a state as the API returned it) is this state. */
    public boolean is(String wire) {
      return name().equals(wire);
    }
  }
}
