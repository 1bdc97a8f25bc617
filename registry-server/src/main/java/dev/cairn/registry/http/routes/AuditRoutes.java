package dev.cairn.registry.http.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.model.AuditEntry;
import dev.cairn.registry.audit.AuditFilter;
import dev.cairn.registry.audit.AuditRepository;
import dev.cairn.registry.audit.AuditVerifier;
import dev.cairn.registry.auth.Role;
import dev.cairn.registry.db.BytePages;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.http.request.ApiRequest;
import dev.cairn.registry.http.request.Responses;
import dev.cairn.registry.paging.PageTokens;
import dev.cairn.registry.paging.Pages;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The audit log: a project's entries newest first (paged), the same as ndjson in chain order
 * (streamed in batches), and the chain verification for admins.
 */
public final class AuditRoutes implements RouteGroup {

  private static final String NDJSON = "application/x-ndjson";
  private static final int EXPORT_BATCH = 500;

  private final AuditRepository audit;
  private final AuditVerifier verifier;
  private final PageTokens pageTokens;
  private final Responses responses;

  public AuditRoutes(
      AuditRepository audit, AuditVerifier verifier, PageTokens pageTokens, Responses responses) {
    this.audit = audit;
    this.verifier = verifier;
    this.pageTokens = pageTokens;
    this.responses = responses;
  }

  @Override
  public void routes(ApiRoutes routes) {
    routes
        .get("/api/v1/projects/{project}/audit", this::list)
        .get("/api/v1/audit/verify", this::verify);
  }

  private void list(ApiRequest req, ServerResponse res) throws IOException {
    String project = req.project();
    req.require(Role.READER);
    AuditFilter filter =
        new AuditFilter(
            project,
            req.query("model"),
            req.query("action"),
            req.query("actor"),
            time(req, "since"),
            time(req, "until"));
    boolean ndjson =
        req.raw().headers().first(HeaderNames.ACCEPT).map(a -> a.contains(NDJSON)).orElse(false);
    if (ndjson) {
      export(filter, res);
      return;
    }
    String listing = "audit:" + project;
    Long before =
        req.query("page_token")
            .map(t -> Long.parseLong(pageTokens.read(listing, t).get(0)))
            .orElse(null);
    int limit = req.limit();
    BytePages.Capped<AuditEntry> rows = audit.page(filter, before, limit);
    responses.ok(
        res,
        Pages.of(
            rows.rows(),
            rows.pageSize(),
            last -> pageTokens.issue(listing, List.of(Long.toString(last.seq())))));
  }

  private void export(AuditFilter filter, ServerResponse res) throws IOException {
    ObjectMapper json = responses.json();
    res.header(HeaderNames.CONTENT_TYPE, NDJSON);
    try (OutputStream out = res.outputStream()) {
      long after = 0;
      while (true) {
        BytePages.Capped<AuditEntry> batch = audit.batch(filter, after, EXPORT_BATCH);
        for (AuditEntry entry : batch.page()) {
          out.write(json.writeValueAsBytes(entry));
          out.write('\n');
          after = entry.seq();
        }
        if (!batch.cut() && batch.rows().size() < EXPORT_BATCH) {
          return;
        }
      }
    }
  }

  private void verify(ApiRequest req, ServerResponse res) {
    req.requireAllProjects(Role.ADMIN);
    responses.ok(res, verifier.verify());
  }

  private static Optional<Instant> time(ApiRequest req, String name) {
    try {
      return req.query(name).map(Instant::parse);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          name + " must be an RFC 3339 UTC timestamp, e.g. 2026-01-31T12:00:00Z");
    }
  }
}
