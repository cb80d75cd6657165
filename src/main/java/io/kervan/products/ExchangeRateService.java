package io.kervan.products;

import io.kervan.shared.ChangeSet;
import io.kervan.shared.Ids;
import io.kervan.shared.InputCheck;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.RecordChanged;
import io.kervan.shared.RecordNotFoundException;
import io.kervan.shared.Rows;
import io.kervan.shared.StaleVersionException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dated exchange rates (currency → TRY), maintained by admins, and currency conversion for reports
 * and pipeline totals. Everyone signed in may read rates and convert; only admins change them.
 */
@Service
public class ExchangeRateService {

    public static final String RECORD_TYPE = "exchange-rate";
    public static final String BASE_CURRENCY = "TRY";
    static final BigDecimal MAX_RATE = new BigDecimal("10000000000000");
    static final int MAX_LIST = 500;

    private final JdbcClient jdbc;
    private final CatalogueAccess access;
    private final ApplicationEventPublisher events;

    ExchangeRateService(JdbcClient jdbc, CatalogueAccess access, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.events = events;
    }

    /**
     * Converts {@code amount} from one currency to another at the rates of {@code date}: for each
     * non-TRY currency the latest rate on or before {@code date}; TRY is 1; cross rates go through TRY
     * ({@code amount × rate(from) / rate(to)}). The result has 4 decimals, rounded half-up. The same
     * currency on both sides returns {@code amount} unchanged.
     *
     * @throws ExchangeRateMissingException when a needed rate does not exist on or before {@code date}
     * @throws InvalidInputException when an argument is missing or a currency code is malformed
     */
    /**
     * Like {@link #convert}, but empty instead of an exception when a rate is missing: for callers that
     * show "not converted" (board totals) and must not see their transaction marked for rollback.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<BigDecimal> convertIfRated(BigDecimal amount, String from, String to, LocalDate date) {
        try {
            return java.util.Optional.of(convert(amount, from, to, date));
        } catch (ExchangeRateMissingException e) {
            return java.util.Optional.empty();
        }
    }

    @Transactional(readOnly = true)
    public BigDecimal convert(BigDecimal amount, String from, String to, LocalDate date) {
        InputCheck check = new InputCheck();
        if (from == null || from.isBlank()) {
            check.problem("from", "validation.required");
        }
        if (to == null || to.isBlank()) {
            check.problem("to", "validation.required");
        }
        String source = check.currency("from", from, null);
        String target = check.currency("to", to, null);
        if (amount == null) {
            check.problem("amount", "validation.required");
        } else if (!LineItemPricing.sane(amount)) {
            check.problem("amount", "validation.number");
        }
        if (date == null) {
            check.problem("date", "validation.required");
        } else if (PriceListRules.outOfRange(date)) {
            check.problem("date", "validation.products.date");
        }
        check.throwIfInvalid();
        if (source.equals(target)) {
            return amount;
        }
        BigDecimal inTry = amount.multiply(rateToTry(source, date)
                .orElseThrow(() -> new ExchangeRateMissingException(source, date)));
        BigDecimal targetRate = rateToTry(target, date).orElseThrow(() -> new ExchangeRateMissingException(target, date));
        return inTry.divide(targetRate, 4, RoundingMode.HALF_UP);
    }

    /**
     * The rates of {@code currencies} in force on each day from {@code from} to {@code to}, in one query: the
     * rates dated in the span and, per currency, the latest one before it.
     */
    @Transactional(readOnly = true)
    public RateTable rateTable(java.util.Collection<String> currencies, LocalDate from, LocalDate to) {
        java.util.Map<String, java.util.NavigableMap<LocalDate, BigDecimal>> rates = new java.util.HashMap<>();
        if (!currencies.isEmpty()) {
            jdbc.sql("""
                    select currency, rate_date, rate_to_try from exchange_rates
                     where currency = any(:currencies) and rate_date between :from and :to
                    union all
                    (select distinct on (currency) currency, rate_date, rate_to_try from exchange_rates
                      where currency = any(:currencies) and rate_date < :from
                      order by currency, rate_date desc)""")
                    .param("currencies", currencies.toArray(String[]::new))
                    .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                    .query(rs -> {
                        rates.computeIfAbsent(rs.getString("currency"), c -> new java.util.TreeMap<>())
                                .put(rs.getDate("rate_date").toLocalDate(), rs.getBigDecimal("rate_to_try"));
                    });
        }
        return new RateTable(rates);
    }

    /** The latest rate of {@code currency} on or before {@code date}; 1 for TRY; empty when there is none. */
    @Transactional(readOnly = true)
    public Optional<BigDecimal> rateToTry(String currency, LocalDate date) {
        if (BASE_CURRENCY.equals(currency)) {
            return Optional.of(BigDecimal.ONE);
        }
        return jdbc.sql("""
                select rate_to_try from exchange_rates
                 where currency = :currency and rate_date <= :date
                 order by rate_date desc limit 1""")
                .param("currency", currency).param("date", Date.valueOf(date)).query(BigDecimal.class).optional();
    }

    /** Rates newest first (at most 500), optionally of one currency. */
    @Transactional(readOnly = true)
    public List<ExchangeRate> list(String currency) {
        InputCheck check = new InputCheck();
        String code = check.currency("currency", currency, null);
        check.throwIfInvalid();
        return jdbc.sql("""
                select id, currency, rate_date, rate_to_try, updated_at, version from exchange_rates
                 where (cast(:currency as text) is null or currency = :currency)
                 order by rate_date desc, currency, id limit :max""")
                .param("currency", code).param("max", MAX_LIST).query(ExchangeRateService::map).list();
    }

    @Transactional(readOnly = true)
    public ExchangeRate get(UUID id) {
        return jdbc.sql("select id, currency, rate_date, rate_to_try, updated_at, version from exchange_rates where id = :id")
                .param("id", id).query(ExchangeRateService::map).optional()
                .orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
    }

    @Transactional(readOnly = true)
    public boolean canManage() {
        return access.canManageRates();
    }

    @Transactional
    public ExchangeRate create(String currency, LocalDate rateDate, BigDecimal rateToTry) {
        UUID actor = access.requireRateAdmin();
        Valid rate = validate(currency, rateDate, rateToTry, null);
        UUID id = Ids.newId();
        jdbc.sql("""
                insert into exchange_rates (id, currency, rate_date, rate_to_try, created_at, updated_at, created_by,
                    updated_by, version)
                values (:id, :currency, :date, :rate, now(), now(), :actor, :actor, 0)""")
                .param("id", id).param("currency", rate.currency()).param("date", Date.valueOf(rate.date()))
                .param("rate", rate.rate()).param("actor", actor).update();
        ExchangeRate created = get(id);
        events.publishEvent(RecordChanged.of(RECORD_TYPE, id, RecordChanged.Action.CREATED, actor,
                changes(null, created).changes()));
        return created;
    }

    @Transactional
    public ExchangeRate update(UUID id, String currency, LocalDate rateDate, BigDecimal rateToTry, long expectedVersion) {
        UUID actor = access.requireRateAdmin();
        ExchangeRate before = get(id);
        Valid rate = validate(currency, rateDate, rateToTry, id);
        int updated = jdbc.sql("""
                update exchange_rates set currency = :currency, rate_date = :date, rate_to_try = :rate,
                    updated_at = now(), updated_by = :actor, version = version + 1
                 where id = :id and version = :version""")
                .param("id", id).param("currency", rate.currency()).param("date", Date.valueOf(rate.date()))
                .param("rate", rate.rate()).param("actor", actor).param("version", expectedVersion).update();
        if (updated != 1) {
            throw new StaleVersionException(RECORD_TYPE, id);
        }
        ExchangeRate after = get(id);
        events.publishEvent(RecordChanged.of(RECORD_TYPE, id, RecordChanged.Action.UPDATED, actor,
                changes(before, after).changes()));
        return after;
    }

    /** Deletes the rate (rates are reference data, not records with a history of their own). */
    @Transactional
    public void delete(UUID id) {
        UUID actor = access.requireRateAdmin();
        ExchangeRate before = get(id);
        jdbc.sql("delete from exchange_rates where id = :id").param("id", id).update();
        events.publishEvent(RecordChanged.of(RECORD_TYPE, id, RecordChanged.Action.DELETED, actor,
                changes(before, null).changes()));
    }

    private record Valid(String currency, LocalDate date, BigDecimal rate) {
    }

    private Valid validate(String currency, LocalDate date, BigDecimal rate, UUID self) {
        InputCheck check = new InputCheck();
        String code = check.currency("currency", currency, null);
        if (currency == null || currency.isBlank()) {
            check.problem("currency", "validation.required");
        } else if (BASE_CURRENCY.equals(code)) {
            check.problem("currency", "validation.exchangeRate.base");
        }
        if (date == null) {
            check.problem("rateDate", "validation.required");
        } else if (PriceListRules.outOfRange(date)) {
            check.problem("rateDate", "validation.products.date");
        }
        if (rate == null) {
            check.problem("rateToTry", "validation.required");
        } else if (rate.signum() <= 0 || rate.compareTo(MAX_RATE) >= 0 || rate.stripTrailingZeros().scale() > 6) {
            check.problem("rateToTry", "validation.exchangeRate.rate");
        }
        check.throwIfInvalid();
        boolean taken = jdbc.sql("""
                select exists(select 1 from exchange_rates where currency = :currency and rate_date = :date
                   and (cast(:self as uuid) is null or id <> :self))""")
                .param("currency", code).param("date", Date.valueOf(date)).param("self", self)
                .query(Boolean.class).single();
        if (taken) {
            throw new InvalidInputException("rateDate", "validation.exchangeRate.duplicate");
        }
        return new Valid(code, date, rate);
    }

    private static ChangeSet changes(ExchangeRate before, ExchangeRate after) {
        return new ChangeSet()
                .compare("currency", before == null ? null : before.currency(), after == null ? null : after.currency())
                .compare("rateDate", before == null ? null : before.rateDate(), after == null ? null : after.rateDate())
                .compare("rateToTry", before == null ? null : ProductService.plain(before.rateToTry()),
                        after == null ? null : ProductService.plain(after.rateToTry()));
    }

    private static ExchangeRate map(ResultSet rs, int row) throws SQLException {
        return new ExchangeRate(rs.getObject("id", UUID.class), rs.getString("currency"),
                PriceListRepository.date(rs, "rate_date"), rs.getObject("rate_to_try", BigDecimal.class),
                Rows.instant(rs, "updated_at"), rs.getLong("version"));
    }
}
