package dev.cairn.sidecar.config;

/** One model a sidecar serves, as the registry names it: its project, model and followed alias. */
public record ModelRef(String project, String model, String alias) {}
