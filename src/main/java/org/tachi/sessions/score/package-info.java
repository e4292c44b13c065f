/** Reads the scores collection. */
package org.tachi.sessions.score;
