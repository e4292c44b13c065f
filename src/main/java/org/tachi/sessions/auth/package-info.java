/** Who the caller is: the API-token filter, its principal and the stateless Spring Security chain. */
package org.tachi.sessions.auth;
