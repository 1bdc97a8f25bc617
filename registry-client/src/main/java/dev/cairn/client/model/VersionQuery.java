package dev.cairn.client.model;

import java.util.List;

/** Filters and paging of {@code GET …/versions}. */
public record VersionQuery(
    String variant, String state, List<String> labels, Integer limit, String pageToken) {

  public static VersionQuery all() {
    return new VersionQuery(null, null, List.of(), null, null);
  }

  public VersionQuery withVariant(String newVariant) {
    return new VersionQuery(newVariant, state, labels, limit, pageToken);
  }

  public VersionQuery withState(String newState) {
    return new VersionQuery(variant, newState, labels, limit, pageToken);
  }

  public VersionQuery withLimit(int newLimit) {
    return new VersionQuery(variant, state, labels, newLimit, pageToken);
  }

  public VersionQuery withPageToken(String token) {
    return new VersionQuery(variant, state, labels, limit, token);
  }
}
