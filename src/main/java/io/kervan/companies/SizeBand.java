package io.kervan.companies;

/** Head-count bands, as SMEs are usually classified (KOBİ: micro, small, medium). */
public enum SizeBand {
    MICRO("1–9"), SMALL("10–49"), MEDIUM("50–249"), LARGE("250+");

    private final String range;

    SizeBand(String range) {
        this.range = range;
    }

    public String range() {
        return range;
    }
}
