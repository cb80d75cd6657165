package io.kervan.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTextTests {

    @Test
    void theFiveCharactersThatEndATextOrAnAttributeAreEscaped() {
        assertThat(escape("<script>alert('x' & \"y\")</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39; &amp; &quot;y&quot;)&lt;/script&gt;");
    }

    @Test
    void turkishLettersAndOtherTextStayAsTheyAre() {
        assertThat(escape("Çağrı Şükrü İĞDIR ıöü 1.234,50 ₺")).isEqualTo("Çağrı Şükrü İĞDIR ıöü 1.234,50 ₺");
    }

    @Test
    void nothingAppendsNothing() {
        assertThat(HtmlText.append(new StringBuilder("a"), null)).hasToString("a");
    }

    private static String escape(String text) {
        return HtmlText.append(new StringBuilder(), text).toString();
    }
}
