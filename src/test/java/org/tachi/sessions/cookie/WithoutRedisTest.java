package org.tachi.sessions.cookie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.tachi.sessions.support.MongoIntegrationTest;

/**
 * No Redis configured (REDIS_URL emptied even if the test run has one): the service starts, says in
 * one log line that cookie sessions are off, a session cookie is ignored and Bearer tokens work as before.
 */
@ExtendWith(OutputCaptureExtension.class)
@AutoConfigureMockMvc
@TestPropertySource(properties = {"REDIS_URL=", "tachi.session-secret=" + CookieSamples.SECRET})
class WithoutRedisTest extends MongoIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void startsWithCookieSessionsOffInOneLogLineAndBearerTokensWork(CapturedOutput output) throws Exception {
        assertThat(output.getOut().lines().filter(line -> line.contains("Cookie sessions are")))
                .singleElement()
                .asString()
                .contains("Cookie sessions are off: no Redis configured");
        CookieSamples.insertAliceWithBearerToken(mongo, "alice");
        String cookie = "Tachi_SESSION=" + CookieSamples.text("/facts/cookie/urlEncodedValue");
        mvc.perform(patch("/api/v1/sessions/" + CookieSamples.ALICE_SESSION)
                        .header("Cookie", cookie)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"highlight\":true}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(patch("/api/v1/sessions/" + CookieSamples.ALICE_SESSION)
                        .header("Authorization", "Bearer owner")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"highlight\":true}"))
                .andExpect(status().isOk());
        // no Redis health check trying localhost:6379
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.redis").doesNotExist());
    }
}
