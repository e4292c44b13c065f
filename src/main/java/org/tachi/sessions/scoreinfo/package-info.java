/** Tachi's scoreInfo: each score against the owner's previous personal best, for every game and playtype. */
package org.tachi.sessions.scoreinfo;
