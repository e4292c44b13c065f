/** What a session raised in each active folder it touched: {@code GET /api/v1/sessions/:sessionID/folder-raises}. */
package org.tachi.sessions.folders;
