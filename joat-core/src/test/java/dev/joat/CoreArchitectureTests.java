package dev.joat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.joat.archfixture.CoreUsingJackson;
import dev.joat.archfixture.cycle.a.CycleStart;
import dev.joat.archfixture.cycle.b.CycleEnd;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * joat-core's layering (docs/pages/architecture.md), checked on the compiled main classes. Each rule is
 * also run against a fixture that breaks it (the test sources' {@code dev.joat.archfixture}
 * classes), so a rule that could never fail would be seen here: that is how each was seen failing.
 */
class CoreArchitectureTests {

	private static final JavaClasses CORE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.joat");

	/**
	 * The core has zero runtime dependencies: the JDK only (JSpecify's annotations are not needed
	 * at runtime). So no Spring and no Micrometer; a capability that needs them lives in the starter.
	 */
	static final ArchRule ONLY_THE_JDK = noClasses().that()
		.resideInAPackage("dev.joat..")
		.should()
		.dependOnClassesThat()
		.resideOutsideOfPackages("java..", "javax..", "dev.joat..", "org.jspecify.annotations..")
		.because("joat-core has no runtime dependency: no Spring, no Micrometer, nothing but the JDK");

	/** Every package of joat its own slice. */
	private static final SliceAssignment EACH_PACKAGE = new SliceAssignment() {

		@Override
		public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
			return javaClass.getPackageName().startsWith("dev.joat") ? SliceIdentifier.of(javaClass.getPackageName())
					: SliceIdentifier.ignore();
		}

		@Override
		public String getDescription() {
			return "each package of joat";
		}

	};

	/** No two packages depend on each other, however indirectly. */
	static final ArchRule NO_PACKAGE_CYCLES = slices().assignedFrom(EACH_PACKAGE)
		.should()
		.beFreeOfCycles()
		.because("the packages are layers: dev.joat uses dev.joat.revocation, never the other way");

	@Test
	void coreWhenImportedThenDependsOnTheJdkOnly() {
		ONLY_THE_JDK.check(CORE);
	}

	@Test
	void coreWhenImportedThenHasNoPackageCycle() {
		NO_PACKAGE_CYCLES.check(CORE);
	}

	@Test
	void onlyTheJdkWhenACoreClassUsesALibraryThenFails() {
		// CoreUsingJackson imports Jackson, as a core class importing Spring or Micrometer would.
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ONLY_THE_JDK.check(new ClassFileImporter().importClasses(CoreUsingJackson.class)))
			.withMessageContaining("tools.jackson");
	}

	@Test
	void noPackageCyclesWhenTwoPackagesUseEachOtherThenFails() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> NO_PACKAGE_CYCLES
				.check(new ClassFileImporter().importClasses(CycleStart.class, CycleEnd.class)))
			.withMessageContaining("Cycle");
	}

}
