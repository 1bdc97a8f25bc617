package dev.cairn.registry.paging;

import dev.cairn.client.model.Page;
import java.util.List;
import java.util.function.Function;

/**
 * Turns a keyset query's rows into a page. Listings fetch {@code limit + 1} rows: the extra row
 * only tells that a next page exists, and the token points after the last row returned.
 */
public final class Pages {

  private Pages() {}

  public static <T> Page<T> of(List<T> rows, int limit, Function<T, String> tokenAfter) {
    if (rows.size() <= limit) {
      return new Page<>(List.copyOf(rows), null);
    }
    List<T> items = List.copyOf(rows.subList(0, limit));
    return new Page<>(items, tokenAfter.apply(items.get(limit - 1)));
  }
}
