package dev.cairn.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import dev.cairn.client.model.AuditEntry;
import dev.cairn.client.model.AuditQuery;
import dev.cairn.client.model.AuditVerification;
import dev.cairn.client.model.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Consumer;

/** The audit trail: pages, an NDJSON export and the chain verification. */
public final class Audit {

  private final HttpTransport transport;

  Audit(HttpTransport transport) {
    this.transport = transport;
  }

  public Page<AuditEntry> list(String project, AuditQuery query) {
    return transport.send(
        "GET",
        ApiPaths.projectPath(project) + "/audit" + ApiPaths.auditQuery(query),
        null,
        new TypeReference<>() {});
  }

  /** Streams every matching audit entry (ndjson export) to {@code sink}, one at a time. */
  public void export(String project, AuditQuery query, Consumer<AuditEntry> sink) {
    String path = ApiPaths.projectPath(project) + "/audit" + ApiPaths.auditQuery(query);
    try (InputStream in =
            transport.sendForStream("GET", path, null, Map.of("Accept", "application/x-ndjson"));
        MappingIterator<AuditEntry> entries =
            transport.json().readerFor(AuditEntry.class).readValues(in)) {
      entries.forEachRemaining(sink);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public AuditVerification verify() {
    return transport.send("GET", ApiPaths.API + "/audit/verify", null, new TypeReference<>() {});
  }
}
