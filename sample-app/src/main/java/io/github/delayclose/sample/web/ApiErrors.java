package io.github.delayclose.sample.web;

import io.github.delayclose.sample.shop.CreateOrderRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the JSON API is a problem detail ({@code application/problem+json}) that also carries
 * the message as {@code error}, so a client can always show {@code response.error}.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Log log = LogFactory.getLog(ApiErrors.class);

    @ExceptionHandler(ApiException.class)
    @Nullable ResponseEntity<Object> refused(ApiException ex, WebRequest request) {
        return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage()),
                new HttpHeaders(), ex.status(), request);
    }

    @ExceptionHandler(Exception.class)
    @Nullable ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        log.error("Unexpected error on " + request.getDescription(false), ex);
        HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
        return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(status,
                "internal error (" + ex.getClass().getSimpleName() + "); see the shop's log"), new HttpHeaders(), status,
                request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Jackson's own message quotes internals; say what is expected instead.
        String problem = "num".equals(failedField(ex)) ? "num must be a whole number from 1 to "
                + CreateOrderRequest.MAX_UNITS + "; " : "";
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, "malformed JSON request body: " + problem
                + "expected {\"items\": [{\"skuId\": \"...\", \"num\": 1}]}");
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    /** The JSON field whose value Jackson could not read (1.9 or 2147483648 for an int), if it says. */
    private static @Nullable String failedField(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                return jackson.getPath().get(jackson.getPath().size() - 1).getPropertyName();
            }
        }
        return null;
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        // The superclass fills in the body of Spring MVC's own exceptions, so add "error" afterwards.
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            problem.setProperty("error", problem.getDetail() != null ? problem.getDetail() : problem.getTitle());
        }
        return response;
    }
}
