package dev.cairn.client.model;

import java.util.List;

/** {@code GET /api/v1/whoami}: the name audit entries record, the roles and the projects. */
public record Caller(String name, List<String> roles, List<String> projects) {}
