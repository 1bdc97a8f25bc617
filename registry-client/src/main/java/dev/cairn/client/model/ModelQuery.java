package dev.cairn.client.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Filters and paging of {@code GET …/models}: {@code labels} are {@code key:value} pairs (all must
 * match), {@code q} is a name prefix, {@code orderBy} is {@code created_at|name [asc|desc]}.
 */
public record ModelQuery(
    String state, List<String> labels, String q, String orderBy, Integer limit, String pageToken) {

  public static ModelQuery all() {
    return new ModelQuery(null, List.of(), null, null, null, null);
  }

  public ModelQuery withLimit(int newLimit) {
    return new ModelQuery(state, labels, q, orderBy, newLimit, pageToken);
  }

  public ModelQuery withPageToken(String token) {
    return new ModelQuery(state, labels, q, orderBy, limit, token);
  }

  public ModelQuery withState(String newState) {
    return new ModelQuery(newState, labels, q, orderBy, limit, pageToken);
  }

  public ModelQuery withLabel(String key, String value) {
    var more = new ArrayList<>(labels == null ? List.<String>of() : labels);
    more.add(key + ":" + value);
    return new ModelQuery(state, List.copyOf(more), q, orderBy, limit, pageToken);
  }

  public ModelQuery withNamePrefix(String prefix) {
    return new ModelQuery(state, labels, prefix, orderBy, limit, pageToken);
  }

  public ModelQuery orderedBy(String order) {
    return new ModelQuery(state, labels, q, order, limit, pageToken);
  }
}
