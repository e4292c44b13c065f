package org.tachi.sessions.embedded;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when no MongoDB is configured: {@code spring.mongodb.uri} ({@code MONGODB_URI}) is blank. */
class NoExternalMongoCondition implements Condition {

    static boolean externalConfigured(Environment environment) {
        return StringUtils.hasText(environment.getProperty("spring.mongodb.uri"));
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !externalConfigured(context.getEnvironment());
    }
}
