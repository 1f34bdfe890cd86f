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

    /** PATCH of a JSON body; {@code headers} are name, value pairs. */
    public HttpResponse<String> patch(String path, String json, String username, String password, String... headers) {
        return send("PATCH", path, json, username, password, headers);
    }

    /** GET with extra headers (name, value pairs), for example {@code Accept-Language}. */
    public HttpResponse<String> get(String path, String username, String password, String... headers) {
        return send(json(path, username, password, headers).GET().build());
    }

    /** Uploads one file as the multipart part {@code part}. */
    public HttpResponse<String> upload(String path, String username, String password, String part, String fileName,
            String contentType, byte[] content) {
        String boundary = "kinship-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic(username, password))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** GET of a binary body. */
    public HttpResponse<byte[]> getBytes(String path, String username, String password) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", basic(username, password)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder json(String path, String username, String password, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", basic(username, password))
                .header("Content-Type", "application/json").header("Accept", "application/json, application/problem+json");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
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
