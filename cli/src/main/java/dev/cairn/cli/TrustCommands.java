package dev.cairn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code trust get|set|add-key|remove-key|add-root|remove-root}: the project's trust policy for
 * model signatures (issue 28). This class owns the whole document: the group, printing a policy,
 * the body a PUT takes, {@code get} and {@code set}; the one-entry edits are {@link TrustEdits}.
 * The registry checks every PEM and says who may (project admins).
 */
final class TrustCommands {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** One row per trusted key, root or identity. */
  record Entry(String kind, String name, String detail) {}

  static final List<Output.Column> COLUMNS =
      List.of(
          Output.Column.of("KIND", "kind"),
          Output.Column.of("NAME", "name"),
          Output.Column.of("DETAIL", "detail"));

  /** What a policy document may hold: its lists, and what {@code trust get -o json} adds. */
  private static final Set<String> DOCUMENT_MEMBERS =
      Set.of("keys", "roots", "identities", "version", "updated_at", "updated_by");

  private TrustCommands() {}

  static CommandLine group(Terminal terminal) {
    return Groups.of(
        "trust",
        "The project's trust policy for model signatures.",
        List.of(
            new Get(terminal),
            new SetPolicy(terminal),
            new TrustEdits.AddKey(terminal),
            new TrustEdits.RemoveKey(terminal),
            new TrustEdits.AddRoot(terminal),
            new TrustEdits.RemoveRoot(terminal)));
  }

  /** Prints a policy: a row per entry, or the registry's document with -o json/yaml. */
  static void print(Output output, JsonNode policy) {
    List<Entry> rows = new ArrayList<>();
    policy
        .path("keys")
        .forEach(k -> rows.add(new Entry("key", text(k, "name"), "hint " + text(k, "hint"))));
    policy.path("roots").forEach(r -> rows.add(new Entry("root", text(r, "name"), "")));
    policy
        .path("identities")
        .forEach(
            i -> rows.add(new Entry("identity", text(i, "san"), "issuer " + text(i, "issuer"))));
    output.many(rows, "name", COLUMNS, policy);
    output.say("trust policy version " + policy.path("version").asLong());
  }

  private static String text(JsonNode node, String field) {
    return node.path(field).asText("-");
  }

  /** The members a PUT takes, copied from a policy as the registry answered it. */
  static ObjectNode body(JsonNode policy) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode keys = body.putArray("keys");
    policy
        .path("keys")
        .forEach(
            k -> keys.addObject().put("name", text(k, "name")).put("pem", k.path("pem").asText()));
    ArrayNode roots = body.putArray("roots");
    policy
        .path("roots")
        .forEach(
            r -> roots.addObject().put("name", text(r, "name")).put("pem", r.path("pem").asText()));
    ArrayNode identities = body.putArray("identities");
    policy
        .path("identities")
        .forEach(
            i ->
                identities.addObject().put("san", text(i, "san")).put("issuer", text(i, "issuer")));
    return body;
  }

  @Command(name = "get", description = "The project's trust policy.")
  static final class Get extends CliCommand {
    Get(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      print(output(), client().signatures().trust(project()));
    }
  }

  @Command(name = "set", description = "Replace the policy with a JSON or YAML file (admin).")
  static final class SetPolicy extends CliCommand {
    @Parameters(
        index = "0",
        description = "{keys: [{name, pem}], roots: […], identities: [{san, issuer}]}")
    Path file;

    SetPolicy(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      JsonNode document;
      try {
        document = YAML.readTree(file.toFile()); // YAML is a superset of JSON
      } catch (IOException e) {
        throw new ExitCodes.Failure(ExitCodes.USAGE, file + " is not JSON or YAML");
      }
      if (document == null || !document.isObject()) {
        throw new ExitCodes.Failure(ExitCodes.USAGE, file + " must hold an object");
      }
      // A misspelt member would otherwise put an empty list: trust silently withdrawn.
      document
          .fieldNames()
          .forEachRemaining(
              name -> {
                if (!DOCUMENT_MEMBERS.contains(name)) {
                  throw new ExitCodes.Failure(
                      ExitCodes.USAGE,
                      file
                          + ": unknown member '"
                          + TerminalText.safe(name)
                          + "' (keys, roots, identities)");
                }
              });
      print(output(), client().signatures().putTrust(project(), body(document)));
    }
  }
}
