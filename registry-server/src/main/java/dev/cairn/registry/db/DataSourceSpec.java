package dev.cairn.registry.db;

/** How to reach the database: JDBC URL and credentials, and whether Cairn runs it itself. */
public record DataSourceSpec(String url, String user, String password, boolean embedded) {

  @Override
  public String toString() {
    // The password stays out of every log line and error message.
    return "DataSourceSpec[url=" + url + ", user=" + user + ", embedded=" + embedded + "]";
  }
}
