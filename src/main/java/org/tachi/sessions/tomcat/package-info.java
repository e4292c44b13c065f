/** The embedded Tomcat's connector settings and its own error report, in the envelope. */
package org.tachi.sessions.tomcat;
