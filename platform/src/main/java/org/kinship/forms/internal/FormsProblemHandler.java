package org.kinship.forms.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.kinship.forms.AlreadyExistsException;
import org.kinship.forms.FormNotFoundException;
import org.kinship.forms.FormProblem;
import org.kinship.forms.InvalidFormDefinitionException;
import org.kinship.forms.InvalidLookupException;
import org.kinship.forms.LookupNotFoundException;
import org.kinship.forms.LookupValueInUseException;
import org.kinship.forms.NothingToPublishException;
import org.kinship.i18n.Messages;
import org.kinship.shared.StaleVersionException;
import org.kinship.shared.internal.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the forms API as RFC 9457 problem+json in the caller's language ({@code Accept-Language}); field
 * problems are listed under {@code errors} as {@code {path, code, message}}.
 */
@RestControllerAdvice(assignableTypes = {FormController.class, FormDataController.class, LookupController.class})
class FormsProblemHandler {

    private final Messages messages;
    private final Problems problems;

    FormsProblemHandler(Messages messages, Problems problems) {
        this.messages = messages;
        this.problems = problems;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidDefinition(InvalidFormDefinitionException e, Locale locale) {
        ProblemDetail problem = problems.of(HttpStatus.UNPROCESSABLE_CONTENT, locale, "forms.api.invalidDefinition",
                e.problems().size());
        problem.setProperty("warnings", e.report().warnings());
        return withErrors(problem, e.problems(), locale);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidData(FormDataController.InvalidFormDataException e, Locale locale) {
        return withErrors(problems.of(HttpStatus.UNPROCESSABLE_CONTENT, locale, "forms.api.invalidData",
                e.problems().size()), e.problems(), locale);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidLookup(InvalidLookupException e, Locale locale) {
        return withErrors(problems.of(HttpStatus.UNPROCESSABLE_CONTENT, locale, "forms.api.invalidLookup",
                e.problems().size()), e.problems(), locale);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> formNotFound(FormNotFoundException e, Locale locale) {
        return ResponseEntity.of(e.version() == null
                ? problems.of(HttpStatus.NOT_FOUND, locale, "forms.api.formNotFound", e.formId())
                : problems.of(HttpStatus.NOT_FOUND, locale, "forms.api.versionNotFound", e.formId(), e.version())).build();
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> lookupNotFound(LookupNotFoundException e, Locale locale) {
        return ResponseEntity.of(e.value() == null
                ? problems.of(HttpStatus.NOT_FOUND, locale, "forms.api.lookupNotFound", e.lookupId())
                : problems.of(HttpStatus.NOT_FOUND, locale, "forms.api.lookupValueNotFound", e.lookupId(), e.value())).build();
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> exists(AlreadyExistsException e, Locale locale) {
        String key = e.kind().equals("lookup") ? "forms.api.lookupExists" : "forms.api.formExists";
        return problems.respond(HttpStatus.CONFLICT, locale, key, e.id());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> stale(StaleVersionException e, Locale locale) {
        return problems.respond(HttpStatus.PRECONDITION_FAILED, locale, "forms.api.stale", e.id());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> nothingToPublish(NothingToPublishException e, Locale locale) {
        return problems.respond(HttpStatus.CONFLICT, locale, "forms.api.nothingToPublish", e.latest().version());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> inUse(LookupValueInUseException e, Locale locale) {
        return problems.respond(HttpStatus.CONFLICT, locale, "forms.api.lookupValueInUse", e.lookupId(), e.value());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> forbidden(ApiAccess.ForbiddenException e, Locale locale) {
        return problems.respond(HttpStatus.FORBIDDEN, locale, "forms.api.forbidden");
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            ApiAccess.BadPreconditionException.class})
    ResponseEntity<ProblemDetail> unreadable(Exception e, Locale locale) {
        return problems.respond(HttpStatus.BAD_REQUEST, locale, "forms.api.unreadable");
    }

    /** Problems created without a message (their code is a message key) get it here. */
    private ResponseEntity<ProblemDetail> withErrors(ProblemDetail problem, List<FormProblem> errors, Locale locale) {
        problem.setProperty("errors", errors.stream().map(p -> Map.of("path", p.path(), "code", p.code(),
                "message", p.message().isEmpty() ? messages.get(locale, p.code()) : p.message()))
                .toList());
        return Problems.answer(problem);
    }
}
