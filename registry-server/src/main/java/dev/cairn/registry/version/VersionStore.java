package dev.cairn.registry.version;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.journal.Journal;
import dev.cairn.registry.model.ModelLookup;
import dev.cairn.registry.pointer.AliasPointers;

/**
 * Where versions are kept and how a change to one is recorded: the database, the version rows, the
 * model lookup, the alias pointers that guard archiving, and the journal with the JSON of its
 * entries. Declaring ({@link VersionService}) and editing ({@link VersionEdits}) stand on the same
 * six.
 */
public record VersionStore(
    Db db,
    VersionRepository versions,
    ModelLookup lookup,
    Journal journal,
    AliasPointers aliases,
    ObjectMapper json) {}
