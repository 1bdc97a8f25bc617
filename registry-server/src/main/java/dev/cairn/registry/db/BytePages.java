package dev.cairn.registry.db;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Listings capped in bytes as well as rows (spec 40-security: memory is bounded per request). The
 * cut happens in the database, so rows past it are never fetched: a keyset query is wrapped so that
 * it returns rows while the bytes of its large text columns before them stay under the cap, plus
 * the first row past the cut, which (like the extra row of every listing) only says "there is
 * more".
 */
public final class BytePages {

  private static final String WRAPPER =
      "SELECT * FROM (SELECT sized.*, SUM(cap_bytes) OVER w - cap_bytes AS cap_before,"
          + " SUM(cap_bytes) OVER w - cap_bytes - COALESCE(LAG(cap_bytes) OVER w, 0)"
          + " AS cap_before_previous"
          + " FROM (SELECT page.*, %s AS cap_bytes FROM (%s) page) sized WINDOW w AS (ORDER BY %s))"
          + " capped WHERE cap_before_previous < ? ORDER BY %s";

  private BytePages() {}

  /** Rows of one capped query and how many of them belong to the page. */
  public record Capped<T>(List<T> rows, int pageSize) {

    /** Whether the byte cap, not the end of the data, ended this batch. */
    public boolean cut() {
      return pageSize < rows.size();
    }

    /** The rows that belong to the page. */
    public List<T> page() {
      return rows.subList(0, Math.min(pageSize, rows.size()));
    }
  }

  /**
   * Runs {@code query} (ordered by {@code order}, with its own {@code LIMIT} of {@code limit} rows)
   * capped at {@code capBytes} of {@code textColumns}.
   */
  public static <T> Capped<T> list(
      DbExecute exec,
      String query,
      String order,
      List<String> textColumns,
      Function<DbRow, T> mapper,
      int limit,
      long capBytes,
      Object... params) {
    String bytes =
        String.join(
            " + ",
            textColumns.stream()
                .map(c -> "COALESCE(octet_length(CAST(page." + c + " AS text)), 0)")
                .toList());
    String sql = WRAPPER.formatted(bytes, query, order, order);
    Object[] all = Arrays.copyOf(params, params.length + 1);
    all[params.length] = capBytes;
    List<Map.Entry<T, Long>> rows =
        Db.list(
            exec, sql, row -> Map.entry(mapper.apply(row), Rows.longValue(row, "cap_before")), all);
    boolean cut = !rows.isEmpty() && rows.getLast().getValue() >= capBytes;
    return new Capped<>(
        rows.stream().map(Map.Entry::getKey).toList(), cut ? rows.size() - 1 : limit);
  }
}
