package dev.cairn.registry.alias;

/** One alias of one model in one project: what a request names in its path. */
public record AliasRef(String project, String model, String alias) {}
