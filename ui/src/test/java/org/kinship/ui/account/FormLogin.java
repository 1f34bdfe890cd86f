package org.kinship.ui.account;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kinship.testing.ApiClient;

/** Signs in through the real sign-in form over HTTP, with the CSRF token the page carries, as a browser would. */
final class FormLogin {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final ApiClient api;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    FormLogin(ApiClient api) {
        this.api = api;
    }

    /** Answers where the server sends the browser after the attempt ({@code /login?error} on failure). */
    String signIn(String username, String password, String otp) {
        try {
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(api.url("/login"))).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            Matcher csrf = CSRF.matcher(page.body());
            if (!csrf.find()) {
                throw new IllegalStateException("No CSRF token on the sign-in page: " + page.statusCode() + " "
                        + page.body().substring(0, Math.min(2000, page.body().length())));
            }
            String form = "username=" + encode(username) + "&password=" + encode(password) + "&otp=" + encode(otp)
                    + "&_csrf=" + encode(csrf.group(1));
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(api.url("/login")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.headers().firstValue("Location").orElse("");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
