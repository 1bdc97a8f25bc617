package dev.cairn.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.CairnJson;
import dev.cairn.client.model.ServiceInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What {@code helm test} runs inside the registry image (spec 70-deployment): the registry at the
 * given URL is ready ({@code /health/ready} answers 200) and reports authentication on ({@code GET
 * /}). Prints one line and exits 0 when both hold, 1 otherwise.
 */
public final class InstallCheck {

  private InstallCheck() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: InstallCheck http://registry:8080");
      System.exit(2);
    }
    System.exit(run(URI.create(args[0]), System.out, System.err));
  }

  /** Runs the check against {@code base}; returns the exit code. */
  public static int run(URI base, PrintStream out, PrintStream err) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    try {
      HttpResponse<String> ready = get(http, base.resolve("/health/ready"));
      if (ready.statusCode() != 200) {
        err.println("not ready: /health/ready answered " + ready.statusCode());
        return 1;
      }
      HttpResponse<String> root = get(http, base.resolve("/"));
      ObjectMapper json = CairnJson.lenientMapper();
      ServiceInfo info = json.readValue(root.body(), ServiceInfo.class);
      if (!info.auth()) {
        err.println("authentication is off at " + base);
        return 1;
      }
      out.println(
          "ok: "
              + base
              + " is ready, auth on, "
              + info.environment()
              + ", database "
              + info.database()
              + ", blob store "
              + info.blobStore());
      return 0;
    } catch (IOException e) {
      err.println("cannot reach " + base + ": " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  private static HttpResponse<String> get(HttpClient http, URI uri)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
