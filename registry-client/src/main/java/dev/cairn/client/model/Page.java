package dev.cairn.client.model;

import java.util.List;
import java.util.Optional;

/** One page of a list; {@code next_page_token} is null on the last page. */
public record Page<T>(List<T> items, String nextPageToken) {

  public Optional<String> next() {
    return Optional.ofNullable(nextPageToken);
  }
}
