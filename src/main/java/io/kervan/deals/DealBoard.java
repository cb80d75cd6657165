package io.kervan.deals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A pipeline's kanban: one column per open stage, then Won and Lost. Sums are in the reporting
 * {@code currency}; amounts in currencies without an exchange rate are listed per currency in
 * {@code notConverted}.
 */
public record DealBoard(PipelineView pipeline, String currency, List<Column> columns) {

    /**
     * @param key the stage id for a stage column, {@code won} or {@code lost}
     */
    public record Column(String key, String label, StageView stage, DealStatus status, List<DealSummary> cards,
            long count, BigDecimal sum, BigDecimal weighted, Map<String, BigDecimal> notConverted,
            String requirements) {

        /** "1500.00 USD, 20.00 EUR": the amounts left out of the sums; {@code null} when none. */
        public String notConvertedText() {
            if (notConverted.isEmpty()) {
                return null;
            }
            return String.join(", ", notConverted.entrySet().stream()
                    .map(e -> amount(e.getValue()) + " " + e.getKey())
                    .toList());
        }

        public boolean gated() {
            return stage != null && (!stage.requiredFields().isEmpty() || stage.requiresNextActivity());
        }
    }

    public Column column(String key) {
        return columns.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
    }

    /** In the page's language, like every amount on the board. */
    static String amount(BigDecimal value) {
        return io.kervan.shared.MoneyFormat.format(value, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }
}
