package dev.cairn.operator.modelversion;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** One key of a ConfigMap or Secret in the resource's namespace. */
public record ResourceKeyRef(
    @Required @JsonPropertyDescription("Name of the ConfigMap or Secret in the same namespace.")
        String name,
    @Required @JsonPropertyDescription("Key whose value is the model.sig bundle.") String key) {}
