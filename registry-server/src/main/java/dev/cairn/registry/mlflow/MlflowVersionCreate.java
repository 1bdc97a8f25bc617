package dev.cairn.registry.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.client.model.Version;
import dev.cairn.registry.artifact.ReferencePublisher;
import dev.cairn.registry.audit.Actor;

/**
 * MLflow's {@code model-versions/create} on the native path: the version is declared by {@link
 * VersionService} (publisher's name, audit entry, {@code version.created} and its webhooks) and
 * completed by {@link CompletionService}, which fetches the reference, checks its pinned digest and
 * validates the format, exactly as {@code POST …/versions} and {@code POST …/complete} do.
 */
public final class MlflowVersionCreate {

  private final ReferencePublisher publisher;
  private final MlflowViews views;

  public MlflowVersionCreate(ReferencePublisher publisher, MlflowViews views) {
    this.publisher = publisher;
    this.views = views;
  }

  /**
   * {@code {"model_version": …}}, READY (or FAILED_REGISTRATION when its format's validation
   * fails). A source that cannot be fetched or does not match creates nothing.
   */
  public ObjectNode create(Actor actor, MlflowName name, JsonNode body) {
    Version completed =
        publisher.publish(actor, name.project(), name.model(), MlflowVersionRequest.of(body));
    ObjectNode answer = views.json().createObjectNode();
    answer.set("model_version", views.modelVersion(name.project(), completed));
    return answer;
  }
}
