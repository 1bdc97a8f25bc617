package dev.cairn.client.model;

import java.util.List;

/** A passed {@code verify}: status {@code VERIFIED} and every file's check. */
public record Verification(String status, List<FileCheck> files) {}
