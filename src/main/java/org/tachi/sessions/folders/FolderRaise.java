package org.tachi.sessions.folders;

import java.util.List;
import org.bson.Document;

/**
 * One entry of the folder-raises body, in Tachi's key order: in {@code folder} (the stored document),
 * the session took {@code raisedCharts} to at least {@code value} of the ENUM metric {@code type}; before
 * the session the user had that on {@code previousCount} of the folder's {@code totalCharts} charts.
 */
record FolderRaise(
        Document folder, int previousCount, List<Object> raisedCharts, String type, String value, int totalCharts) {}
