package dev.joat.spring;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.joat.spring.archfixture.cycle.a.CycleStart;
import dev.joat.spring.archfixture.cycle.b.CycleEnd;
import dev.joat.spring.boot.ConditionalOnRevocationStore;
import dev.joat.spring.boot.JoatBearerTokenAuthenticationEntryPoint;
import dev.joat.spring.boot.JoatConfigurationException;
import dev.joat.spring.boot.JoatConfigurationReport;
import dev.joat.spring.boot.JoatPropertyChecks;
import dev.joat.spring.boot.JoatProtectedResourceMetadata;
import dev.joat.spring.boot.KeyMode;
import dev.joat.spring.boot.actuate.JoatEndpoint;
import dev.joat.spring.boot.actuate.JoatTokenMetrics;
import dev.joat.spring.boot.archfixture.PublicBootHelper;
import dev.joat.spring.security.archfixture.SecurityUsingBoot;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The starter's layering (docs/pages/architecture.md), checked on the compiled main classes:
 * {@code dev.joat.spring.security} (per request, usable without Boot) never uses
 * {@code dev.joat.spring.boot}; no package cycle; and a type of a {@code spring.boot} package is
 * public only when it must be. Each rule is also run against a fixture that breaks it (the test
 * sources' {@code archfixture} packages), so a rule that could never fail would be seen here: that
 * is how each was seen failing.
 */
class StarterArchitectureTests {

	private static final JavaClasses STARTER = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.joat.spring");

	/**
	 * The public types of the {@code spring.boot} packages that are neither auto-configurations nor
	 * properties: each is documented as something an application uses or replaces.
	 */
	private static final Set<Class<?>> EXTENSION_POINTS = Set.of(
			// thrown at start-up, caught by tests and by the failure analyzer
			JoatConfigurationException.class,
			// the checks of configured values the Redis module shares
			JoatPropertyChecks.class,
			// the report bean (backs off to the application's) and what /actuator/joat returns
			JoatConfigurationReport.class,
			// beans an application's own SecurityFilterChain applies
			JoatProtectedResourceMetadata.class, JoatBearerTokenAuthenticationEntryPoint.class,
			// the condition the Redis module and applications use
			ConditionalOnRevocationStore.class,
			// the one rule of where keys come from, which joat-test follows in a test context
			KeyMode.class,
			// the actuator endpoint and the meters, replaceable beans
			JoatEndpoint.class, JoatTokenMetrics.class);

	static final ArchRule SECURITY_WITHOUT_BOOT = noClasses().that()
		.resideInAPackage("dev.joat.spring.security..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("dev.joat.spring.boot..", "org.springframework.boot..")
		.because("dev.joat.spring.security is usable without Spring Boot");

	static final ArchRule NO_PACKAGE_CYCLES = slices().assignedFrom(eachPackage())
		.should()
		.beFreeOfCycles()
		.because("the packages are layers: actuate uses boot, boot uses security, never the other way");

	static final ArchRule BOOT_TYPES_PUBLIC_ONLY_WHEN_NEEDED = classes().that()
		.resideInAPackage("dev.joat.spring.boot..")
		.and()
		.haveModifier(JavaModifier.PUBLIC)
		.should(beAutoConfigurationPropertiesOrExtensionPoint())
		.because("what wires the starter stays package-private; only auto-configurations, properties and"
				+ " documented extension points are API");

	@Test
	void starterWhenImportedThenSecurityDoesNotUseBoot() {
		SECURITY_WITHOUT_BOOT.check(STARTER);
	}

	@Test
	void starterWhenImportedThenHasNoPackageCycle() {
		NO_PACKAGE_CYCLES.check(STARTER);
	}

	@Test
	void starterWhenImportedThenBootTypesArePublicOnlyWhenNeeded() {
		BOOT_TYPES_PUBLIC_ONLY_WHEN_NEEDED.check(STARTER);
	}

	@Test
	void securityWithoutBootWhenASecurityClassUsesBootThenFails() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> SECURITY_WITHOUT_BOOT.check(new ClassFileImporter().importClasses(SecurityUsingBoot.class)))
			.withMessageContaining("JoatProperties");
	}

	@Test
	void noPackageCyclesWhenTwoPackagesUseEachOtherThenFails() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> NO_PACKAGE_CYCLES
				.check(new ClassFileImporter().importClasses(CycleStart.class, CycleEnd.class)))
			.withMessageContaining("Cycle");
	}

	@Test
	void bootTypesPublicOnlyWhenNeededWhenAHelperIsPublicThenFails() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> BOOT_TYPES_PUBLIC_ONLY_WHEN_NEEDED
				.check(new ClassFileImporter().importClasses(PublicBootHelper.class)))
			.withMessageContaining(PublicBootHelper.class.getName());
	}

	private static SliceAssignment eachPackage() {
		return new SliceAssignment() {

			@Override
			public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
				return javaClass.getPackageName().startsWith("dev.joat.spring")
						? SliceIdentifier.of(javaClass.getPackageName()) : SliceIdentifier.ignore();
			}

			@Override
			public String getDescription() {
				return "each package of the starter";
			}

		};
	}

	private static ArchCondition<JavaClass> beAutoConfigurationPropertiesOrExtensionPoint() {
		DescribedPredicate<JavaClass> allowed = DescribedPredicate.describe(
				"an auto-configuration, a properties type or a documented extension point",
				StarterArchitectureTests::isAllowedPublic);
		return ArchConditions.be(allowed);
	}

	private static boolean isAllowedPublic(JavaClass javaClass) {
		if (javaClass.isAnnotatedWith(AutoConfiguration.class) || javaClass.isAnnotatedWith(ConfigurationProperties.class)
				|| EXTENSION_POINTS.stream().anyMatch(javaClass::isEquivalentTo)) {
			return true;
		}
		// A public type nested in an allowed one (JoatProperties.Revocation, JoatConfigurationReport.Key)
		return javaClass.getEnclosingClass().map(StarterArchitectureTests::isAllowedPublic).orElse(false);
	}

}
