package dev.cairn.registry;

import dev.cairn.registry.config.RegistrySettings;
import dev.cairn.registry.db.AppRoleGrants;
import dev.cairn.registry.db.DataSourceSpec;
import dev.cairn.registry.db.Migrations;
import java.util.logging.Logger;

/**
 * Who migrates the schema: the owner role when {@code CAIRN_DB_OWNER_USER} is set (then the
 * server's own role is granted only what it needs), else the server's role itself, with a warning
 * in production that this role could disable the audit trigger.
 */
final class SchemaOwner {

  private static final Logger LOG = Logger.getLogger(SchemaOwner.class.getName());

  private SchemaOwner() {}

  static void migrate(RegistrySettings settings, DataSourceSpec source) {
    if (settings.dbOwner().isEmpty() || source.embedded()) {
      Migrations.apply(source);
      if (!source.embedded() && settings.production()) {
        LOG.warning(
            "CAIRN_DB_USER owns the schema, so it could disable the audit trigger: set"
                + " CAIRN_DB_OWNER_USER to migrate as another role (README, Hardening)");
      }
      return;
    }
    var owner = settings.dbOwner().get();
    DataSourceSpec asOwner =
        new DataSourceSpec(source.url(), owner.user(), owner.password(), false);
    Migrations.apply(asOwner);
    AppRoleGrants.grant(asOwner, settings.dbUser());
  }
}
