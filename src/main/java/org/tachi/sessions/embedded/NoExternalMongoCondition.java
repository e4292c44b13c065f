package org.tachi.sessions.embedded;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.tachi.sessions.mongo.MongoUri;

/**
 * Matches when neither {@code MONGODB_URI} nor {@code spring.mongodb.uri} is set.
 */
class NoExternalMongoCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return MongoUri.configured(context.getEnvironment()).isEmpty();
    }
}
