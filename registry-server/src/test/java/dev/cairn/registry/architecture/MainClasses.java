package dev.cairn.registry.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The registry's main classes as ArchUnit sees them, imported once for every rule test of this
 * package (the import reads every class file, the slowest part of a rule test).
 */
final class MainClasses {

  static final String ROOT = "dev.cairn.registry";

  private MainClasses() {}

  /** The import, made when a rule test first asks for it. */
  static JavaClasses get() {
    return Holder.CLASSES;
  }

  private static final class Holder {
    private static final JavaClasses CLASSES =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }
}
