package org.tachi.sessions.scoreinfo;

import java.util.Map;

/** Access to embedded documents that tolerates the malformed shapes stored data may have. */
final class Documents {

    private Documents() {}

    /** {@code parent[key]} if it is an embedded document, otherwise (absent, null, scalar) null. */
    @SuppressWarnings("unchecked") // BSON documents only ever have String keys
    static Map<String, Object> embedded(Map<String, ?> parent, String key) {
        return parent != null && parent.get(key) instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }
}
