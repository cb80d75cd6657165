package io.kervan.web;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every text of the tasks, notifications, calendar and search pages exists in English and in Turkish. */
class PageMessagesTests {

    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{'?([a-zA-Z0-9.]+)'?[}(]");

    @ParameterizedTest
    @ValueSource(strings = {"tasks", "notifications", "calendar", "search"})
    void englishAndTurkishHaveTheSameKeys(String bundle) throws IOException {
        assertThat(load("i18n/" + bundle + "_tr.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("i18n/" + bundle + ".properties").stringPropertyNames());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasks", "notifications", "calendar", "search"})
    void everyKeyUsedByThePagesIsTranslated(String module) throws IOException {
        Set<String> used = new HashSet<>();
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates/" + module))) {
            for (Path template : templates.toList()) {
                Matcher matcher = MESSAGE_KEY.matcher(Files.readString(template));
                while (matcher.find()) {
                    if (!matcher.group(1).endsWith(".")) {
                        used.add(matcher.group(1));
                    }
                }
            }
        }
        assertThat(used).isNotEmpty();
        for (String language : new String[] {"", "_tr"}) {
            Set<String> known = new HashSet<>();
            for (String bundle : new String[] {"web", "validation", "tasks", "notifications", "calendar", "search"}) {
                known.addAll(load("i18n/" + bundle + language + ".properties").stringPropertyNames());
            }
            assertThat(known).as("keys in %s", language.isEmpty() ? "English" : "Turkish").containsAll(used);
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                PageMessagesTests.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
