package dev.cairn.cli;

import dev.cairn.client.model.AliasUpdate;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --version V | --pointer VARIANT=V…}, {@code --reason} and {@code --approved-by}: where an
 * alias should point, why, and who approved.
 */
final class PointerChange {

  @Option(names = "--version", description = "The version, for the model's variant of it.")
  String version;

  @Option(names = "--pointer", description = "VARIANT=VERSION (repeatable).")
  Map<String, String> pointers;

  @Option(names = "--reason", required = true)
  String reason;

  @Option(
      names = "--approved-by",
      paramLabel = "NAME",
      description =
          "Who approved the change, when not you (seed 000's approved_by). Needs the approver"
              + " role; NAME is recorded as approver and you as the one who made the change.")
  String approvedBy;

  /** The request body; exactly one of {@code --version} and {@code --pointer} must be given. */
  AliasUpdate update() {
    if ((version == null) == (pointers == null || pointers.isEmpty())) {
      throw new ExitCodes.Failure(ExitCodes.USAGE, "give --version or --pointer VARIANT=VERSION");
    }
    return new AliasUpdate(pointers, version, reason, approvedBy, null, null, null);
  }
}
