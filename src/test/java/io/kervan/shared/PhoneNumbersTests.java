package io.kervan.shared;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTests {

    @Test
    void normalisesTurkishNationalFormatToE164() {
        assertThat(PhoneNumbers.toE164("0532 123 45 67")).contains("+905321234567");
        assertThat(PhoneNumbers.toE164("(0212) 555-12-34")).contains("+902125551234");
        assertThat(PhoneNumbers.toE164("532 123 4567")).contains("+905321234567");
    }

    @Test
    void keepsInternationalNumbersInTheirOwnCountry() {
        assertThat(PhoneNumbers.toE164("+90 532 123 4567")).contains("+905321234567");
        assertThat(PhoneNumbers.toE164("+49 30 901820")).contains("+4930901820");
        assertThat(PhoneNumbers.toE164("0044 20 7946 0958")).contains("+442079460958");
    }

    @Test
    void refusesWhatIsNotAPhoneNumber() {
        assertThat(PhoneNumbers.toE164("12")).isEmpty();
        assertThat(PhoneNumbers.toE164("call me")).isEmpty();
        assertThat(PhoneNumbers.toE164("")).isEmpty();
        assertThat(PhoneNumbers.toE164(null)).isEmpty();
        assertThat(PhoneNumbers.toE164("0532 123 45 67".repeat(10))).isEmpty();
    }

    /** The readable form a parse remembers is the one parsing the E.164 form again would give. */
    @Test
    void displaysANumberJustReadAsItsE164FormParsedAfresh() throws Exception {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        for (String raw : new String[] {"0532 123 45 67 ext. 12", "(0212) 555-12-34", "+39 06 698 1234",
                "0044 20 7946 0958 #77", "+49 30 901820"}) {
            String e164 = PhoneNumbers.toE164(raw).orElseThrow();
            assertThat(PhoneNumbers.display(e164)).as(raw)
                    .isEqualTo(util.format(util.parse(e164, "TR"), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL));
        }
        assertThat(PhoneNumbers.display(PhoneNumbers.toE164("0532 123 45 67").orElseThrow()))
                .isEqualTo("+90 532 123 45 67");
    }

    @Test
    void recognisesQueriesThatLookLikePhones() {
        assertThat(PhoneNumbers.looksLikePhone("+90 532 123 4567")).isTrue();
        assertThat(PhoneNumbers.looksLikePhone("Şekerci 2024")).isFalse();
    }
}
