package dev.cairn.registry.outbox;

/**
 * Where a delivery stands: waiting for its next attempt, delivered (a 2xx answer), or failed (its
 * attempts ran out, or the endpoint answered 410). A redelivery puts it back to PENDING.
 */
public enum DeliveryState {
  PENDING,
  DELIVERED,
  FAILED
}
