package io.kervan.deals;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DealCardMarkupTests {

    private static final UUID ID = UUID.fromString("0b7e6f2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b");

    @Test
    void aCardCarriesWhatTheBoardScriptAndTheReaderNeed() {
        DealCard card = new DealCard(ID, "Kasım yenilemesi", new BigDecimal("1234.50"), "Öztürk Lojistik A.Ş.",
                "1.234,50 TRY", "Ayşe Yılmaz", "Aşamada 3 gün", true);

        Element article = single(DealCardMarkup.column(List.of(card), "/crm/deals/", "Bayat"));

        assertThat(article.id()).isEqualTo("deal-" + ID);
        assertThat(article.classNames()).contains("deal-card");
        assertThat(article.attr("data-deal-id")).isEqualTo(ID.toString());
        assertThat(article.attr("data-title")).isEqualTo("Kasım yenilemesi");
        assertThat(article.attr("data-value")).isEqualTo("1234.50");
        assertThat(article.selectFirst("a.deal-link").attr("href")).isEqualTo("/crm/deals/" + ID);
        assertThat(article.selectFirst("a.deal-link").text()).isEqualTo("Kasım yenilemesi");
        assertThat(article.selectFirst(".deal-value").text()).isEqualTo("1.234,50 TRY");
        assertThat(article.text()).contains("Öztürk Lojistik A.Ş.", "Ayşe Yılmaz", "Aşamada 3 gün");
        assertThat(article.selectFirst(".stale-badge").text()).isEqualTo("Bayat");
    }

    @Test
    void hostileTextsStayText() {
        String hostile = "\"><script>alert('x')</script><img src=x onerror=alert(1)>";
        DealCard card = new DealCard(ID, hostile, null, hostile, null, hostile, "1 d", false);

        Element article = single(DealCardMarkup.column(List.of(card), "/deals/", "Stale"));

        assertThat(article.select("script, img")).isEmpty();
        assertThat(article.attr("data-title")).isEqualTo(hostile);
        assertThat(article.selectFirst("a.deal-link").text()).isEqualTo(hostile);
        assertThat(article.attributes().size()).isEqualTo(4);
    }

    @Test
    void aCardWithoutValueCompanyOrStalenessLeavesThemOut() {
        DealCard card = new DealCard(ID, "Plain", null, null, null, "Owner", "2 d", false);

        Element article = single(DealCardMarkup.column(List.of(card), "/deals/", "Stale"));

        assertThat(article.hasAttr("data-value")).isFalse();
        assertThat(article.select(".deal-value, .stale-badge")).isEmpty();
        assertThat(article.select(".card-body > div")).hasSize(1);
    }

    @Test
    void anEmptyColumnHasNoMarkup() {
        assertThat(DealCardMarkup.column(List.of(), "/deals/", "Stale")).isEmpty();
    }

    private static Element single(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        assertThat(document.select("article")).hasSize(1);
        return document.selectFirst("article");
    }
}
