/** The MongoDB connection, its fail-fast timeouts and the unique indexes ensured at start-up. */
package org.tachi.sessions.mongo;
