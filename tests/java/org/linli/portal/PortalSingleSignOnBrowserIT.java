package org.linli.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.linli.support.BrowserScript;
import org.linli.support.KeycloakIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal's single sign-on clicked through in a real headless Chromium (tests/browser/portal-sso.mjs): the
 * portal's button, Keycloak's login form, the resident signed in on the portal's home page, and 退出登录 ending the
 * portal's and Keycloak's sessions. {@code KeycloakLoginIT} makes the same requests without a browser; this one
 * also runs the portal's page code on the way. Screenshot: target/portal-sso.png.
 */
@KeycloakIntegrationTest
class PortalSingleSignOnBrowserIT {

    @LocalServerPort
    int port;

    @Test
    void aResidentSignsInAtKeycloakFromThePortalAndOutOfBoth() throws Exception {
        Path shot = Path.of("target", "portal-sso.png").toAbsolutePath();
        Files.deleteIfExists(shot);

        Process browser = BrowserScript.start("tests/browser/portal-sso.mjs", "http://127.0.0.1:" + port, "liu.yang",
                "demo", shot.toString());
        String line;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(browser.getInputStream(),
                StandardCharsets.UTF_8))) {
            line = out.readLine();
        }
        assertThat(browser.waitFor(60, TimeUnit.SECONDS)).isTrue();
        JsonNode seen = new ObjectMapper().readTree(line);

        assertThat(seen.has("failed")).as("%s", seen).isFalse();
        assertThat(browser.exitValue()).isZero();
        assertThat(seen.get("loginButton").asText()).isEqualTo("登录");
        assertThat(seen.get("keycloakHost").asText()).as("the form is Keycloak's, not the portal's")
                .isNotEqualTo("127.0.0.1:" + port);
        assertThat(seen.get("greeting").asText()).isEqualTo("刘洋，您好");
        assertThat(seen.at("/me/userId").asText()).isEqualTo("liu.yang");
        assertThat(seen.get("afterLogoutPath").asText()).isEqualTo("/portal/");
        assertThat(seen.get("meAfterLogout").asInt()).as("the portal's session ended").isEqualTo(401);
        assertThat(seen.get("keycloakAsksAgain").asBoolean()).as("and Keycloak's: its form again").isTrue();
        assertThat(seen.get("pageErrors").size()).as("%s", seen.get("pageErrors")).isZero();
        assertThat(shot).exists();
    }
}
