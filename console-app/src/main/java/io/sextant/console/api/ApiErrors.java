package io.sextant.console.api;

import io.sextant.platform.tenancy.RegionUnreachableException;
import io.sextant.platform.tenancy.TenancyConflictException;
import io.sextant.platform.tenancy.TenancyNotFoundException;
import io.sextant.platform.tenancy.VersionConflictException;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * How {@code /api/v1} reports bad input and conflicts: RFC 9457 problem details with a plain
 * sentence, never a stack trace. Refusals (403) are answered by Spring Security itself.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badInput(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** More specific than {@link #badInput}: an id that names no project or run is 404, not bad input. */
    @ExceptionHandler(TenancyNotFoundException.class)
    ProblemDetail noSuchTenancyObject(TenancyNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(NoSuchElementException.class)
    ProblemDetail notFound(NoSuchElementException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(TenancyConflictException.class)
    ProblemDetail conflict(TenancyConflictException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, String.join(" ", e.reasons()));
        p.setProperty("reasons", List.copyOf(e.reasons()));
        return p;
    }

    /** A text that does not compile, with where: {@code error}, {@code line}, {@code column}, {@code offset}, {@code length}. */
    static ProblemDetail positioned(String message, String problem, int line, int column, int offset, int length) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
        p.setProperty("error", problem);
        p.setProperty("line", line);
        p.setProperty("column", column);
        p.setProperty("offset", offset);
        p.setProperty("length", length);
        return p;
    }

    @ExceptionHandler(VersionConflictException.class)
    ProblemDetail versionConflict(VersionConflictException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler({RegionUnreachableException.class, DataAccessResourceFailureException.class})
    ProblemDetail unavailable(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }
}
