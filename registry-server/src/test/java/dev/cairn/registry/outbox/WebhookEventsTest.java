package dev.cairn.registry.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 30 item 2: which webhook events one journal event makes, and with what data. */
class WebhookEventsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  private static List<String> names(List<WebhookEvents.Outgoing> out) {
    return out.stream()
        .map(o -> o.name() + (o.data().has("key") ? " " + o.data().get("key").asText() : ""))
        .toList();
  }

  @Test
  void anAcceptedSignatureIsSignatureAttachedWithItsAuditRow() throws Exception {
    List<WebhookEvents.Outgoing> out =
        WebhookEvents.of(
            "version.signed",
            json(
                "{\"project\":\"p\",\"model\":\"m\",\"version\":\"v1\",\"method\":\"key\","
                    + "\"signer\":\"ab\",\"bundle_sha256\":\"cd\"}"),
            Optional.of(7L),
            null);
    assertThat(names(out)).containsExactly("signature.attached");
    assertThat(out.getFirst().data().get("audit_seq").asLong()).isEqualTo(7);
    assertThat(out.getFirst().data().get("name").asText()).isEqualTo("p.m");
    assertThat(out.getFirst().subscriptions()).contains("signature.*", "*");
  }

  @Test
  void aFailedVersionIsIntegrityFailedOnlyWhenAStoredFileWasFoundBad() throws Exception {
    String failed = "{\"project\":\"p\",\"model\":\"m\",\"version\":\"v1\",\"state\":\"FAILED\"";
    assertThat(names(WebhookEvents.of("version.failed", json(failed + "}"), Optional.of(1L), null)))
        .containsExactly("version.failed");
    assertThat(
            names(
                WebhookEvents.of(
                    "version.failed",
                    json(failed + ",\"integrity\":{\"path\":\"a\",\"found_by\":\"scrub\"}}"),
                    Optional.of(1L),
                    null)))
        .containsExactly("version.failed", "integrity.failed");
  }

  @Test
  void labelsAreOneTagEventPerChangedKey() throws Exception {
    JsonNode before = json("{\"version\":\"v1\",\"labels\":{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\"}}");
    List<WebhookEvents.Outgoing> out =
        WebhookEvents.of(
            "version.updated",
            json(
                "{\"project\":\"p\",\"model\":\"m\",\"version\":\"v1\",\"state\":\"READY\","
                    + "\"labels\":{\"a\":\"1\",\"b\":\"9\",\"d\":\"4\"}}"),
            Optional.of(3L),
            before);
    assertThat(names(out))
        .containsExactly(
            "model_version_tag.set b", "model_version_tag.deleted c", "model_version_tag.set d");
    assertThat(out.getFirst().data().get("value").asText()).isEqualTo("9");
    assertThat(out.get(1).data().has("value")).isFalse();
    assertThat(out.get(1).data().get("audit_seq").asLong()).isEqualTo(3);
    assertThat(out.get(1).data().has("labels")).as("a tag event carries its key only").isFalse();
  }

  @Test
  void anArchivingPatchThatRelabelsIsBothItsStateAndItsTags() throws Exception {
    List<WebhookEvents.Outgoing> out =
        WebhookEvents.of(
            "version.archived",
            json("{\"project\":\"p\",\"model\":\"m\",\"version\":\"v1\",\"labels\":{\"a\":\"1\"}}"),
            Optional.of(3L),
            json("{\"labels\":{}}"));
    assertThat(names(out)).containsExactly("model_version.archived", "model_version_tag.set a");
  }

  @Test
  void eventsNoWebhookHearsMakeNone() throws Exception {
    assertThat(
            WebhookEvents.of(
                "instance.reported", json("{\"project\":\"p\"}"), Optional.empty(), null))
        .isEmpty();
    assertThat(
            WebhookEvents.of("trust.updated", json("{\"project\":\"p\"}"), Optional.of(1L), null))
        .isEmpty();
  }
}
