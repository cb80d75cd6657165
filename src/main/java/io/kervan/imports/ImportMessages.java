package io.kervan.imports;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Resolves problem codes into the words stored for the errors CSV, in the language of the import's user. */
@Component
class ImportMessages {

    private final MessageSource messages;

    ImportMessages(MessageSource messages) {
        this.messages = messages;
    }

    String text(String code, List<Object> arguments, Locale locale) {
        if (code == null) {
            return "";
        }
        return messages.getMessage(code, arguments.toArray(), code, locale);
    }

    String text(String code, Locale locale) {
        return text(code, List.of(), locale);
    }
}
