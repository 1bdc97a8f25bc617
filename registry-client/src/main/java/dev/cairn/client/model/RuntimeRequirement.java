package dev.cairn.client.model;

/** The runtime a version needs to load: its name and the oldest version that can load it. */
public record RuntimeRequirement(String name, String minVersion) {}
