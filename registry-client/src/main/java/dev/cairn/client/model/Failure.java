package dev.cairn.client.model;

/** Why a version is {@code FAILED}: a stable code and a human-readable detail. */
public record Failure(String code, String detail) {}
