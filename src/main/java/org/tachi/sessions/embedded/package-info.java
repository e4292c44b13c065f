/** The in-memory default database and the demo data loaded into it. */
package org.tachi.sessions.embedded;
