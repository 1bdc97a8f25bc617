package dev.cairn.registry.alias;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.model.Alias;
import dev.cairn.registry.db.Db;
import io.helidon.dbclient.DbTransaction;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs an alias change in its transaction once per {@code Idempotency-Key}: the first request
 * claims the key and stores its answer in the same transaction; a repeat gets that answer back and
 * changes nothing. Without a key the change simply runs.
 */
final class IdempotentChanges {

  private final Db db;
  private final ObjectMapper json;
  private final IdempotencyKeys idempotency = new IdempotencyKeys();

  IdempotentChanges(Db db, ObjectMapper json) {
    this.db = db;
    this.json = json;
  }

  /** Runs {@code work} for {@code command} once per idempotency key (or every time without). */
  Alias run(AliasCommand command, Function<DbTransaction, Alias> work) {
    AliasService.Conditions conditions = command.conditions();
    if (conditions.idempotencyKey().isEmpty()) {
      return db.inTransaction(work);
    }
    String key = conditions.idempotencyKey().get();
    AliasRef target = command.target();
    String scope =
        target.project()
            + "/"
            + target.model()
            + "/"
            + target.alias()
            + "/"
            + command.caller().actor().name();
    String hash =
        command.operation()
            + ":"
            + write(command.body())
            + ":"
            + conditions.expectedGeneration().orElse(null);
    return db.inTransaction(
        tx -> {
          Optional<IdempotencyKeys.Answer> stored = idempotency.claim(tx, scope, key, hash);
          if (stored.isPresent()) {
            return read(stored.get().body());
          }
          Alias result = work.apply(tx);
          idempotency.answer(tx, scope, key, 200, write(result));
          return result;
        });
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Alias read(String body) {
    try {
      return json.readValue(body, Alias.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored idempotent answer unreadable", e);
    }
  }
}
