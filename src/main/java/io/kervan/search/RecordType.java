package io.kervan.search;

/** The record types the global search looks through, in the order their results are shown. */
public enum RecordType {
    CONTACTS("contacts", "/contacts"),
    COMPANIES("companies", "/companies"),
    LEADS("leads", "/leads"),
    DEALS("deals", "/deals");

    private final String key;
    private final String pagePath;

    RecordType(String key, String pagePath) {
        this.key = key;
        this.pagePath = pagePath;
    }

    /** The plural name used in the API and in message keys. */
    public String key() {
        return key;
    }

    /** The list page; a record's page is this path plus its id. */
    public String pagePath() {
        return pagePath;
    }
}
