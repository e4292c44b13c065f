/** The MongoDB connection, its fail-fast timeouts, outage log and per-query time limit, and the unique indexes ensured at start-up. */
package org.tachi.sessions.mongo;
