package dev.cairn.registry.auth;

import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.audit.AuditLog;
import dev.cairn.registry.audit.AuditRecord;
import dev.cairn.registry.db.Db;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Audits refused credentials of a known identity (spec 40: failed authentications are audited for
 * known token names) as {@code AUTH_FAILED}, in the project the request was for. Writing the entry
 * may fail (database down); the caller still answers 401, never 500.
 */
public final class RefusalAudit {

  private static final Logger LOG = Logger.getLogger(RefusalAudit.class.getName());
  private static final Pattern PROJECT =
      Pattern.compile("^/api/v1/projects/([a-z0-9-]{1,63})(/|$)");
  private static final String REASON =
      "credential refused: expired, not yet valid, or issued for another audience or issuer";

  private final Db db;
  private final AuditLog audit;

  public RefusalAudit(Db db, AuditLog audit) {
    this.db = db;
    this.audit = audit;
  }

  public void record(String identity, String path, String requestId) {
    Matcher project = PROJECT.matcher(path);
    AuditRecord entry =
        new AuditRecord(
            "AUTH_FAILED",
            project.find() ? project.group(1) : null,
            null,
            null,
            null,
            null,
            REASON,
            null);
    try {
      db.inTransaction(tx -> audit.append(tx, new Actor(identity, List.of(), requestId), entry));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "a refused login could not be audited: " + e.getMessage());
    }
  }
}
