package dev.cairn.cli;

import dev.cairn.client.model.AliasUpdate;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --version V | --pointer VARIANT=V…} and {@code --reason}: where an alias should point. */
final class PointerChange {

  @Option(names = "--version", description = "The version, for the model's variant of it.")
  String version;

  @Option(names = "--pointer", description = "VARIANT=VERSION (repeatable).")
  Map<String, String> pointers;

  @Option(names = "--reason", required = true)
  String reason;

  /** The request body; exactly one of {@code --version} and {@code --pointer} must be given. */
  AliasUpdate update() {
    if ((version == null) == (pointers == null || pointers.isEmpty())) {
      throw new ExitCodes.Failure(ExitCodes.USAGE, "give --version or --pointer VARIANT=VERSION");
    }
    return version != null
        ? AliasUpdate.version(version, reason)
        : AliasUpdate.pointers(pointers, reason);
  }
}
