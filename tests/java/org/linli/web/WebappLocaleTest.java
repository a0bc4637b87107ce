package org.linli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sanity check of the Chinese (Simplified) UI of the Camunda webapps: our {@code locales/zh.json} against the
 * webjar's {@code en.json}, and our {@code scripts/config.js} overrides. Plain unit test, no Spring context.
 *
 * <p>Both files live under the same classpath prefix: ours in {@code src/main/resources}, the English ones in
 * {@code camunda-webapp-webjar}. Our {@code config.js} has exactly the webjar's path, so it must be the one the
 * classpath (and with it the Spring resource handler serving {@code /camunda/app/**}) finds first.
 */
class WebappLocaleTest {

    private static final String APP_ROOT = "META-INF/resources/webjars/camunda/app/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"welcome", "tasklist", "cockpit", "admin"})
    void zhHasOnlyKeysOfEnAndKeepsEveryPlaceholder(String app) throws IOException {
        Map<String, JsonNode> en = flatten(readJson(APP_ROOT + app + "/locales/en.json"));
        Map<String, JsonNode> zh = flatten(readJson(APP_ROOT + app + "/locales/zh.json"));

        assertThat(en).as("%s en.json from the webjar", app).isNotEmpty();

        Set<String> unknown = new LinkedHashSet<>(zh.keySet());
        unknown.removeAll(en.keySet());

        List<String> lostPlaceholders = new ArrayList<>();
        zh.forEach((key, zhValue) -> {
            JsonNode enValue = en.get(key);
            if (enValue != null && enValue.isTextual()) {
                for (String placeholder : placeholders(enValue.asText())) {
                    if (!zhValue.isTextual() || !zhValue.asText().contains(placeholder)) {
                        lostPlaceholders.add(key + ": " + placeholder + " missing in " + zhValue);
                    }
                }
            }
        });

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(unknown).as("%s zh.json keys unknown to en.json", app).isEmpty();
        softly.assertThat(lostPlaceholders).as("%s placeholders of en.json missing in zh.json", app).isEmpty();
        softly.assertAll();
    }

    /**
     * config.js makes zh the fallback locale, which angular-translate also uses for keys missing in the chosen
     * locale: a key absent from zh.json would show up as its raw key, not in English. So every app's zh.json must
     * be complete; for tasklist and welcome this is the minimum required anyway.
     */
    @ParameterizedTest
    @ValueSource(strings = {"welcome", "tasklist", "cockpit", "admin"})
    void zhHasEveryKeyOfEn(String app) throws IOException {
        Map<String, JsonNode> en = flatten(readJson(APP_ROOT + app + "/locales/en.json"));
        Map<String, JsonNode> zh = flatten(readJson(APP_ROOT + app + "/locales/zh.json"));

        Set<String> missing = new LinkedHashSet<>(en.keySet());
        missing.removeAll(zh.keySet());
        assertThat(missing).as("%s keys of en.json missing in zh.json", app).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"welcome", "tasklist", "cockpit", "admin"})
    void configJsOffersZhAndEnWithZhAsDefault(String app) throws IOException {
        String path = APP_ROOT + app + "/scripts/config.js";
        List<URL> all = Collections.list(classLoader().getResources(path));
        assertThat(all).as("our %s and the webjar's (same path, so ours overrides it)", path).hasSize(2);

        String config = withoutComments(read(path));
        assertThat(config).as("%s is an ES module", path).contains("export default {");
        assertThat(stringList(config, "availableLocales")).as("%s availableLocales", path)
                .containsExactly("zh", "en");
        assertThat(string(config, "fallbackLocale")).as("%s fallbackLocale", path).isEqualTo("zh");
    }

    private static Map<String, JsonNode> flatten(JsonNode root) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        flatten("", root, leaves);
        return leaves;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> leaves) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix + e.getKey() + ".", e.getValue(), leaves));
        } else {
            leaves.put(prefix.substring(0, prefix.length() - 1), node);
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static JsonNode readJson(String path) throws IOException {
        // The webjar's files start with a UTF-8 byte order mark; Jackson skips it when reading bytes.
        try (InputStream in = open(path)) {
            JsonNode node = JSON.readTree(in);
            assertThat(node).as("%s parses to a JSON object", path).isNotNull();
            assertThat(node.isObject()).as("%s is a JSON object", path).isTrue();
            return node;
        }
    }

    private static String read(String path) throws IOException {
        try (InputStream in = open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream open(String path) {
        InputStream in = classLoader().getResourceAsStream(path);
        assertThat(in).as("classpath resource %s", path).isNotNull();
        return in;
    }

    private static ClassLoader classLoader() {
        return WebappLocaleTest.class.getClassLoader();
    }

    private static String withoutComments(String js) {
        return js.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
    }

    private static List<String> stringList(String js, String property) {
        Matcher m = Pattern.compile("['\"]?" + property + "['\"]?\\s*:\\s*\\[([^\\]]*)]").matcher(js);
        assertThat(m.find()).as("active %s setting", property).isTrue();
        List<String> values = new ArrayList<>();
        Matcher item = Pattern.compile("['\"]([^'\"]*)['\"]").matcher(m.group(1));
        while (item.find()) {
            values.add(item.group(1));
        }
        return values;
    }

    private static String string(String js, String property) {
        Matcher m = Pattern.compile("['\"]?" + property + "['\"]?\\s*:\\s*['\"]([^'\"]*)['\"]").matcher(js);
        assertThat(m.find()).as("active %s setting", property).isTrue();
        return m.group(1);
    }
}
