package io.kervan.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueConversionsTests {

    @Test
    void datesInThePatternIsoOrAsExcelSerials() {
        ValueConversions turkish = new ValueConversions("dd.MM.yyyy", false);
        assertThat(turkish.date("29.02.2024")).contains(LocalDate.of(2024, 2, 29));
        assertThat(turkish.date("2024-03-01")).contains(LocalDate.of(2024, 3, 1));
        assertThat(turkish.date("45351")).contains(LocalDate.of(2024, 2, 29));
        assertThat(turkish.date("31.02.2024")).isEmpty();
        assertThat(turkish.date("29.02.2023")).isEmpty();
        assertThat(turkish.date("yarın")).isEmpty();
    }

    @Test
    void decimalsWithPointOrComma() {
        assertThat(new ValueConversions(null, true).decimal("1.234,56")).contains(new BigDecimal("1234.56"));
        assertThat(new ValueConversions(null, false).decimal("1,234.56")).contains(new BigDecimal("1234.56"));
        assertThat(new ValueConversions(null, false).decimal("12abc")).isEmpty();
        assertThat(new ValueConversions(null, false).decimal("1e999999")).isEmpty();
        assertThat(ValueConversions.integer("20")).contains(20);
        assertThat(ValueConversions.bool("Evet")).contains(true);
        assertThat(ValueConversions.bool("belki")).isEmpty();
    }

    @Test
    void headersInEnglishAndTurkishSuggestFields() {
        ImportTarget<?> contacts = new ContactTarget(null, null);
        Map<String, String> suggested = ColumnSuggestions.suggest(contacts,
                List.of("Ad", "Soyad", "E-posta", "Telefon", "Firma/Şirket", "Şehir", "Unknown"));
        assertThat(suggested).containsEntry("Ad", "firstName").containsEntry("Soyad", "lastName")
                .containsEntry("E-posta", "email").containsEntry("Telefon", "phone")
                .containsEntry("Firma/Şirket", "company").containsEntry("Şehir", "city").containsEntry("Unknown", null);
        ImportTarget<?> companies = new CompanyTarget(null, null);
        assertThat(ColumnSuggestions.suggest(companies, List.of("Firma Adı", "Vergi No", "E-mail")))
                .containsEntry("Firma Adı", "name").containsEntry("Vergi No", "taxNumber").containsEntry("E-mail", "email");
    }
}
