package dev.cairn.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST …/models}. {@code variants} defaults to {@code ["default"]} and {@code
 * default_variant} to the first variant.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelCreate(
    String name,
    String description,
    String task,
    Map<String, String> labels,
    List<String> variants,
    String defaultVariant,
    List<String> protectedAliases) {

  public static ModelCreate named(String name) {
    return new ModelCreate(name, null, null, null, null, null, null);
  }

  public ModelCreate withLabels(Map<String, String> newLabels) {
    return new ModelCreate(
        name, description, task, newLabels, variants, defaultVariant, protectedAliases);
  }

  public ModelCreate withVariants(List<String> newVariants, String newDefault) {
    return new ModelCreate(
        name, description, task, labels, newVariants, newDefault, protectedAliases);
  }

  public ModelCreate withDescription(String newDescription) {
    return new ModelCreate(
        name, newDescription, task, labels, variants, defaultVariant, protectedAliases);
  }
}
