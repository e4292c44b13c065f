package org.tachi.sessions.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * No secret reaches a log line, whoever logs it: a line (message or exception) holding an
 * {@code Authorization}/{@code Cookie} header, a {@code Bearer} credential or a {@code token} field,
 * as Tomcat does for a malformed header line ("The HTTP header line [Authorization:Bearer ...]
 * does not conform to RFC 9112"), is replaced by the same line with the secret masked and the
 * exception reduced to its (masked) messages, without a stack trace. The demo data's tokens
 * ({@code demo-token-...}) are public and stay readable in the demo banner.
 */
@Component
class SecretMaskingFilter extends TurboFilter implements InitializingBean {

    static final String MASK = "[masked]";

    private static final Pattern[] SECRETS = {
        // Tomcat quoting a whole header line it rejected: any header may hold a secret
        Pattern.compile("(?i)(header line \\[)()(?!\\[masked])[^\\r\\n]*?(?=] does not conform)"),
        // a header line or field: Authorization: <anything up to the end of the line or a bracket>
        Pattern.compile(
                "(?i)\\b((?:proxy-)?authorization|(?:set-)?cookie)(\\s*[:=]\\s*)(?!\\s*(?:\\[masked]|bearer demo-token-))[^\\]\\r\\n]+"),
        Pattern.compile("(?i)\\b(bearer)(\\s+)(?!\\s*(?:\\[masked]|demo-token-))[^\\s\\]\"',;]+"),
        // a token field in a query or document printed by a driver or framework
        Pattern.compile(
                "(?i)(\"?\\b(?:token|password|secret)\"?)(\\s*[:=]\\s*)(?!\\s*\\[masked])(\"[^\"]*\"|[^\\s,}\\]]+)")
    };

    private static final String FQCN = SecretMaskingFilter.class.getName();

    @Override
    public void afterPropertiesSet() {
        install((LoggerContext) LoggerFactory.getILoggerFactory());
    }

    /** Once per logger context, and again after each reset (Spring Boot resets it as it configures logging). */
    private static synchronized void install(LoggerContext context) {
        if (context.getTurboFilterList().stream().anyMatch(SecretMaskingFilter.class::isInstance)) {
            return;
        }
        SecretMaskingFilter filter = new SecretMaskingFilter();
        filter.start();
        context.addTurboFilter(filter);
        context.addListener(new LoggerContextListener() {
            @Override
            public boolean isResetResistant() {
                return true;
            }

            @Override
            public void onReset(LoggerContext reset) {
                if (reset.getTurboFilterList().stream().noneMatch(SecretMaskingFilter.class::isInstance)) {
                    reset.addTurboFilter(filter);
                }
            }

            @Override
            public void onStart(LoggerContext started) {}

            @Override
            public void onStop(LoggerContext stopped) {}

            @Override
            public void onLevelChange(Logger logger, Level level) {}
        });
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (format == null && t == null || !logger.isEnabledFor(level)) {
            return FilterReply.NEUTRAL;
        }
        String message = format == null
                ? ""
                : MessageFormatter.arrayFormat(format, params).getMessage();
        String failure = t == null ? "" : messages(t);
        String maskedMessage = mask(message);
        String maskedFailure = mask(failure);
        if (maskedMessage.equals(message) && maskedFailure.equals(failure)) {
            return FilterReply.NEUTRAL;
        }
        String line = maskedFailure.isEmpty() ? maskedMessage : maskedMessage + " [" + maskedFailure + "]";
        logger.log(marker, FQCN, Level.toLocationAwareLoggerInteger(level), line, null, null);
        return FilterReply.DENY;
    }

    static String mask(String text) {
        String masked = text;
        for (Pattern secret : SECRETS) {
            masked = secret.matcher(masked).replaceAll("$1$2" + MASK);
        }
        return masked;
    }

    private static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable current = failure; current != null; current = current.getCause()) {
            text.append(text.isEmpty() ? "" : "; caused by ")
                    .append(current.getClass().getName())
                    .append(": ")
                    .append(current.getMessage());
        }
        return text.toString();
    }
}
