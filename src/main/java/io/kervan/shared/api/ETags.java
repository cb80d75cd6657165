package io.kervan.shared.api;

import io.kervan.shared.StaleVersionException;

/** Optimistic concurrency over HTTP: the ETag is the record's version; {@code If-Match} must match it. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version the client expects, from {@code If-Match}; the current version when the header is
     * absent or {@code *}. A header that does not match the current version is a 412.
     */
    public static long expectedVersion(String ifMatch, long currentVersion, String recordType, Object id) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return currentVersion;
        }
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            tag = tag.replace("\"", "");
            if (tag.equals(Long.toString(currentVersion))) {
                return currentVersion;
            }
        }
        throw new StaleVersionException(recordType, id);
    }
}
