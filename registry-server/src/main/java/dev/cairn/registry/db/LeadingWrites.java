package dev.cairn.registry.db;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Data-modifying statements run as {@code WITH} clauses of the query that follows them, so the
 * writes of a change and that query cost one round trip. PostgreSQL runs each of them to completion
 * whether or not the query reads it; they see one snapshot, so none may read another's rows.
 */
public final class LeadingWrites {

  private final List<String> statements;
  private final List<Object> params;

  private LeadingWrites(List<String> statements, List<Object> params) {
    this.statements = statements;
    this.params = params;
  }

  public static LeadingWrites of(String statement, Object... params) {
    return new LeadingWrites(List.of(statement), Arrays.asList(params));
  }

  /** These writes, then {@code statement}. */
  public LeadingWrites then(String statement, Object... more) {
    List<String> s = new ArrayList<>(statements);
    s.add(statement);
    List<Object> p = new ArrayList<>(params);
    p.addAll(Arrays.asList(more));
    return new LeadingWrites(s, p);
  }

  /** {@code query} preceded by these writes. */
  public String before(String query) {
    StringBuilder sql = new StringBuilder("WITH ");
    for (int i = 0; i < statements.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("w").append(i).append(" AS (");
      sql.append(statements.get(i)).append(')');
    }
    return sql.append(' ').append(query).toString();
  }

  /** The writes' parameters followed by {@code queryParams}. */
  public Object[] params(Object... queryParams) {
    List<Object> all = new ArrayList<>(params);
    all.addAll(Arrays.asList(queryParams));
    return all.toArray();
  }
}
