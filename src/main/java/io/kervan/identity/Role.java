package io.kervan.identity;

/** What a user may do. Record visibility per role is defined in {@link Visibility}. */
public enum Role {
    ADMIN, MANAGER, SALES_REP, SUPPORT_AGENT, MARKETING, READ_ONLY;

    /** Roles that see every company and contact but change none (their own modules come later). */
    public boolean isReadOnlyObserver() {
        return this == SUPPORT_AGENT || this == MARKETING || this == READ_ONLY;
    }
}
