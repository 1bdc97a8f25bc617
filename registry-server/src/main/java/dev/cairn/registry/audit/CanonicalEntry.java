package dev.cairn.registry.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.CairnJson;
import dev.cairn.client.model.AuditEntry;
import dev.cairn.registry.domain.JsonLimits;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The hashed form of an audit entry: its JSON without {@code hash}, members sorted by name at every
 * depth, no whitespace, so the same entry always hashes the same however it was stored or parsed.
 * Written member by member straight to bytes, because every append and every verified entry needs
 * it: going through a JSON tree and a sorted copy of it cost an alias PUT 8 % of its CPU. The
 * member list mirrors {@link AuditEntry}'s wire names (snake_case, nulls included, instants in ISO
 * form); {@code CanonicalEntryTest} holds it to the tree-based form for every component.
 */
final class CanonicalEntry {

  private static final ObjectMapper PLAIN = JsonLimits.forStored(new ObjectMapper());
  private static final JsonFactory FACTORY = PLAIN.getFactory();
  private static final ObjectMapper WIRE = JsonLimits.forStored(CairnJson.lenientMapper());

  private CanonicalEntry() {}

  /** UTF-8 bytes of the entry's canonical JSON, {@code hash} left out. */
  static byte[] of(AuditEntry e) {
    // Through a Writer, as the tree form always was: the UTF-8 generator would write characters
    // outside the BMP as escaped surrogate pairs, and the hash would change.
    StringWriter out = new StringWriter(512);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject(); // members in name order
      g.writeStringField("action", e.action());
      g.writeStringField("actor", e.actor());
      node(g, "after", e.after());
      g.writeStringField("approved_by", e.approvedBy());
      g.writeStringField("at", instant(e.at()));
      node(g, "before", e.before());
      g.writeStringField("model", e.model());
      g.writeStringField("prev_hash", e.prevHash());
      g.writeStringField("project", e.project());
      g.writeStringField("reason", e.reason());
      g.writeStringField("request_id", e.requestId());
      strings(g, "roles", e.roles());
      g.writeNumberField("seq", e.seq());
      g.writeStringField("target", e.target());
      g.writeEndObject();
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String instant(Instant at) {
    return at == null ? null : DateTimeFormatter.ISO_INSTANT.format(at);
  }

  private static void strings(JsonGenerator g, String name, List<String> values)
      throws IOException {
    g.writeFieldName(name);
    if (values == null) {
      g.writeNull();
      return;
    }
    g.writeStartArray();
    for (String value : values) {
      g.writeString(value);
    }
    g.writeEndArray();
  }

  private static void node(JsonGenerator g, String name, JsonNode value) throws IOException {
    g.writeFieldName(name);
    sorted(g, value);
  }

  private static void sorted(JsonGenerator g, JsonNode node) throws IOException {
    if (node == null || node.isNull() || node.isMissingNode()) {
      g.writeNull();
    } else if (node.isObject()) {
      List<String> names = new ArrayList<>(node.size());
      node.fieldNames().forEachRemaining(names::add);
      names.sort(String::compareTo);
      g.writeStartObject();
      for (String name : names) {
        g.writeFieldName(name);
        sorted(g, node.get(name));
      }
      g.writeEndObject();
    } else if (node.isArray()) {
      g.writeStartArray();
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        sorted(g, it.next());
      }
      g.writeEndArray();
    } else if (node.isBigDecimal()) {
      // The tree form read decimals back through the mapper, which strips trailing zeros (rare).
      PLAIN.writeTree(g, WIRE.valueToTree(node));
    } else {
      PLAIN.writeTree(g, node);
    }
  }
}
