package org.kinship.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MessageBundlesTests {

    @ParameterizedTest
    @ValueSource(strings = {"fr", "es", "ar"})
    void everyLanguageHasEveryKeyOfTheEnglishBundle(String language) throws IOException {
        Properties english = load("messages.properties");
        Properties translated = load("messages_" + language + ".properties");

        assertThat(translated.stringPropertyNames())
                .as("keys of messages_%s.properties", language)
                .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        assertThat(translated.values()).as("values of messages_%s", language)
                .allSatisfy(value -> assertThat(value.toString()).isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "es", "ar"})
    void placeholdersAreKeptInTranslations(String language) throws IOException {
        Properties english = load("messages.properties");
        Properties translated = load("messages_" + language + ".properties");

        for (String key : english.stringPropertyNames()) {
            for (int i = 0; i < 5; i++) {
                String placeholder = "{" + i + "}";
                assertThat(translated.getProperty(key, "").contains(placeholder))
                        .as("%s in %s of messages_%s", placeholder, key, language)
                        .isEqualTo(english.getProperty(key).contains(placeholder));
            }
        }
    }

    /** Two features adding the same key would silently shadow one message (Properties keeps the last one). */
    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_fr.properties", "messages_es.properties",
            "messages_ar.properties"})
    void noKeyIsDefinedTwice(String bundle) throws IOException {
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.List<String> duplicates = new java.util.ArrayList<>();
        try (InputStream in = MessageBundlesTests.class.getResourceAsStream("/i18n/" + bundle)) {
            assertThat(in).as(bundle).isNotNull();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && line.contains("="))
                    .map(line -> line.substring(0, line.indexOf('=')).strip())
                    .filter(key -> !seen.add(key)).forEach(duplicates::add);
        }
        assertThat(duplicates).as("keys defined twice in %s", bundle).isEmpty();
    }

    @Test
    void substitutesArgumentsWithoutEatingApostrophes() {
        Messages messages = new Messages();

        assertThat(messages.get(Locale.FRENCH, "home.welcome", "Amina")).isEqualTo("Bienvenue, Amina");
        assertThat(messages.get(Locale.FRENCH, "home.firstLogin")).contains("C'est");
        assertThat(messages.get(Locale.forLanguageTag("ar"), "nav.home")).isEqualTo("الرئيسية");
        assertThat(messages.get(Locale.GERMAN, "nav.home")).isEqualTo("Home");
    }

    @Test
    void arabicIsRightToLeftAndTheOthersAreNot() {
        assertThat(SupportedLocales.isRightToLeft(SupportedLocales.ARABIC)).isTrue();
        assertThat(SupportedLocales.ALL).filteredOn(SupportedLocales::isRightToLeft)
                .containsExactly(SupportedLocales.ARABIC);
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTests.class.getResourceAsStream("/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
