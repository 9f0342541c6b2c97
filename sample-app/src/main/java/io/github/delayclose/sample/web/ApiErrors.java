package io.github.delayclose.sample.web;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

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
    ResponseEntity<Object> refused(ApiException ex, WebRequest request) {
        return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage()),
                new HttpHeaders(), ex.status(), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        log.error("Unexpected error on " + request.getDescription(false), ex);
        HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
        return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(status,
                "internal error (" + ex.getClass().getSimpleName() + "); see the shop's log"), new HttpHeaders(), status,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Jackson's own message quotes internals; say what is expected instead.
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, "malformed JSON request body: expected "
                + "{\"items\": [{\"skuId\": \"...\", \"num\": 1}]}");
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        // The superclass fills in the body of Spring MVC's own exceptions, so add "error" afterwards.
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            problem.setProperty("error", problem.getDetail() != null ? problem.getDetail() : problem.getTitle());
        }
        return response;
    }
}
