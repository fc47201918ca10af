package dev.joat.test;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The plain minting API runs without Spring: joat-core users must not need it. The test's own
 * class path, minus every Spring jar, in a class loader of its own.
 */
class WithoutSpringTests {

	@Test
	void issueWhenSpringIsNotOnTheClassPathThenMintsATokenTheParserAccepts() throws Exception {
		try (URLClassLoader withoutSpring = new URLClassLoader(classPathWithoutSpring(),
				ClassLoader.getPlatformClassLoader())) {
			assertThatExceptionOfType(ClassNotFoundException.class)
				.isThrownBy(() -> withoutSpring.loadClass("org.springframework.context.ApplicationContext"));

			@SuppressWarnings("unchecked")
			Supplier<String> minting = (Supplier<String>) withoutSpring.loadClass(MintAndParse.class.getName())
				.getDeclaredConstructor().newInstance();

			assertThat(minting.get()).isEqualTo("alice [read] refused: EXPIRED");
		}
	}

	private static URL[] classPathWithoutSpring() throws MalformedURLException {
		List<URL> urls = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			if (!entry.contains(File.separator + "springframework" + File.separator)) {
				urls.add(new File(entry).toURI().toURL());
			}
		}
		return urls.toArray(URL[]::new);
	}

	/** Loaded in the class loader without Spring: mints with joat-test, parses with joat-core. */
	public static final class MintAndParse implements Supplier<String> {

		@Override
		public String get() {
			dev.joat.SecretResolver secrets = dev.joat.SecretResolver.of("0123456789abcdef0123456789abcdef");
			JoatTestTokens tokens = JoatTestTokens.of("issuer", secrets);
			dev.joat.TokenParser parser = dev.joat.TokenParser.builder(secrets).issuer("issuer").build();
			dev.joat.Credentials credentials = parser.parseToken(tokens.token().subject("alice").scopes("read").issue());
			try {
				parser.parseToken(tokens.token().expired().issue());
				return "expired token accepted";
			}
			catch (dev.joat.InvalidTokenException ex) {
				return credentials.userId() + " " + credentials.authorizedScope() + " refused: " + ex.getReason();
			}
		}

	}

}
