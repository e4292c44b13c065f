/** How JSON is printed: Jackson's configuration and JavaScript's number formatting. */
package org.tachi.sessions.json;
