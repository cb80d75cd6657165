package io.kervan.identity;

import io.kervan.shared.StaleVersionException;
import java.util.UUID;

/**
 * Record versions travel as ETags ({@code "3"}); an update names the version it was based on in
 * {@code If-Match}, and a version that is no longer current is refused with 412.
 */
final class ETags {

    private ETags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Refuses the update unless {@code If-Match} is absent, {@code *} or names the current version.
     * Weak tags ({@code W/"3"}) are accepted as well: proxies that compress responses (nginx) weaken
     * ETags, and refusing those would make every update through such a proxy fail.
     */
    static void requireMatch(String ifMatch, long currentVersion, String recordType, UUID id) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(of(currentVersion))) {
                return;
            }
        }
        throw new StaleVersionException(recordType, id);
    }
}
