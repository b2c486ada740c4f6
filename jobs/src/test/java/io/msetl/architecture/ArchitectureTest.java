package io.msetl.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import java.util.TreeSet;

/**
 * The layering of the main code, checked on the compiled classes of lightdb, udfs and jobs: lightdb
 * (JDK only) and udfs (library code) below jobs (driver code and the CLI), the CLI on top, and no
 * package cycles anywhere.
 */
@AnalyzeClasses(
    packages = "io.msetl",
    importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {

  /** udfs' test helpers reach jobs' tests as a test-jar, which DoNotIncludeTests lets through. */
  public static final class NoTestJars implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("-tests.jar");
    }
  }

  /** The packages of the udfs module (library code: no driver logic, no CLI). */
  private static final String[] UDFS = {
    "io.msetl.digest..",
    "io.msetl.errors..",
    "io.msetl.featurize..",
    "io.msetl.msp..",
    "io.msetl.rdkit..",
    "io.msetl.spectrum..",
    "io.msetl.split..",
    "io.msetl.sql..",
    "io.msetl.structure.."
  };

  /** The packages of the jobs module. */
  private static final String[] JOBS = {
    "io.msetl.build..",
    "io.msetl.cli..",
    "io.msetl.export..",
    "io.msetl.gc..",
    "io.msetl.ingest..",
    "io.msetl.spark..",
    "io.msetl.tables..",
    "io.msetl.verify.."
  };

  private static final String LIGHTDB = "io.msetl.lightdb..";

  @ArchTest
  static final ArchRule udfsNeverDependsOnJobs =
      noClasses()
          .that()
          .resideInAnyPackage(UDFS)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(JOBS)
          .because("udfs is the library jobs is built from, not the other way round");

  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("io.msetl.(*)..").should().beFreeOfCycles();

  /**
   * Only a command (the CLI's adapter of a stage: BuildCommand, ExportCommand, VerifyCommand) may
   * know the CLI; the stages it runs are usable without it.
   */
  @ArchTest
  static final ArchRule stagesDoNotDependOnTheCli =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.msetl.cli..")
          .and()
          .haveSimpleNameNotEndingWith("Command")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.msetl.cli..")
          .because("library and stage code reports errors with io.msetl.errors, not CLI types");

  @ArchTest
  static final ArchRule lightdbDependsOnNothingElseOfMsetl =
      classes()
          .that()
          .resideInAPackage(LIGHTDB)
          .should()
          .onlyDependOnClassesThat(resideInAPackage(LIGHTDB).or(resideInAPackage("java..")))
          .because("lightdb is a JDK-only library a Java user takes as one small jar");

  @ArchTest
  static final ArchRule errorsAreBuiltByTheirFactory =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.msetl.errors")
          .should()
          .callConstructorWhere(
              com.tngtech.archunit.core.domain.JavaConstructorCall.Predicates.target(
                  com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                      JavaClass.Predicates.assignableTo(io.msetl.errors.MsetlException.class))))
          .because("every message text lives in MsetlErrors");

  /** A new package has to be placed in a layer, or the rules above would silently skip it. */
  @ArchTest
  static void everyPackageBelongsToALayer(JavaClasses classes) {
    Set<String> unplaced = new TreeSet<>();
    for (JavaClass c :
        classes.that(
            not(resideInAnyPackage(UDFS))
                .and(not(resideInAnyPackage(JOBS)))
                .and(not(resideInAPackage(LIGHTDB))))) {
      unplaced.add(c.getPackageName());
    }
    assertEquals(Set.of(), unplaced, "packages in no layer of ArchitectureTest");
  }
}
