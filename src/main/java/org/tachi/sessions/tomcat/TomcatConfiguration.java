package org.tachi.sessions.tomcat;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tachi.sessions.envelope.ApiErrorWriter;

@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

    /** The security headers on every response, set first in the engine's pipeline. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> securityHeaders() {
        return factory -> factory.addEngineValves(new SecurityHeadersValve());
    }

    /**
     * Swaps Tomcat's HTML error report (the one Boot adds) for {@link JsonErrorReportValve} once the
     * host's pipeline is complete, i.e. when the context starts.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonErrorReports(ApiErrorWriter errors) {
        return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                useJsonErrorReports(context.getParent(), errors);
            }
        }));
    }

    /** {@link OptionsStarAdapter} in place of the adapter each connector creates when it is initialised. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> optionsStarLikeAnyOptions() {
        return factory -> factory.addConnectorCustomizers(connector -> connector.addLifecycleListener(event -> {
            if (Lifecycle.AFTER_INIT_EVENT.equals(event.getType())) {
                connector.getProtocolHandler().setAdapter(new OptionsStarAdapter(connector));
            }
        }));
    }

    /**
     * Answer {@code Expect: 100-continue} only once the body is really read, so a request refused
     * before that (413, 401, ...) gets its answer without the client sending the body first.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> continueOnlyWhenReading() {
        return factory ->
                factory.addConnectorCustomizers(connector -> connector.setProperty("continueResponseTiming", "onRead"));
    }

    private static void useJsonErrorReports(Container host, ApiErrorWriter errors) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof JsonErrorReportValve)) {
                host.getPipeline().removeValve(valve);
            }
        }
        boolean present = false;
        for (Valve valve : host.getPipeline().getValves()) {
            present |= valve instanceof JsonErrorReportValve;
        }
        if (!present) {
            host.getPipeline().addValve(new JsonErrorReportValve(errors));
        }
    }
}
