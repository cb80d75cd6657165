/**
 * Notifications: the in-app bell (unread count, list, mark read) and the same notifications by
 * e-mail over SMTP, per user and kind as each user prefers. Other modules call
 * {@link io.kervan.notifications.Notifications#notify}; this module also notices records assigned to
 * someone (from {@link io.kervan.shared.RecordChanged}) and deals gone stale (a recurring job over
 * {@link io.kervan.deals.StaleDeals}). E-mails are sent by db-scheduler jobs stored with the
 * notification, so they survive restarts and are sent once. Owns {@code notifications} and
 * {@code notification_preferences}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package io.kervan.notifications;
