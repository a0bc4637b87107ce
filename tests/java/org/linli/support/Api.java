package org.linli.support;

import java.util.List;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * HTTP calls as a given demo user (HTTP Basic, password "demo") or with a bearer token (profile keycloak), answering
 * status and JSON body as a string.
 */
public final class Api {

    private final TestRestTemplate rest;
    private final String user;
    private final String token;

    private Api(TestRestTemplate rest, String user, String token) {
        this.rest = rest;
        this.user = user;
        this.token = token;
    }

    public static Api as(TestRestTemplate rest, String user) {
        return new Api(rest, user, null);
    }

    public static Api bearer(TestRestTemplate rest, String token) {
        return new Api(rest, null, token);
    }

    public static Api anonymous(TestRestTemplate rest) {
        return new Api(rest, null, null);
    }

    public ResponseEntity<String> get(String path) {
        return exchange(HttpMethod.GET, path, null);
    }

    public ResponseEntity<String> post(String path, String json) {
        return exchange(HttpMethod.POST, path, json);
    }

    public ResponseEntity<String> exchange(HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        if (user != null) {
            headers.setBasicAuth(user, "demo");
        }
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return rest.exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }
}
