package dev.joat.revocation.redis;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.joat.revocation.redis.archfixture.LibraryUsingStarter;
import dev.joat.revocation.redis.archfixture.cycle.a.CycleStart;
import dev.joat.revocation.redis.archfixture.cycle.b.CycleEnd;
import dev.joat.revocation.redis.autoconfigure.archfixture.PublicWiring;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * joat-revocation-redis's layering (docs/pages/architecture.md), checked on the compiled main classes:
 * the library ({@code dev.joat.revocation.redis}) uses neither the starter nor Spring Boot, only
 * its {@code autoconfigure} package does; no package cycle; and the Boot wiring is public only
 * where Boot needs it. Each rule is also run against a fixture that breaks it (the test sources'
 * {@code archfixture} packages), so a rule that could never fail would be seen here: that is how
 * each was seen failing.
 */
class RedisArchitectureTests {

	private static final JavaClasses REDIS = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.joat.revocation.redis");

	static final ArchRule LIBRARY_WITHOUT_STARTER = noClasses().that()
		.resideInAPackage("dev.joat.revocation.redis..")
		.and()
		.resideOutsideOfPackage("dev.joat.revocation.redis.autoconfigure..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("dev.joat.spring..", "org.springframework.boot..")
		.because("the Redis store and replica work without Spring Boot and without the starter");

	static final ArchRule NO_PACKAGE_CYCLES = slices().assignedFrom(eachPackage())
		.should()
		.beFreeOfCycles()
		.because("autoconfigure uses the library, never the other way");

	static final ArchRule AUTOCONFIGURE_PUBLIC_ONLY_WHEN_NEEDED = classes().that()
		.resideInAPackage("dev.joat.revocation.redis.autoconfigure..")
		.and()
		.haveModifier(JavaModifier.PUBLIC)
		.should()
		.beAnnotatedWith(AutoConfiguration.class)
		.orShould()
		.beAnnotatedWith(ConfigurationProperties.class)
		.because("the Boot wiring is package-private but for the auto-configuration and its properties");

	@Test
	void redisWhenImportedThenLibraryDoesNotUseTheStarter() {
		LIBRARY_WITHOUT_STARTER.check(REDIS);
	}

	@Test
	void redisWhenImportedThenHasNoPackageCycle() {
		NO_PACKAGE_CYCLES.check(REDIS);
	}

	@Test
	void redisWhenImportedThenAutoconfigureIsPublicOnlyWhenNeeded() {
		AUTOCONFIGURE_PUBLIC_ONLY_WHEN_NEEDED.check(REDIS);
	}

	@Test
	void libraryWithoutStarterWhenALibraryClassUsesTheStarterThenFails() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> LIBRARY_WITHOUT_STARTER
				.check(new ClassFileImporter().importClasses(LibraryUsingStarter.class)))
			.withMessageContaining("dev.joat.spring");
	}

	@Test
	void noPackageCyclesWhenTwoPackagesUseEachOtherThenFails() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> NO_PACKAGE_CYCLES
				.check(new ClassFileImporter().importClasses(CycleStart.class, CycleEnd.class)))
			.withMessageContaining("Cycle");
	}

	@Test
	void autoconfigurePublicOnlyWhenNeededWhenWiringIsPublicThenFails() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> AUTOCONFIGURE_PUBLIC_ONLY_WHEN_NEEDED
				.check(new ClassFileImporter().importClasses(PublicWiring.class)))
			.withMessageContaining(PublicWiring.class.getName());
	}

	private static SliceAssignment eachPackage() {
		return new SliceAssignment() {

			@Override
			public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
				return javaClass.getPackageName().startsWith("dev.joat.revocation.redis")
						? SliceIdentifier.of(javaClass.getPackageName()) : SliceIdentifier.ignore();
			}

			@Override
			public String getDescription() {
				return "each package of joat-revocation-redis";
			}

		};
	}

}
