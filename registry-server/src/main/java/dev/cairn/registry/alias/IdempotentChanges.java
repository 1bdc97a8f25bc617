package dev.cairn.registry.alias;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.model.Alias;
import io.helidon.dbclient.DbTransaction;
import java.util.Optional;

/**
 * An alias change once per {@code Idempotency-Key}, as two steps of its transaction: the first
 * request claims the key ({@link #repeated} finds nothing) and stores its answer ({@link
 * #remember}); a repeat gets that answer back and changes nothing. Without a key both steps are
 * no-ops.
 */
final class IdempotentChanges {

  private final ObjectMapper json;
  private final IdempotencyKeys idempotency = new IdempotencyKeys();

  IdempotentChanges(ObjectMapper json) {
    this.json = json;
  }

  /** Claims the command's key; the stored answer when an earlier request already made it. */
  Optional<Alias> repeated(DbTransaction tx, AliasCommand command) {
    Optional<String> key = command.conditions().idempotencyKey();
    if (key.isEmpty()) {
      return Optional.empty();
    }
    return idempotency.claim(tx, scope(command), key.get(), hash(command)).map(a -> read(a.body()));
  }

  /** Stores {@code answer} as the answer to the command's key, in the same transaction. */
  void remember(DbTransaction tx, AliasCommand command, Alias answer) {
    Optional<String> key = command.conditions().idempotencyKey();
    if (key.isPresent()) {
      idempotency.answer(tx, scope(command), key.get(), 200, write(answer));
    }
  }

  /** A key is the caller's own, per alias. */
  private static String scope(AliasCommand command) {
    AliasRef target = command.target();
    return target.project()
        + "/"
        + target.model()
        + "/"
        + target.alias()
        + "/"
        + command.caller().actor().name();
  }

  /** What makes a repeated key "the same request": operation, body and expected generation. */
  private String hash(AliasCommand command) {
    return command.operation()
        + ":"
        + write(command.body())
        + ":"
        + command.conditions().expectedGeneration().orElse(null);
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
