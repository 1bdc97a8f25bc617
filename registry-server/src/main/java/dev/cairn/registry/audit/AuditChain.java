package dev.cairn.registry.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.client.CairnJson;
import dev.cairn.client.model.AuditEntry;
import dev.cairn.registry.domain.JsonLimits;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash of an audit entry: {@code sha256(prev_hash || canonical JSON of the entry without
 * hash)}, hex-encoded. The first entry links to 64 zeros.
 */
public final class AuditChain {

  public static final String GENESIS = "0".repeat(64);
  private static final ObjectMapper JSON = JsonLimits.forStored(CairnJson.lenientMapper());

  private AuditChain() {}

  public static String hash(AuditEntry entry) {
    ObjectNode node = JSON.valueToTree(entry);
    node.remove("hash");
    String canonical = CanonicalJson.write(node);
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(entry.prevHash().getBytes(StandardCharsets.US_ASCII));
      sha.update(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
