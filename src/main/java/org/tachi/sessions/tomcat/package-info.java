/** The embedded Tomcat: connector settings, the security headers on every response and its own error report, in the envelope. */
package org.tachi.sessions.tomcat;
