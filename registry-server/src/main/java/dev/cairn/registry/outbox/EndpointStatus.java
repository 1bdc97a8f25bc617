package dev.cairn.registry.outbox;

/** Whether an endpoint receives events: only ACTIVE ones get outbox rows and attempts. */
public enum EndpointStatus {
  ACTIVE,
  DISABLED
}
