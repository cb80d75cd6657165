package io.kervan.identity;

import java.time.ZoneId;

/** How the identity pages show times; users have no time-zone setting yet, so Turkey's zone applies. */
final class Display {

    static final ZoneId ZONE = ZoneId.of("Europe/Istanbul");

    private Display() {
    }
}
