package io.kervan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text of the identity pages exists in English and in Turkish. */
class IdentityMessagesTests {

    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-zA-Z0-9.]+)[}(]");

    @Test
    void englishAndTurkishHaveTheSameKeys() throws IOException {
        assertThat(load("i18n/identity_tr.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("i18n/identity.properties").stringPropertyNames());
    }

    @Test
    void everyKeyUsedByTheIdentityPagesIsTranslated() throws IOException {
        Set<String> used = new HashSet<>();
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates/identity"))) {
            for (Path template : templates.toList()) {
                Matcher matcher = MESSAGE_KEY.matcher(Files.readString(template));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        assertThat(used).contains("users.title", "teams.title", "tokens.title");
        for (String language : new String[] {"", "_tr"}) {
            Set<String> known = new HashSet<>();
            for (String bundle : new String[] {"web", "validation", "identity"}) {
                known.addAll(load("i18n/" + bundle + language + ".properties").stringPropertyNames());
            }
            assertThat(known).as("keys in %s", language.isEmpty() ? "English" : "Turkish").containsAll(used);
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                IdentityMessagesTests.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
