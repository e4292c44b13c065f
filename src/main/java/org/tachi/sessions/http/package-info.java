/** HTTP behaviour around the API: CORS, the request body limit, and the ETag filter. */
package org.tachi.sessions.http;
