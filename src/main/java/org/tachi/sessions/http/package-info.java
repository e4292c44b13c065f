/** HTTP behaviour around the API: CORS, the request body limit, ETag and compression filters. */
package org.tachi.sessions.http;
