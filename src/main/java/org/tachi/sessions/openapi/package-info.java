/** The OpenAPI 3.1 description of the API that springdoc serves at {@code /v3/api-docs}. */
package org.tachi.sessions.openapi;
