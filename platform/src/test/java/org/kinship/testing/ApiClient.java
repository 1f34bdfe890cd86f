package org.kinship.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A small HTTP client for API tests against the real port (the whole security filter chain runs). */
public final class ApiClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public HttpResponse<String> get(String path, String username, String password) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic(username, password))
                .GET().build());
    }

    /** A request builder with credentials and a JSON body type, for extra headers. */
    public HttpRequest.Builder withJson(String path, String username, String password) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic(username, password))
                .header("Content-Type", "application/json");
    }

    public HttpResponse<String> getAnonymous(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** Sends {@code body} (may be null) with {@code method}; {@code headers} are name, value pairs. */
    public HttpResponse<String> send(String method, String path, String body, String username, String password,
            String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", basic(username, password))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    public HttpResponse<String> post(String path, String body, String username, String password, String... headers) {
        return send("POST", path, body, username, password, headers);
    }

    public HttpResponse<String> put(String path, String body, String username, String password, String... headers) {
        return send("PUT", path, body, username, password, headers);
    }

    public HttpResponse<String> delete(String path, String username, String password) {
        return send("DELETE", path, null, username, password);
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String url(String path) {
        return base + path;
    }

    public static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
