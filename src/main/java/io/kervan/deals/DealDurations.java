package io.kervan.deals;

/** Short display of a time in stage: "3 d 4 h", "2 h 5 min", "40 s". */
public final class DealDurations {

    private DealDurations() {
    }

    public static String format(long seconds) {
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + minutes + " min";
        }
        return minutes > 0 ? minutes + " min" : seconds + " s";
    }
}
