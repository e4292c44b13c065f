/** Boot's MongoDB client made to fail fast, its outage log and per-query time limit, the unique indexes ensured at start-up, and the query and raw-decoding shapes. */
package org.tachi.sessions.mongo;
