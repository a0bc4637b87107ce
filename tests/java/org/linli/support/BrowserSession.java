package org.linli.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without a screen: an HTTP client with a cookie jar that follows redirects, enough for the OpenID Connect
 * authorization code flow (app → Keycloak login form → app) and the Camunda webapps' own REST calls.
 */
public final class BrowserSession {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private static final String PAGE = "text/html,application/xhtml+xml,*/*;q=0.8";

    private final LoopbackCookies cookies = new LoopbackCookies();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String baseUrl;

    public BrowserSession(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    /** Opens a page of the app and, when Keycloak's login form comes up, logs in there with password "demo". */
    public HttpResponse<String> login(String path, String user) {
        HttpResponse<String> page = page(path);
        if (!isLoginForm(page)) {
            throw new IllegalStateException("Expected Keycloak's login form at " + page.uri() + ", got " + page.statusCode());
        }
        return submitLogin(page, user, "demo");
    }

    public HttpResponse<String> submitLogin(HttpResponse<String> loginForm, String user, String password) {
        Matcher action = LOGIN_FORM.matcher(loginForm.body());
        if (!action.find()) {
            throw new IllegalStateException("No login form in " + loginForm.uri());
        }
        return send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(TestKeycloak.form(Map.of("username", user, "password", password,
                        "credentialId", ""))))
                .build());
    }

    public static boolean isLoginForm(HttpResponse<String> page) {
        return page.statusCode() == 200 && LOGIN_FORM.matcher(page.body()).find();
    }

    /** Opens a page as a browser does (Accept: HTML), following redirects. */
    public HttpResponse<String> page(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", PAGE).GET().build());
    }

    /** Opens an absolute address (another server's, e.g. Keycloak's) as a browser does, following redirects. */
    public HttpResponse<String> pageAt(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", PAGE).GET().build());
    }

    /** A script's JSON call from a page of the session (Tasklist's own REST calls, the dashboard's). */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json")
                .header("X-Requested-With", "XMLHttpRequest").GET().build());
    }

    /** Submits an empty form (a logout button), following redirects. */
    public HttpResponse<String> post(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", PAGE)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** A page script's form post that carries a CSRF token read from the session's cookie (the portal's). */
    public HttpResponse<String> postWithCsrf(String path, String cookie, String header) {
        String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(cookie))
                .map(java.net.HttpCookie::getValue).findFirst()
                .orElseThrow(() -> new IllegalStateException("no cookie " + cookie));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json")
                .header(header, token).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /**
     * Browsers treat http://localhost and 127.0.0.1 as secure and send them {@code Secure} cookies (Keycloak marks its
     * login-session cookies so); Java's cookie manager does not, so the flag is dropped for loopback hosts only.
     */
    private static final class LoopbackCookies extends CookieHandler {

        private final CookieManager cookies = new CookieManager();

        java.net.CookieStore getCookieStore() {
            return cookies.getCookieStore();
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            return cookies.get(uri, requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            if (!"localhost".equals(uri.getHost()) && !"127.0.0.1".equals(uri.getHost())) {
                cookies.put(uri, responseHeaders);
                return;
            }
            Map<String, List<String>> headers = new HashMap<>();
            responseHeaders.forEach((name, values) -> headers.put(name, name != null
                    && name.equalsIgnoreCase("Set-Cookie")
                    ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure(?=;|$)", "")).toList() : values));
            cookies.put(uri, headers);
        }
    }

    /**
     * Sends the request and follows redirects as a browser does (a login or logout takes up to 8 hops; Java's client
     * stops after 5): after a 302 or 303 the next request is a GET.
     */
    private HttpResponse<String> send(HttpRequest request) {
        HttpResponse<String> response = exchange(request);
        for (int hop = 0; hop < 20 && response.statusCode() / 100 == 3; hop++) {
            URI next = response.request().uri().resolve(response.headers().firstValue("Location").orElseThrow());
            response = exchange(HttpRequest.newBuilder(next)
                    .header("Accept", request.headers().firstValue("Accept").orElse(PAGE)).GET().build());
        }
        return response;
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
