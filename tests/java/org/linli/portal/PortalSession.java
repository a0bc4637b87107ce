package org.linli.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A browser-like portal session for tests: session cookie, CSRF cookie echoed in its header, form login. */
final class PortalSession {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    private PortalSession(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    static PortalSession anonymous(int port) throws Exception {
        PortalSession session = new PortalSession(port);
        session.get("/portal/index.html");
        return session;
    }

    static PortalSession loggedIn(int port, String user) throws Exception {
        PortalSession session = anonymous(port);
        HttpResponse<String> login = session.login(user, "demo");
        if (login.statusCode() != 204) {
            throw new IllegalStateException("login of " + user + ": " + login.statusCode() + " " + login.body());
        }
        session.get("/portal/api/me"); // the CSRF token changes with the login; the page fetches the new one too
        return session;
    }

    HttpResponse<String> login(String user, String password) throws Exception {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(uri("/portal/login")).header("Content-Type",
                "application/x-www-form-urlencoded").header(PortalSecurity.CSRF_HEADER, csrf())
                .POST(BodyPublishers.ofString(form)));
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> post(String path, String json, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header(PortalSecurity.CSRF_HEADER, csrf()).POST(BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    /** A multipart upload of one file in part {@code file}, as the page's photo picker sends it. */
    HttpResponse<String> upload(String path, String fileName, String contentType, byte[] content,
            String idempotencyKey) throws Exception {
        String boundary = "----linli" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header(PortalSecurity.CSRF_HEADER, csrf()).POST(BodyPublishers.ofByteArray(body.toByteArray()));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    /** A GET answering the raw bytes (a photo). */
    HttpResponse<byte[]> bytes(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), BodyHandlers.ofByteArray());
    }

    /** A POST without the CSRF header, as a forged cross-site request would arrive. */
    HttpResponse<String> postWithoutCsrf(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Idempotency-Key", "forged-0001").POST(BodyPublishers.ofString(json)));
    }

    /** A fresh idempotency key, as the page makes one per content. */
    static String newKey() {
        return UUID.randomUUID().toString();
    }

    /** The answer is the problem {@code code} with {@code status}. */
    static void assertProblem(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).get("code").asText()).as(response.body()).isEqualTo(code);
    }

    private String csrf() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(PortalSecurity.CSRF_COOKIE)).map(HttpCookie::getValue)
                .reduce((first, last) -> last).orElse("");
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.header("Accept", "application/json, application/problem+json").build(),
                BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
