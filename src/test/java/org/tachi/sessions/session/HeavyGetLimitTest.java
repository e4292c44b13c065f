package org.tachi.sessions.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.tachi.sessions.envelope.ApiException;

class HeavyGetLimitTest {

    private static final String STREAMING = ShallowEtagHeaderFilter.class.getName() + ".STREAMING";

    final HeavyGetLimit limit = new HeavyGetLimit(new HeavyGetLimit.Properties(100, 250));

    @AfterEach
    void clear() {
        RequestContextHolder.resetRequestAttributes();
    }

    ServletRequestAttributes request() {
        ServletRequestAttributes request = new ServletRequestAttributes(new MockHttpServletRequest());
        RequestContextHolder.setRequestAttributes(request);
        return request;
    }

    @Test
    void smallSessionsAreNeverRefusedAndKeepTheirEtag() {
        for (int i = 0; i < 10; i++) {
            ServletRequestAttributes request = request();
            limit.admit(100);
            assertThat(request.getRequest().getAttribute(STREAMING)).isNull();
        }
    }

    @Test
    void heavyGetsShareABudgetAndTheOneThatDoesNotFitIs503WithRetryAfter() {
        ServletRequestAttributes first = request();
        limit.admit(200);
        assertThat(first.getRequest().getAttribute(STREAMING)).isEqualTo(true);

        request();
        assertThatThrownBy(() -> limit.admit(101)).isInstanceOfSatisfying(ApiException.class, refused -> {
            assertThat(refused.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(refused.headers().getFirst("Retry-After")).isEqualTo("2");
        });

        first.requestCompleted();
        request();
        limit.admit(101);
    }

    @Test
    void aSessionLargerThanTheWholeBudgetRunsAlone() {
        ServletRequestAttributes huge = request();
        limit.admit(1_000);
        request();
        assertThatThrownBy(() -> limit.admit(101)).isInstanceOf(ApiException.class);
        huge.requestCompleted();
        request();
        limit.admit(1_000);
    }
}
