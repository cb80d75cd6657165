package io.kervan.notifications;

import io.kervan.identity.UserView;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Writes and sends a notification e-mail in the recipient's language, with a link back to Kervan.
 * Without SMTP settings ({@code spring.mail.host}) there is no mail sender and nothing is sent.
 */
@Component
class NotificationMailer {

    private final ObjectProvider<JavaMailSender> sender;
    private final MessageSource messages;
    private final String from;
    private final String baseUrl;

    NotificationMailer(ObjectProvider<JavaMailSender> sender, MessageSource messages,
            @Value("${kervan.mail.from:kervan@localhost}") String from,
            @Value("${kervan.base-url:http://localhost:8080}") String baseUrl) {
        this.sender = sender;
        this.messages = messages;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    boolean configured() {
        return sender.getIfAvailable() != null;
    }

    void send(UserView user, NotificationView notification) {
        Locale locale = Locale.forLanguageTag(user.locale() == null ? "en" : user.locale());
        String kind = messages.getMessage("notifications.kind." + notification.kind().key(), null, locale);
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(user.email());
        mail.setSubject(kind + ": " + notification.title());
        StringBuilder text = new StringBuilder()
                .append(messages.getMessage("notifications.email.greeting", new Object[] {user.firstName()}, locale))
                .append("\n\n").append(kind).append(": ").append(notification.title()).append("\n");
        if (notification.link() != null) {
            text.append("\n").append(baseUrl).append(notification.link()).append("\n");
        }
        text.append("\n-- \n").append(messages.getMessage("notifications.email.footer", null, locale))
                .append("\n").append(baseUrl).append("/notifications\n");
        mail.setText(text.toString());
        sender.getObject().send(mail);
    }
}
