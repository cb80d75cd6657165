package io.kervan.web;

import io.kervan.shared.PhoneNumbers;
import org.springframework.stereotype.Component;

/** Phone numbers for templates ({@code ${@phones.display(x)}}): stored in E.164, shown readable. */
@Component("phones")
class DisplayPhones {

    /** {@code +905321234567} → {@code +90 532 123 45 67}. */
    public String display(String e164) {
        return e164 == null ? null : PhoneNumbers.display(e164);
    }

    /** Digits for {@code https://wa.me/<digits>} links. */
    public String whatsApp(String e164) {
        return e164 == null ? "" : e164.replaceAll("[^0-9]", "");
    }
}
