package dev.cairn.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code DELETE …/models/{m}}: why (recorded with who deleted it), and {@code force} to
 * delete while an alias still points at one of the model's versions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelDelete(String reason, Boolean force) {

  public static ModelDelete because(String reason) {
    return new ModelDelete(reason, null);
  }

  public ModelDelete forced() {
    return new ModelDelete(reason, true);
  }
}
