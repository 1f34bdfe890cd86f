package org.kinship.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An HTTP client that keeps cookies and follows redirects itself, as a browser does, remembering every address it
 * visited: for sign-in flows that leave the application and come back (OpenID Connect).
 */
public final class CookieBrowser {

    /** One answer: status, body and the {@code Location} header (empty when none). */
    public record Page(int status, String body, String location) {
    }

    private final ApiClient application;
    private final List<String> visited = new ArrayList<>();
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public CookieBrowser(ApiClient application) {
        this.application = application;
    }

    /** One request to a path of the application, without following a redirect. */
    public Page open(String path) {
        return send(URI.create(application.url(path)));
    }

    /** Opens a path of the application and follows redirects, wherever they lead, to the first other answer. */
    public Page follow(String path) {
        URI next = URI.create(application.url(path));
        for (int hop = 0; hop < 10; hop++) {
            Page page = send(next);
            if (page.status() / 100 != 3) {
                return page;
            }
            next = next.resolve(page.location());
        }
        throw new AssertionError("too many redirects: " + visited);
    }

    /** Every address requested so far, in order. */
    public List<String> visited() {
        return List.copyOf(visited);
    }

    /** The value of a cookie the browser holds, e.g. the session id {@code JSESSIONID}. */
    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    private Page send(URI uri) {
        visited.add(uri.toString());
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
