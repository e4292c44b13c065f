package org.tachi.sessions.envelope;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page: failures that happen outside Spring MVC (a status set by the
 * container, an exception no filter caught) still answer with the JSON envelope, never Boot's
 * whitelabel page.
 */
@RestController
class JsonErrorController implements ErrorController {

    private final ApiErrorWriter errors;

    JsonErrorController(ApiErrorWriter errors) {
        this.errors = errors;
    }

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            errors.write(response, failure);
            return;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        errors.write(response, code instanceof Integer status && status >= 400 ? status : 404);
    }
}
