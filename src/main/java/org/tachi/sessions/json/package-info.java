/** How JSON is printed: Jackson's configuration, JavaScript's number formatting, and raw BSON written as JSON. */
package org.tachi.sessions.json;
