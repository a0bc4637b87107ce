package org.linli.support;

import java.util.List;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** HTTP calls as a given demo user (password "demo"), answering status and JSON body as a string. */
public final class Api {

    private final TestRestTemplate rest;
    private final String user;

    private Api(TestRestTemplate rest, String user) {
        this.rest = rest;
        this.user = user;
    }

    public static Api as(TestRestTemplate rest, String user) {
        return new Api(rest, user);
    }

    public static Api anonymous(TestRestTemplate rest) {
        return new Api(rest, null);
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
        return rest.exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }
}
