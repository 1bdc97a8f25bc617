package dev.cairn.registry.auth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.audit.AuditRecord;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.journal.Journal;
import dev.cairn.registry.journal.JournalEntry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Audits refused credentials of a known identity (spec 40: failed authentications are audited for
 * known token names) as {@code AUTH_FAILED}, in the project the request was for, if that project
 * exists; at most one entry per identity, project and minute, carrying the number of refusals it
 * stands for in {@code after.refusals}. Writing the entry may fail (database down); the caller
 * still answers 401, never 500.
 */
public final class RefusalAudit {

  private static final Logger LOG = Logger.getLogger(RefusalAudit.class.getName());
  private static final Pattern PROJECT =
      Pattern.compile("^/api/v1/projects/([a-z0-9-]{1,63})(/|$)");
  private static final String REASON =
      "credential refused: expired, not yet valid, or issued for another audience or issuer";
  private static final String PROJECT_EXISTS =
      "SELECT 1 AS found FROM projects WHERE name = ? AND deleted_at IS NULL";

  private final Db db;
  private final Journal journal;
  private final RefusalWindow window = new RefusalWindow(Duration.ofMinutes(1), Clock.systemUTC());

  public RefusalAudit(Db db, Journal journal) {
    this.db = db;
    this.journal = journal;
  }

  public void record(String identity, String path, String requestId) {
    Matcher project = PROJECT.matcher(path);
    if (!project.find()) {
      return; // no project to audit into: counted in metrics only
    }
    String name = project.group(1);
    OptionalLong refusals = window.admit(identity + "\n" + name);
    if (refusals.isEmpty()) {
      return;
    }
    AuditRecord entry =
        new AuditRecord(
            "AUTH_FAILED",
            name,
            null,
            null,
            null,
            JsonNodeFactory.instance.objectNode().put("refusals", refusals.getAsLong()),
            REASON,
            null);
    try {
      db.inTransaction(
          tx -> {
            if (tx.get(PROJECT_EXISTS, name).isPresent()) {
              journal.record(
                  tx, JournalEntry.audited(new Actor(identity, List.of(), requestId), entry));
            }
            return null;
          });
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "a refused login could not be audited: " + e.getMessage());
    }
  }
}
