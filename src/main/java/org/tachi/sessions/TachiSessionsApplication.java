package org.tachi.sessions;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

// No user store: requests authenticate with Tachi API tokens only (and no generated password is logged).
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class TachiSessionsApplication {

    public static void main(String[] args) {
        SpringApplication.run(TachiSessionsApplication.class, withDemoSwitch(args));
    }

    /** {@code --demo} is short for {@code --tachi.demo=true} (the embedded demo database). */
    public static String[] withDemoSwitch(String[] args) {
        return Arrays.stream(args)
                .map(arg -> arg.equals("--demo") ? "--tachi.demo=true" : arg)
                .toArray(String[]::new);
    }
}
