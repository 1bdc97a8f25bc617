package dev.cairn.registry.version;

import dev.cairn.client.model.Page;
import dev.cairn.client.model.Version;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.model.ModelLookup;
import dev.cairn.registry.paging.PageTokens;
import dev.cairn.registry.paging.Pages;
import dev.cairn.registry.pointer.AliasPointers;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * {@code GET …/projects/{p}/versions}: the versions of every model of a project in one keyset
 * listing (oldest first), with the same filters as a model's listing plus {@code model}.
 */
public final class ProjectVersions {

  private final Db db;
  private final VersionRepository versions;
  private final ModelLookup lookup;
  private final AliasPointers aliases;
  private final PageTokens pageTokens;

  public ProjectVersions(
      Db db,
      VersionRepository versions,
      ModelLookup lookup,
      AliasPointers aliases,
      PageTokens pageTokens) {
    this.db = db;
    this.versions = versions;
    this.lookup = lookup;
    this.aliases = aliases;
    this.pageTokens = pageTokens;
  }

  public Page<Version> list(String project, VersionFilter filter, int limit, String pageToken) {
    String listing = "project-versions:" + project;
    Optional<List<String>> after =
        Optional.ofNullable(pageToken).map(t -> pageTokens.read(listing, t));
    VersionRepository.Listed listed =
        db.read(
            exec -> {
              UUID projectId = lookup.project(exec, project).id();
              VersionRepository.Listed page =
                  versions.listInProject(exec, projectId, filter, after, limit + 1);
              TreeSet<String> models = new TreeSet<>();
              page.rows().forEach(v -> models.add(v.model()));
              Map<String, List<String>> pointedAt =
                  models.isEmpty()
                      ? Map.of()
                      : aliases.aliasesByModelVersion(exec, projectId, models);
              return new VersionRepository.Listed(
                  page.rows().stream()
                      .map(
                          v ->
                              v.withAliases(
                                  pointedAt.getOrDefault(v.model() + ":" + v.version(), List.of())))
                      .toList(),
                  page.pageSize());
            });
    return Pages.of(
        listed.rows(),
        listed.pageSize(),
        last -> pageTokens.issue(listing, List.of(last.createdAt().toString(), last.id())));
  }
}
