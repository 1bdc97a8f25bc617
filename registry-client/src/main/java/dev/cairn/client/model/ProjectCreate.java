package dev.cairn.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Body of {@code POST /api/v1/projects}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectCreate(String name, String description, Policies policies) {

  public static ProjectCreate named(String name) {
    return new ProjectCreate(name, null, null);
  }
}
