package dev.cairn.registry.alias;

import dev.cairn.client.model.AliasRollback;
import dev.cairn.client.model.AliasUpdate;
import java.util.Optional;

/**
 * A change to one alias as the API asks for it: set pointers ({@link Put}), go back a generation
 * ({@link Rollback}) or remove the alias ({@link Delete}); who asks, which alias, and under which
 * conditions ({@code If-Match}, {@code Idempotency-Key}).
 */
public sealed interface AliasCommand {

  Caller caller();

  AliasRef target();

  AliasService.Conditions conditions();

  /** The operation's name, part of what makes a repeated idempotency key "the same request". */
  String operation();

  /** The request body, hashed with the operation for idempotency. */
  Object body();

  /**
   * The generation the change expects, from {@code If-Match} or the body's {@code
   * expected_generation} (400 when both are given and disagree).
   */
  default Optional<Long> expectedGeneration() {
    Long fromBody = this instanceof Put put ? put.update().expectedGeneration() : null;
    return AliasPreconditions.expected(conditions(), fromBody);
  }

  /** {@code PUT …/aliases/{a}}. */
  record Put(Caller caller, AliasRef target, AliasUpdate update, AliasService.Conditions conditions)
      implements AliasCommand {
    @Override
    public String operation() {
      return "PUT";
    }

    @Override
    public Object body() {
      return update;
    }
  }

  /** {@code POST …/aliases/{a}/rollback}. */
  record Rollback(
      Caller caller, AliasRef target, AliasRollback request, AliasService.Conditions conditions)
      implements AliasCommand {
    @Override
    public String operation() {
      return "ROLLBACK";
    }

    @Override
    public Object body() {
      return request;
    }
  }

  /** {@code DELETE …/aliases/{a}}. */
  record Delete(Caller caller, AliasRef target, AliasService.Conditions conditions)
      implements AliasCommand {
    @Override
    public String operation() {
      return "DELETE";
    }

    @Override
    public Object body() {
      return null;
    }
  }
}
