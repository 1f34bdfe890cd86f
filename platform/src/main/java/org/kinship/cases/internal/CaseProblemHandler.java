package org.kinship.cases.internal;

import java.util.Locale;
import java.util.Map;

import org.kinship.cases.CaseNotFoundException;
import org.kinship.cases.CaseRequestRefusedException;
import org.kinship.cases.CaseVersionConflictException;
import org.kinship.cases.InvalidCaseDataException;
import org.kinship.shared.StaleVersionException;
import org.kinship.shared.internal.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Errors of the case API as RFC 9457 problem+json in the caller's language; field problems under
 * {@code errors} as {@code {path, message}}; a stale version names {@code currentVersion} and {@code changed}.
 */
@RestControllerAdvice(assignableTypes = {CaseController.class, CaseListController.class, CaseNoteFlagController.class,
        CaseAttachmentController.class, CaseAdminController.class, CaseMergeController.class})
class CaseProblemHandler {

    private final Problems problems;

    CaseProblemHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(CaseNotFoundException e, Locale locale) {
        return problems.respond(HttpStatus.NOT_FOUND, locale, "cases.notFound");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> stale(CaseVersionConflictException e, Locale locale) {
        ProblemDetail problem = problems.of(HttpStatus.PRECONDITION_FAILED, locale, "cases.stale", e.expectedVersion(),
                e.currentVersion());
        problem.setProperty("currentVersion", e.currentVersion());
        problem.setProperty("changed", e.changedPaths());
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).eTag("\"" + e.currentVersion() + "\"")
                .body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> staleModule(StaleVersionException e, Locale locale) {
        return problems.respond(HttpStatus.CONFLICT, locale, "cases.module.stale", e.id());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidCaseDataException e, Locale locale) {
        ProblemDetail problem = problems.of(HttpStatus.UNPROCESSABLE_CONTENT, locale, "cases.invalidData");
        problem.setProperty("errors", e.problems().stream()
                .map(p -> Map.of("path", p.path(), "message", p.message())).toList());
        return Problems.answer(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(CaseRequestRefusedException e, Locale locale) {
        HttpStatus status = switch (e.reason()) {
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
        };
        return problems.respond(status, locale, e.messageKey(), e.args());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> ifMatchMissing(Versions.PreconditionRequired e, Locale locale) {
        return problems.respond(HttpStatus.PRECONDITION_REQUIRED, locale, "cases.ifMatch.required");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> uploadTooLarge(MaxUploadSizeExceededException e, Locale locale) {
        return problems.respond(HttpStatus.CONTENT_TOO_LARGE, locale, "cases.attachment.tooLarge", "-");
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class, MissingServletRequestPartException.class})
    ResponseEntity<ProblemDetail> unreadable(Exception e, Locale locale) {
        return problems.respond(HttpStatus.BAD_REQUEST, locale, "cases.unreadable");
    }
}
