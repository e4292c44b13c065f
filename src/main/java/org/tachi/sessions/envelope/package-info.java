/** Tachi's JSON envelope and the mapping of every failure to it, whoever writes the answer. */
package org.tachi.sessions.envelope;
