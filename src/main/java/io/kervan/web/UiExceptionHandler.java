package io.kervan.web;

import io.kervan.shared.BusinessRuleException;
import io.kervan.shared.ConflictException;
import io.kervan.shared.NotAllowedException;
import io.kervan.shared.RecordNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Friendly error pages for the browser UI (the API has its own problem+json mapping). */
@ControllerAdvice(annotations = Controller.class)
class UiExceptionHandler {

    @ExceptionHandler({RecordNotFoundException.class, MethodArgumentTypeMismatchException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    /** A refused business rule or a conflict reached the page level: show why instead of a blank 500. */
    @ExceptionHandler({BusinessRuleException.class, ConflictException.class})
    String refused(RuntimeException e, org.springframework.ui.Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        boolean conflict = e instanceof ConflictException;
        response.setStatus(conflict ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("status", conflict ? 409 : 422);
        model.addAttribute("reason", e.getMessage());
        return "error/refused";
    }

    @ExceptionHandler(NotAllowedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden() {
        return "error/403";
    }
}
