package dev.cairn.registry.alias;

import dev.cairn.registry.audit.Actor;

/** Who changes an alias and what their roles allow: publish, approve (protected aliases). */
public record Caller(Actor actor, boolean mayPublish, boolean mayApprove) {}
