package io.kervan.web;

import io.kervan.shared.MoneyFormat;
import java.math.BigDecimal;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Amounts for templates in the page's language ({@code ${@money.format(x)}}). */
@Component("money")
class DisplayMoney {

    public String format(BigDecimal amount) {
        return MoneyFormat.format(amount, LocaleContextHolder.getLocale());
    }
}
