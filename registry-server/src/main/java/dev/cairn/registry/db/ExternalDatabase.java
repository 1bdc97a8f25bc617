package dev.cairn.registry.db;

import dev.cairn.registry.config.StartupException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Checks an external PostgreSQL answers before anything else depends on it. */
public final class ExternalDatabase {

  private ExternalDatabase() {}

  /** Fails with a message naming the URL (never the password) when the database is unreachable. */
  public static DataSourceSpec probe(String url, String user, String password) {
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new StartupException(
          "CAIRN_DB_URL must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db), not '"
              + url
              + "'.");
    }
    Properties props = new Properties();
    props.setProperty("user", user);
    props.setProperty("password", password);
    props.setProperty("connectTimeout", "10");
    props.setProperty("loginTimeout", "10");
    try (Connection ignored = DriverManager.getConnection(url, props)) {
      return new DataSourceSpec(url, user, password, false);
    } catch (SQLException e) {
      throw new StartupException(
          "Cannot reach the database at " + url + " as '" + user + "': " + e.getMessage(), e);
    }
  }
}
