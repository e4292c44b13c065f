package org.tachi.sessions.support;

import java.util.concurrent.Executor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.tachi.sessions.auth.SecurityConfiguration;
import org.tachi.sessions.envelope.ApiErrorWriter;
import org.tachi.sessions.http.WebFilterConfiguration;
import org.tachi.sessions.json.JacksonConfiguration;

/**
 * What a {@code @WebMvcTest} of a controller adds to answer as the service does: the real security
 * chain, JSON, filters and error envelope, with the application's tasks run on the calling thread so
 * that a request's work is done when MockMvc returns.
 */
@TestConfiguration
@Import({SecurityConfiguration.class, JacksonConfiguration.class, WebFilterConfiguration.class, ApiErrorWriter.class})
public class WebSliceConfiguration {

    @Bean("applicationTaskExecutor")
    Executor applicationTaskExecutor() {
        return Runnable::run;
    }
}
