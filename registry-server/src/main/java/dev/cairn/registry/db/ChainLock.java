package dev.cairn.registry.db;

/**
 * The transaction-scoped advisory lock that orders the audit chain and the event stream: whoever
 * holds it appends the next audit entry and numbers the next event, so both follow commit order
 * even across registry replicas. Taken by {@code cairn_chain_head} and {@code cairn_append_event}
 * (V5__chain_functions.sql).
 */
public final class ChainLock {

  /** The lock's key ("CAIRNAUD" in ASCII). */
  public static final long KEY = 0x434149524e415544L;

  private ChainLock() {}
}
