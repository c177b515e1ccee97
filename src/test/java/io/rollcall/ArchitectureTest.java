package io.rollcall;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages depend downward only, as the README's Development section draws them: the SCIM
 * protocol at the bottom, then infrastructure, then the tenant and who is calling, then the
 * features, then the HTTP and console surfaces. A cycle or an upward dependency fails the build.
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.rollcall");
  }

  @Test
  void noPackageDependsOnItselfThroughAnother() {
    slices().matching("io.rollcall.(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  void layersDependDownwardOnly() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("surfaces")
        .definedBy(
            "io.rollcall.scim..",
            "io.rollcall.discovery..",
            "io.rollcall.admin..",
            "io.rollcall.console..",
            "io.rollcall.health..",
            "io.rollcall.authentication..")
        .layer("features")
        .definedBy(
            "io.rollcall.users..",
            "io.rollcall.groups..",
            "io.rollcall.access..",
            "io.rollcall.webhooks..",
            "io.rollcall.connection..",
            "io.rollcall.housekeeping..")
        .layer("tenancy")
        .definedBy(
            "io.rollcall.tenant..",
            "io.rollcall.events..",
            "io.rollcall.security..",
            "io.rollcall.accounts..",
            "io.rollcall.permissions..",
            "io.rollcall.audit..",
            "io.rollcall.ratelimit..")
        .layer("infrastructure")
        .definedBy(
            "io.rollcall.database..",
            "io.rollcall.web..",
            "io.rollcall.network..",
            "io.rollcall.json..",
            "io.rollcall.querying..")
        .layer("protocol")
        .definedBy("io.rollcall.protocol..")
        .whereLayer("surfaces")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("features")
        .mayOnlyBeAccessedByLayers("surfaces")
        .whereLayer("tenancy")
        .mayOnlyBeAccessedByLayers("surfaces", "features")
        .whereLayer("infrastructure")
        .mayOnlyBeAccessedByLayers("surfaces", "features", "tenancy")
        .whereLayer("protocol")
        .mayOnlyBeAccessedByLayers("surfaces", "features", "tenancy", "infrastructure")
        .check(classes);
  }

  @Test
  void theProtocolEngineUsesNeitherJpaNorHttp() {
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
        .that()
        .resideInAPackage("io.rollcall.protocol..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.persistence..", "jakarta.ws.rs..", "jakarta.servlet..")
        .check(classes);
  }
}
