package org.tachi.sessions;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.tachi.sessions.embedded.DemoProperties;

// No user store: requests authenticate with Tachi API tokens only (and no generated password is logged).
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class TachiSessionsApplication {

    public static void main(String[] args) {
        ConfigurableApplicationContext context =
                SpringApplication.run(TachiSessionsApplication.class, withDemoSwitch(args));
        // A one-shot job (docker compose's demo-data service): started, so the demo data is in; stop.
        if (context.getBean(DemoProperties.class).demoData().exitAfterLoad()) {
            System.exit(SpringApplication.exit(context));
        }
    }

    /** {@code --demo} is short for {@code --tachi.demo=true} (the embedded demo database). */
    public static String[] withDemoSwitch(String[] args) {
        return Arrays.stream(args)
                .map(arg -> arg.equals("--demo") ? "--tachi.demo=true" : arg)
                .toArray(String[]::new);
    }
}
