package dev.cairn.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Body of {@code PATCH /api/v1/projects/{p}}; absent members are left unchanged. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectPatch(String description, Policies policies) {}
