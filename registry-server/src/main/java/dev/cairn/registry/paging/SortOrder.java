package dev.cairn.registry.paging;

import dev.cairn.registry.domain.ApiException;
import java.util.Locale;

/**
 * The orders a list may take ({@code order_by=created_at|name [asc|desc]}), each with the fixed SQL
 * it sorts and pages by. Only these constants ever reach SQL text.
 */
public enum SortOrder {
  CREATED_AT_ASC("created_at", true),
  CREATED_AT_DESC("created_at", false),
  NAME_ASC("name", true),
  NAME_DESC("name", false);

  private final String column;
  private final boolean ascending;

  SortOrder(String column, boolean ascending) {
    this.column = column;
    this.ascending = ascending;
  }

  /** Parses {@code created_at}, {@code name desc}, {@code name:desc} or {@code name,asc}. */
  public static SortOrder parse(String orderBy) {
    if (orderBy == null || orderBy.isBlank()) {
      return CREATED_AT_ASC;
    }
    String[] parts = orderBy.trim().toLowerCase(Locale.ROOT).split("[\\s:,]+");
    boolean asc = parts.length < 2 || parts[1].equals("asc");
    boolean validDirection = parts.length < 2 || parts[1].equals("asc") || parts[1].equals("desc");
    if (parts.length > 2 || !validDirection) {
      throw invalid(orderBy);
    }
    return switch (parts[0]) {
      case "created_at" -> asc ? CREATED_AT_ASC : CREATED_AT_DESC;
      case "name" -> asc ? NAME_ASC : NAME_DESC;
      default -> throw invalid(orderBy);
    };
  }

  public boolean byName() {
    return column.equals("name");
  }

  /** {@code ORDER BY} clause, with the id as tie-breaker so the order is total. */
  public String orderClause() {
    String dir = ascending ? "ASC" : "DESC";
    return " ORDER BY " + column + " " + dir + ", id " + dir;
  }

  /** Keyset condition: rows strictly after the last one seen; binds the sort value then the id. */
  public String afterClause(String sortCast) {
    return " AND ("
        + column
        + ", id) "
        + (ascending ? ">" : "<")
        + " (CAST(? AS "
        + sortCast
        + "), CAST(? AS uuid))";
  }

  public String wireName() {
    return column + (ascending ? " asc" : " desc");
  }

  private static ApiException invalid(String orderBy) {
    return ApiException.badRequest(
        "order_by must be created_at or name, optionally followed by asc or desc; got '"
            + orderBy
            + "'");
  }
}
