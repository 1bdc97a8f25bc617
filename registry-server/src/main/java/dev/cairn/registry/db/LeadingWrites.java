package dev.cairn.registry.db;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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

  /** No writes: the query runs as it is. */
  public static final LeadingWrites NONE = new LeadingWrites(List.of(), List.of());

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

  /** Runs {@code query} preceded by these writes, in one round trip; its row, if any. */
  public Optional<DbRow> get(DbExecute exec, String query, Object... queryParams) {
    return exec.get(before(query), params(queryParams));
  }

  private String before(String query) {
    if (statements.isEmpty()) {
      return query;
    }
    StringBuilder sql = new StringBuilder("WITH ");
    for (int i = 0; i < statements.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("w").append(i).append(" AS (");
      sql.append(statements.get(i)).append(')');
    }
    return sql.append(' ').append(query).toString();
  }

  private Object[] params(Object... queryParams) {
    List<Object> all = new ArrayList<>(params);
    all.addAll(Arrays.asList(queryParams));
    return all.toArray();
  }
}
