package dev.cairn.client;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cairn.client.model.Instance;
import dev.cairn.client.model.InstanceReport;
import java.util.List;

/** Serving instances: sidecar reports and the list of them. */
public final class Instances {

  private final HttpTransport transport;

  Instances(HttpTransport transport) {
    this.transport = transport;
  }

  public Instance report(String project, String id, InstanceReport report) {
    return transport.send(
        "PUT",
        ApiPaths.projectPath(project) + "/instances/" + QueryString.encode(id),
        report,
        new TypeReference<>() {});
  }

  public List<Instance> list(String project, String model, String alias) {
    String qs = new QueryString().add("model", model).add("alias", alias).toString();
    return transport
        .send(
            "GET",
            ApiPaths.projectPath(project) + "/instances" + qs,
            null,
            new TypeReference<Items<Instance>>() {})
        .items();
  }
}
