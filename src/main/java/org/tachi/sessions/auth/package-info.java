/** Who the caller is: the authentication filter (login cookie, then API token), its principal and the stateless Spring Security chain. */
package org.tachi.sessions.auth;
