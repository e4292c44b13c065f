package org.tachi.sessions.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoTimeoutException;
import java.io.IOException;
import org.apache.catalina.connector.ClientAbortException;
import org.apache.coyote.BadRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;

/** Failures the client caused, or an outage, are answered without an ERROR line or stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class ApiErrorsTest {

    @Test
    void clientCausedFailuresAndOutagesAreNotLoggedAsErrors(CapturedOutput output) {
        assertThat(ApiErrors.of(new ClientAbortException(new IOException("Broken pipe")))
                        .status())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiErrors.of(new IOException(new BadRequestException("Invalid chunk header")))
                        .status())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiErrors.of(new MongoTimeoutException("Timed out")).status())
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(output.getAll()).doesNotContain("ERROR", "\tat ");
    }

    @Test
    void tomcatsOwnStatusesAreThoseAJsonApiAnswers() {
        assertThat(ApiErrors.forStatus(501).status()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(ApiErrors.forStatus(505).status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiErrors.forStatus(404).description()).isEqualTo("This endpoint does not exist.");
    }
}
