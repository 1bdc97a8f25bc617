package dev.cairn.registry.http;

import dev.cairn.common.multipart.MalformedMultipartException;
import dev.cairn.registry.artifact.FileDownloads;
import dev.cairn.registry.db.DatabaseUnavailableException;
import dev.cairn.registry.domain.ApiException;
import io.helidon.http.HttpException;
import io.helidon.http.RequestException;
import io.helidon.webserver.http.HttpRouting;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Maps every exception a handler throws to problem+json, once: contract errors as they are, an
 * unreachable database as 503 with Retry-After, anything else as a 500 that names only the request
 * id (the stack trace goes to the log, never to the caller).
 */
public final class ErrorMapping {

  private static final Logger LOG = Logger.getLogger(ErrorMapping.class.getName());

  private ErrorMapping() {}

  public static void register(HttpRouting.Builder routing, ProblemWriter problems) {
    routing.error(ApiException.class, problems::write);
    routing.error(
        DatabaseUnavailableException.class,
        (req, res, e) -> {
          LOG.log(Level.WARNING, "database unavailable: " + rootMessage(e));
          problems.write(
              req,
              res,
              new ApiException(503, "UNAVAILABLE", "the database is unreachable; retry shortly")
                  .header("Retry-After", "5"));
        });
    routing.error(
        MalformedMultipartException.class,
        (req, res, e) -> problems.write(req, res, ApiException.badRequest(e.getMessage())));
    routing.error(
        RequestException.class,
        (req, res, e) ->
            problems.write(
                req,
                res,
                new ApiException(
                    e.status().code(),
                    e.status().code() == 413 ? "PAYLOAD_TOO_LARGE" : "BAD_REQUEST",
                    "the request could not be read")));
    routing.error(
        HttpException.class,
        (req, res, e) -> {
          // Helidon's static content answers "not modified" by throwing 304 and "missing" 404.
          if (e.status().code() < 400) {
            res.status(e.status()).send();
          } else {
            problems.write(
                req,
                res,
                new ApiException(
                    e.status().code(),
                    e.status().code() == 404 ? "NOT_FOUND" : "HTTP_" + e.status().code(),
                    e.status().reasonPhrase()));
          }
        });
    routing.error(
        FileDownloads.Aborted.class,
        (req, res, e) -> {
          // Logged where it happened; a response already under way can only be cut short.
          res.header("Connection", "close");
          if (!res.isSent()) {
            problems.write(
                req, res, new ApiException(502, "DOWNLOAD_ABORTED", "the download was cut short"));
          }
        });
    routing.error(
        Exception.class,
        (req, res, e) -> {
          if (BrokenBody.causedBy(e)) {
            res.header("Connection", "close");
            problems.write(
                req,
                res,
                ApiException.badRequest(
                    "the request body is truncated or its chunked framing is malformed"));
            return;
          }
          LOG.log(Level.SEVERE, "unexpected failure of request " + RequestIds.of(req), e);
          problems.write(
              req,
              res,
              new ApiException(
                  500,
                  "INTERNAL",
                  "unexpected server error; quote request id " + RequestIds.of(req)));
        });
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
