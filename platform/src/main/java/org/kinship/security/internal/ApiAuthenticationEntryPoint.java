package org.kinship.security.internal;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kinship.i18n.Messages;
import org.kinship.i18n.SupportedLocales;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers unauthenticated API calls with RFC 9457 problem+json in the caller's language
 * ({@code Accept-Language}): 401 for missing or wrong credentials, 423 for a locked account, 429 for a
 * throttled client address.
 */
@Component
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Messages messages;
    private final JsonMapper json = JsonMapper.builder().build();

    ApiAuthenticationEntryPoint(Messages messages) {
        this.messages = messages;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException failure) throws IOException {
        Locale locale = SupportedLocales.bestMatch(request.getLocale());
        ProblemDetail problem;
        if (failure instanceof AccountLockedException locked) {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.LOCKED,
                    messages.get(locale, "login.locked.message", TIME.format(locked.until())));
        } else if (failure instanceof LoginThrottledException) {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                    messages.get(locale, "login.throttled.message"));
        } else if (failure instanceof DisabledException) {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    messages.get(locale, "login.disabled.message"));
        } else {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    messages.get(locale, "login.error.message"));
        }
        problem.setTitle(HttpStatus.valueOf(problem.getStatus()).getReasonPhrase());
        if (problem.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Kinship\", charset=\"UTF-8\"");
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", request.getRequestURI());
        json.writeValue(response.getOutputStream(), body);
    }
}
