/** Reads the songs and charts collections of Tachi's games. */
package org.tachi.sessions.catalog;
