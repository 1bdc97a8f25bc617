package dev.cairn.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The flags every command takes (spec 75-cli, Conventions). */
public final class GlobalOptions {

  @Option(names = "--context", description = "Use this context instead of the current one.")
  String context;

  @Option(names = "--server", description = "Registry URL (overrides the context).")
  String server;

  @Option(
      names = {"-p", "--project"},
      description = "Project (overrides the context's default).")
  String project;

  @Option(
      names = {"-o", "--output"},
      description = "table (default), wide, json, yaml or name.",
      defaultValue = "TABLE")
  Output.Format output;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print nothing but errors.")
  boolean quiet;

  @Option(
      names = "--progress",
      negatable = true,
      description = "Progress bars on stderr (default: only when stderr is a terminal).")
  Boolean progress;

  @Option(
      names = "--signing-key-file",
      description = "Sign requests with the pre-shared key in this file (key_id, secret).")
  Path signingKeyFile;

  @Option(
      names = "--verbose",
      description = "Print each request on stderr: method, URL, status, time (no credentials).")
  boolean verbose;
}
