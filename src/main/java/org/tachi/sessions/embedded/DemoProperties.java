package org.tachi.sessions.embedded;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param demo without a MongoDB ({@code MONGODB_URI} unset): run the embedded in-memory database
 * with the public demo data instead of refusing to start ({@code --demo}, {@code TACHI_DEMO=true});
 * no effect when a MongoDB is configured
 * @param demoData loading the demo data into a configured MongoDB
 */
@ConfigurationProperties("tachi")
public record DemoProperties(boolean demo, @DefaultValue DemoData demoData) {

    /**
     * @param loadIntoExternal insert the demo data's missing documents into the configured MongoDB
     * (never overwriting one); its API tokens are public, so never on a production database
     * @param exitAfterLoad exit (code 0) once started, i.e. once the demo data is loaded: a one-shot job
     */
    public record DemoData(boolean loadIntoExternal, boolean exitAfterLoad) {}
}
