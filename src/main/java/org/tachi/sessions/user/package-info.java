/** Reads the users collection. */
package org.tachi.sessions.user;
