package dev.cairn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.client.CairnApiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code trust add-key|remove-key|add-root|remove-root}: the edits of one trust-policy entry (issue
 * 28). Each reads the current policy, changes one entry and puts the whole document back only if
 * the policy is still at the version it read ({@code If-Match}), so an edit never drops what it
 * does not name, nor an entry another admin changed meanwhile: a key revoked since the read stays
 * revoked (review 12 item 10). On 412 the edit is made again on a fresh read, a few times; the
 * document itself is {@link TrustCommands}'s.
 */
final class TrustEdits {

  /**
   * Reads a concurrent writer may invalidate before the edit gives up (each is a GET and a PUT).
   */
  static final int ATTEMPTS = 5;

  private TrustEdits() {}

  /** Changes the current policy with {@code edit} and puts it back. */
  abstract static class Edit extends CliCommand {
    Edit(Terminal terminal) {
      super(terminal);
    }

    void apply(UnaryOperator<ObjectNode> edit) {
      var client = client();
      String project = project();
      for (int attempt = 1; ; attempt++) {
        JsonNode read = client.signatures().trust(project);
        ObjectNode changed = edit.apply(TrustCommands.body(read));
        try {
          JsonNode stored =
              client.signatures().putTrust(project, changed, read.path("version").asLong());
          TrustCommands.print(output(), stored);
          return;
        } catch (CairnApiException e) {
          if (e.status() != 412 || attempt == ATTEMPTS) {
            throw e;
          }
          // Another admin's change came first: edit what it made, not what this read.
        }
      }
    }
  }

  /** Adds a named PEM entry to {@code member} ({@code keys} or {@code roots}). */
  abstract static class AddPem extends Edit {
    private final String member;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1", paramLabel = "PEM", description = "PEM file.")
    Path pem;

    AddPem(Terminal terminal, String member) {
      super(terminal);
      this.member = member;
    }

    @Override
    public void run() {
      String text;
      try {
        text = Files.readString(pem, StandardCharsets.US_ASCII);
      } catch (IOException e) {
        throw new ExitCodes.Failure(ExitCodes.USAGE, pem + " unreadable");
      }
      apply(
          policy -> {
            ArrayNode entries = (ArrayNode) policy.get(member);
            for (JsonNode entry : entries) {
              if (name.equals(entry.path("name").asText())) {
                throw new ExitCodes.Failure(
                    ExitCodes.USAGE,
                    "'" + name + "' is already in " + member + "; remove it first");
              }
            }
            entries.addObject().put("name", name).put("pem", text);
            return policy;
          });
    }
  }

  /** Removes the entry named {@code NAME} from {@code member}. */
  abstract static class Remove extends Edit {
    private final String member;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    Remove(Terminal terminal, String member) {
      super(terminal);
      this.member = member;
    }

    @Override
    public void run() {
      apply(
          policy -> {
            ArrayNode entries = (ArrayNode) policy.get(member);
            for (int i = 0; i < entries.size(); i++) {
              if (name.equals(entries.get(i).path("name").asText())) {
                entries.remove(i);
                return policy;
              }
            }
            throw new ExitCodes.Failure(ExitCodes.NOT_FOUND, "no '" + name + "' in " + member);
          });
    }
  }

  @Command(name = "add-key", description = "Trust a public key (PEM file) under a name (admin).")
  static final class AddKey extends AddPem {
    AddKey(Terminal terminal) {
      super(terminal, "keys");
    }
  }

  @Command(name = "add-root", description = "Trust a root certificate (PEM file) (admin).")
  static final class AddRoot extends AddPem {
    AddRoot(Terminal terminal) {
      super(terminal, "roots");
    }
  }

  @Command(name = "remove-key", description = "Stop trusting the key of this name (admin).")
  static final class RemoveKey extends Remove {
    RemoveKey(Terminal terminal) {
      super(terminal, "keys");
    }
  }

  @Command(name = "remove-root", description = "Stop trusting the root of this name (admin).")
  static final class RemoveRoot extends Remove {
    RemoveRoot(Terminal terminal) {
      super(terminal, "roots");
    }
  }
}
