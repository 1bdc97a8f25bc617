package dev.cairn.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.registry.audit.AuditChain;
import dev.cairn.registry.audit.AuditKeys;
import dev.cairn.registry.audit.AuditRepository;
import dev.cairn.registry.audit.KeyedFrom;
import dev.cairn.registry.config.RegistrySettings;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.events.StoredEvent;
import dev.cairn.registry.http.request.Responses;
import dev.cairn.registry.journal.Journal;
import dev.cairn.registry.paging.PageTokens;
import dev.cairn.registry.paging.ServerSecrets;
import java.util.function.Consumer;

/**
 * What every resource stands on: the database and JSON, how answers are written, the journal (audit
 * log and event log together, over the keyed audit chain) and the page tokens of every list.
 */
record Kernel(
    Db db,
    ObjectMapper json,
    Responses responses,
    Journal journal,
    PageTokens pageTokens,
    AuditRepository auditRepository,
    KeyedFrom keyedFrom) {

  /**
   * Checks the audit key against the chain before anything can write to it, then builds the rest.
   */
  static Kernel create(
      Db db,
      ObjectMapper json,
      Consumer<StoredEvent> deliverLocally,
      RegistrySettings settings,
      Meters meters) {
    KeyedFrom keyedFrom =
        new KeyedFrom(
            db, AuditChain.keyed(AuditKeys.load(settings.auditKey(), settings.dataDir())));
    keyedFrom.recordAndCheck();
    Journal journal = new Journal(keyedFrom.chain(), db, meters.domain()::audited, deliverLocally);
    return new Kernel(
        db,
        json,
        new Responses(json),
        journal,
        new PageTokens(new ServerSecrets(db).get("page-token-key")),
        new AuditRepository(db),
        keyedFrom);
  }
}
