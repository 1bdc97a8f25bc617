package dev.cairn.registry.config;

/**
 * The role that owns the schema and runs the migrations ({@code CAIRN_DB_OWNER_USER}, {@code
 * CAIRN_DB_OWNER_PASSWORD}), when it is not the role the server works as ({@code CAIRN_DB_USER}).
 */
public record DbOwner(String user, String password) {

  @Override
  public String toString() {
    return "DbOwner[user=" + user + "]"; // never the password
  }
}
