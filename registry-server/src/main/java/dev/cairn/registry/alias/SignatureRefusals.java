package dev.cairn.registry.alias;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cairn.registry.audit.AuditRecord;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.journal.Journal;
import dev.cairn.registry.journal.JournalEntry;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Audits an alias change refused for its signature (issue 28: {@code require_signature}): the
 * change's transaction rolled back, so nothing moved; {@code ALIAS_REFUSED} is written in a
 * transaction of its own with the code and the detail, and the refusal is answered as it was.
 */
final class SignatureRefusals {

  private static final Logger LOG = Logger.getLogger(SignatureRefusals.class.getName());

  private final Db db;
  private final Journal journal;

  SignatureRefusals(Db db, Journal journal) {
    this.db = db;
    this.journal = journal;
  }

  <T> T audited(AliasCommand command, Supplier<T> change) {
    try {
      return change.get();
    } catch (ApiException e) {
      if (e.code().startsWith("SIGNATURE_")) {
        record(command, e);
      }
      throw e;
    }
  }

  private void record(AliasCommand command, ApiException refusal) {
    AliasRef target = command.target();
    AuditRecord entry =
        new AuditRecord(
            "ALIAS_REFUSED",
            target.project(),
            target.model(),
            target.alias(),
            null,
            JsonNodeFactory.instance
                .objectNode()
                .put("code", refusal.code())
                .put("detail", refusal.detail()),
            refusal.code() + ": " + refusal.detail(),
            null);
    try {
      db.inTransaction(
          tx -> {
            journal.record(tx, JournalEntry.audited(command.caller().actor(), entry));
            return null;
          });
    } catch (RuntimeException e) {
      // The refusal is still answered: a database gone now is the caller's next error.
      LOG.log(Level.WARNING, "a refused alias change could not be audited: " + e.getMessage());
    }
  }
}
