/** Boot's MongoDB client made to fail fast, the unique indexes ensured at start-up, and the two query shapes. */
package org.tachi.sessions.mongo;
