package org.linli.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real Keycloak of this test run ({@code bin/test} starts it with bin/provision-keycloak and passes
 * {@code linli.test.keycloak.url}): tokens of demo users through the password grant of client {@code linli-api}, and
 * the admin REST API (master realm's bootstrap admin, DEMO ONLY) to change the realm as an operator would.
 */
public final class TestKeycloak {

    private static final String URL_PROPERTY = "linli.test.keycloak.url";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestKeycloak() {
    }

    public static String url() {
        String url = System.getProperty(URL_PROPERTY, "");
        if (url.isBlank()) {
            throw new IllegalStateException(URL_PROPERTY + " is not set: run through bin/test");
        }
        return url;
    }

    /** An access token of a demo user (password "demo"), audience {@code linli}. */
    public static String token(String user) {
        return token("linli-api", user);
    }

    public static String token(String clientId, String user) {
        JsonNode answer = post(url() + "/realms/linli/protocol/openid-connect/token", null, "application/x-www-form-urlencoded",
                form(Map.of("grant_type", "password", "client_id", clientId, "username", user, "password", "demo")));
        return answer.get("access_token").asText();
    }

    /** Adds a user to a top-level group of realm linli. */
    public static void join(String user, String group) {
        send("PUT", "/users/" + userId(user) + "/groups/" + groupId(group), null);
    }

    public static void leave(String user, String group) {
        send("DELETE", "/users/" + userId(user) + "/groups/" + groupId(group), null);
    }

    /** Creates (once) a public client with the {@code linli} audience whose access tokens live {@code seconds}. */
    public static void shortLivedClient(String clientId, int seconds) {
        if (admin("/clients?clientId=" + clientId).isEmpty()) {
            send("POST", "/clients", """
                    {"clientId":"%s","publicClient":true,"directAccessGrantsEnabled":true,"standardFlowEnabled":false,
                     "attributes":{"access.token.lifespan":"%d"},
                     "protocolMappers":[{"name":"audience linli","protocol":"openid-connect",
                       "protocolMapper":"oidc-audience-mapper","config":{"included.custom.audience":"linli",
                       "access.token.claim":"true"}}]}""".formatted(clientId, seconds));
        }
    }

    private static String userId(String user) {
        return admin("/users?exact=true&username=" + user).get(0).get("id").asText();
    }

    private static String groupId(String group) {
        return admin("/group-by-path/" + group).get("id").asText();
    }

    private static JsonNode admin(String path) {
        return read(request(HttpRequest.newBuilder(URI.create(url() + "/admin/realms/linli" + path))
                .header("Authorization", "Bearer " + adminToken()).GET().build()));
    }

    private static void send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + "/admin/realms/linli" + path))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        read(request(request.build()));
    }

    private static String adminToken() {
        String password = System.getProperty("linli.test.keycloak.admin-password", "admin");
        return post(url() + "/realms/master/protocol/openid-connect/token", null, "application/x-www-form-urlencoded",
                form(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin",
                        "password", password))).get("access_token").asText();
    }

    private static JsonNode post(String url, String bearer, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return read(request(request.build()));
    }

    private static HttpResponse<String> request(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(HttpResponse<String> response) {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        try {
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Skips keycloak-profile tests, with the reason, when run outside bin/test without a Keycloak. */
    public static final class RequiresKeycloak implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return System.getProperty(URL_PROPERTY, "").isBlank()
                    ? ConditionEvaluationResult.disabled("No Keycloak: " + URL_PROPERTY + " is not set (bin/test "
                            + "starts one with bin/provision-keycloak and sets it)")
                    : ConditionEvaluationResult.enabled("Keycloak at " + System.getProperty(URL_PROPERTY));
        }
    }
}
