package dev.cairn.signing;

/** One signed file of a model: its relative POSIX path, hex digest and hash algorithm. */
public record Resource(String name, String digest, String algorithm) {}
