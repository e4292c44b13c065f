/** Tachi's login cookie sessions (express-session with connect-redis): the signed cookie, its Redis record and their settings. */
package org.tachi.sessions.cookie;
