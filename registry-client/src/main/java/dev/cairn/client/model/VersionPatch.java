package dev.cairn.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Body of {@code PATCH …/versions/{v}}: only the editable members; content fields are refused with
 * {@code IMMUTABLE_FIELD:<field>}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VersionPatch(
    String notes, String description, Map<String, String> labels, String state) {

  public static VersionPatch notes(String notes) {
    return new VersionPatch(notes, null, null, null);
  }
}
