package dev.cairn.registry.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.client.CairnJson;
import dev.cairn.client.model.AuditEntry;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The hashed form written member by member must be byte for byte what hashing has always used — the
 * entry's JSON tree without {@code hash}, sorted ({@link CanonicalJson}) — or every chain written
 * before would stop verifying.
 */
class CanonicalEntryTest {

  private static final ObjectMapper WIRE = CairnJson.lenientMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String[] TEXT = {
    "",
    "plain",
    "quote \" and \\ backslash",
    "tab\tnewline\n",
    "ünïcødé ✓ 🚀",
    "</script>",
    "\u0001"
  };

  @Test
  void sameBytesAsTheSortedTreeForVariedEntries() {
    Random random = new Random(42);
    for (int i = 0; i < 2_000; i++) {
      AuditEntry entry = entry(random);
      assertThat(new String(CanonicalEntry.of(entry), StandardCharsets.UTF_8))
          .as("entry %s", entry)
          .isEqualTo(treeForm(entry));
    }
  }

  @Test
  void everyComponentButTheHashIsHashed() {
    List<String> hashed = new ArrayList<>();
    WIRE.valueToTree(entry(new Random(7))).fieldNames().forEachRemaining(hashed::add);
    hashed.remove("hash");
    String written = new String(CanonicalEntry.of(entry(new Random(7))), StandardCharsets.UTF_8);
    ObjectNode parsed = (ObjectNode) readTree(written);
    List<String> names = new ArrayList<>();
    parsed.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactlyInAnyOrderElementsOf(hashed);
    assertThat(AuditEntry.class.getRecordComponents())
        .extracting(RecordComponent::getName)
        .hasSize(hashed.size() + 1);
  }

  private static String treeForm(AuditEntry entry) {
    ObjectNode node = WIRE.valueToTree(entry);
    node.remove("hash");
    return CanonicalJson.write(node);
  }

  private static JsonNode readTree(String json) {
    try {
      return WIRE.readTree(json);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static AuditEntry entry(Random r) {
    return new AuditEntry(
        r.nextLong(),
        r.nextInt(4) == 0 ? null : instant(r),
        text(r),
        r.nextInt(4) == 0 ? null : Arrays.asList(pick(r), pick(r)),
        text(r),
        text(r),
        text(r),
        text(r),
        r.nextInt(3) == 0 ? null : node(r, 3),
        r.nextInt(3) == 0 ? null : node(r, 3),
        text(r),
        text(r),
        text(r),
        "0".repeat(64),
        r.nextBoolean() ? null : "f".repeat(64));
  }

  private static Instant instant(Random r) {
    Instant at = Instant.ofEpochSecond(1_700_000_000L + r.nextInt(100_000_000));
    return switch (r.nextInt(3)) {
      case 0 -> at;
      case 1 -> at.plusMillis(r.nextInt(1000));
      default -> at.plusNanos(1_000L * r.nextInt(1_000_000));
    };
  }

  private static String text(Random r) {
    return r.nextInt(5) == 0 ? null : pick(r);
  }

  private static String pick(Random r) {
    return TEXT[r.nextInt(TEXT.length)] + r.nextInt(10);
  }

  private static JsonNode node(Random r, int depth) {
    int kind = depth == 0 ? 2 + r.nextInt(9) : r.nextInt(11);
    return switch (kind) {
      case 0 -> {
        ObjectNode o = NODES.objectNode();
        for (int i = r.nextInt(5); i > 0; i--) {
          o.set(pick(r), node(r, depth - 1));
        }
        yield o;
      }
      case 1 -> {
        ArrayNode a = NODES.arrayNode();
        for (int i = r.nextInt(4); i > 0; i--) {
          a.add(node(r, depth - 1));
        }
        yield a;
      }
      case 2 -> NODES.textNode(pick(r));
      case 3 -> NODES.numberNode(r.nextLong());
      case 4 -> NODES.numberNode(r.nextDouble() * 1e6);
      case 5 -> NODES.numberNode(new BigDecimal(r.nextInt(100_000)).movePointLeft(3));
      case 6 -> NODES.booleanNode(r.nextBoolean());
      case 7 -> NODES.numberNode(r.nextInt());
      case 8 -> NODES.numberNode(r.nextFloat());
      case 9 -> NODES.numberNode(BigInteger.valueOf(r.nextLong()).shiftLeft(70));
      default -> NODES.nullNode();
    };
  }
}
