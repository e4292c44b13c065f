/** The in-memory demo database (only when asked for), its demo data, and the refusal to start without a database. */
package org.tachi.sessions.embedded;
