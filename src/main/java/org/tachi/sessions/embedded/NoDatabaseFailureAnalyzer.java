package org.tachi.sessions.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Fail closed, in one line: without a database the service stops at start-up and says what to set
 * (registered in {@code META-INF/spring.factories}, as Boot's own analyzers are).
 */
class NoDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<NoDatabaseConfiguredException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoDatabaseConfiguredException cause) {
        return new FailureAnalysis(cause.getMessage(), null, cause);
    }
}
