package io.pluresdb.driver;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The module layering of DESIGN.md, checked on the compiled classes of every module. */
class LayeringTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // other modules' test fixtures, packaged as test jars for their neighbours' tests
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("io.pluresdb");
  }

  private static void onlyDependOn(String module, String... allowed) {
    List<String> forbidden =
        new ArrayList<>(
            List.of(
                "io.pluresdb.crdt..",
                "io.pluresdb.vector..",
                "io.pluresdb.sync..",
                "io.pluresdb.store..",
                "io.pluresdb.sql..",
                "io.pluresdb.engine..",
                "io.pluresdb.driver..",
                "io.pluresdb.jdbc..",
                "io.pluresdb.bench.."));
    forbidden.remove("io.pluresdb." + module + "..");
    for (String a : allowed) {
      forbidden.remove("io.pluresdb." + a + "..");
    }
    noClasses()
        .that()
        .resideInAPackage("io.pluresdb." + module + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(forbidden.toArray(new String[0]))
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void crdtDependsOnNoOtherModule() {
    onlyDependOn("crdt");
  }

  @Test
  void vectorDependsOnNoOtherModule() {
    onlyDependOn("vector");
  }

  @Test
  void syncDependsOnlyOnCrdt() {
    onlyDependOn("sync", "crdt");
  }

  @Test
  void thePostgresqlStoreDependsOnlyOnCrdt() {
    // a hub's store is one more store under the sessions, never above them
    onlyDependOn("store", "crdt");
  }

  @Test
  void onlyTheCommandLineUsesThePostgresqlStore() {
    // embedded users never load it: it is an optional dependency of the driver
    noClasses()
        .that()
        .resideOutsideOfPackages("io.pluresdb.store..", "io.pluresdb.driver.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.pluresdb.store..", "org.postgresql..")
        .check(classes);
  }

  @Test
  void sqlDependsOnlyOnCrdtAndVector() {
    onlyDependOn("sql", "crdt", "vector");
  }

  @Test
  void engineDependsOnlyOnLowerModules() {
    onlyDependOn("engine", "crdt", "vector", "sql", "sync");
  }

  @Test
  void compilingStartsNoThread() {
    // sql turns text into plans; threads belong to the engine's runtime
    noClasses()
        .that()
        .resideInAPackage("io.pluresdb.sql..")
        .should()
        .dependOnClassesThat()
        .areAssignableTo(Thread.class)
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(Executor.class)
        .check(classes);
  }

  @Test
  void theDriverUsesOnlyTheEnginesApi() {
    noClasses()
        .that()
        .resideInAnyPackage("io.pluresdb.driver..", "io.pluresdb.jdbc..")
        .should()
        .dependOnClassesThat(
            JavaClass.Predicates.resideInAPackage("io.pluresdb.engine..")
                .and(
                    DescribedPredicate.not(
                        JavaClass.Predicates.resideInAnyPackage(
                            "io.pluresdb.engine", "io.pluresdb.engine.api"))))
        .check(classes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"crdt", "vector", "sync", "store", "sql", "engine", "driver"})
  void noModuleHasAPackageCycle(String module) {
    SlicesRuleDefinition.slices()
        .matching("io.pluresdb." + module + ".(**)")
        .should()
        .beFreeOfCycles()
        .allowEmptyShould(true) // a module of one package has no slices to compare
        .check(classes);
  }

  @Test
  void theDriverIsImportedByNoLowerModule() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.pluresdb.crdt..",
            "io.pluresdb.vector..",
            "io.pluresdb.sync..",
            "io.pluresdb.store..",
            "io.pluresdb.sql..",
            "io.pluresdb.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.pluresdb.driver..", "io.pluresdb.jdbc..")
        .check(classes);
  }

  @Test
  void hibernateSupportUsesNoInternalPackage() {
    onlyDependOn("hibernate", "jdbc");
  }

  @Test
  void nothingElseLoadsHibernateSupport() {
    // Hibernate is optional: the driver must work without it on the class path
    noClasses()
        .that()
        .resideOutsideOfPackage("io.pluresdb.hibernate..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.pluresdb.hibernate..", "org.hibernate..")
        .check(classes);
  }

  @Test
  void publicApiExposesNoInternalType() {
    ArchRuleDefinition.classes()
        .that()
        .resideInAPackage("io.pluresdb.jdbc")
        .and()
        .arePublic()
        .should(exposeOnlyPublicApiTypes())
        .check(classes);
  }

  private static boolean internal(JavaClass type) {
    JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
    String pkg = base.getPackageName();
    return pkg.startsWith("io.pluresdb") && !pkg.equals("io.pluresdb.jdbc");
  }

  private static ArchCondition<JavaClass> exposeOnlyPublicApiTypes() {
    return new ArchCondition<>("expose only java.* and io.pluresdb.jdbc types") {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        for (JavaCodeUnit m : c.getCodeUnits()) {
          if (!m.getModifiers().contains(JavaModifier.PUBLIC)
              && !m.getModifiers().contains(JavaModifier.PROTECTED)) {
            continue;
          }
          List<JavaClass> types = new ArrayList<>(m.getRawParameterTypes());
          types.add(m.getRawReturnType());
          types.addAll(m.getExceptionTypes());
          for (JavaClass t : types) {
            if (internal(t)) {
              events.add(
                  SimpleConditionEvent.violated(
                      c, m.getFullName() + " exposes internal type " + t.getName()));
            }
          }
        }
        for (JavaField f : c.getFields()) {
          if (f.getModifiers().contains(JavaModifier.PUBLIC) && internal(f.getRawType())) {
            events.add(
                SimpleConditionEvent.violated(
                    c, f.getFullName() + " exposes internal type " + f.getRawType().getName()));
          }
        }
        for (JavaClass i : c.getRawInterfaces()) {
          if (internal(i)) {
            events.add(
                SimpleConditionEvent.violated(
                    c, c.getName() + " implements internal " + i.getName()));
          }
        }
      }
    };
  }
}
