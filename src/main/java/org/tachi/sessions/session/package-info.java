/** The session router: GET joins a session with its scores, songs, charts and owner; PATCH changes it. */
package org.tachi.sessions.session;
