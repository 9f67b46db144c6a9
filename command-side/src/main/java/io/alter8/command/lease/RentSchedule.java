package io.alter8.command.lease;

import io.alter8.api.common.Money;
import io.alter8.api.lease.ChargeFrequency;
import io.alter8.api.lease.LeaseTerms;
import io.alter8.api.lease.RecurringCharge;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The charges of a lease computed from its terms alone, so the same terms always give the same schedule:
 * <ul>
 *   <li>period k starts on the start date plus k months, counted from the start date each time (31 Jan, 28/29 Feb,
 *       31 Mar: no drift) and ends the day before the next one starts; no period starts after the last day, and the
 *       last one ends on it;</li>
 *   <li>a last period shorter than a full one is pro-rated by days: its rent and its maintenance are each
 *       × days in the period ÷ days of the full period, rounded half-up to the currency's minor unit;</li>
 *   <li>on each anniversary of the start date the rent becomes the previous year's × (1 + p/100), rounded half-up;
 *       the next year compounds on that rounded amount. Maintenance does not escalate;</li>
 *   <li>the due date is the period's start, or, when the terms name a due day, that day of the month the period
 *       starts in (clamped to the month's length) but never before the lease starts: rent is paid in advance;</li>
 *   <li>recurring charges and one-off charges add to the other charges of the period their date falls in.</li>
 * </ul>
 */
final class RentSchedule {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private RentSchedule() {
    }

    /** One period's charge; {@code number} counts periods from 0. */
    record Charge(int number, LocalDate periodStart, LocalDate periodEnd, LocalDate dueDate, Money rent,
                  Money maintenance, Money otherCharges) {

        Money amountDue() {
            return rent.plus(maintenance).plus(otherCharges);
        }
    }

    /** A sum due on one day outside the monthly rhythm (an early-termination penalty). */
    record OneOff(LocalDate date, Money amount) {
    }

    /**
     * The terms of an automatic renewal: from the day after the end date for as long again (whole months stay whole
     * months), at the rent the escalation gives the year after the last one begun (a lease of 12 months: one
     * increase; of 18: two), with no rent review pending. Everything else carries over, automatic renewal included.
     */
    static LeaseTerms renewalTerms(LeaseTerms terms) {
        LocalDate start = terms.endDate().plusDays(1);
        long months = ChronoUnit.MONTHS.between(terms.startDate(), start);
        LocalDate end = terms.startDate().plusMonths(months).equals(start)
                ? start.plusMonths(months).minusDays(1)
                : start.plusDays(ChronoUnit.DAYS.between(terms.startDate(), terms.endDate()));
        String currency = terms.monthlyRent().currency();
        int scale = Currency.getInstance(currency).getDefaultFractionDigits();
        BigDecimal increase = terms.annualRentIncreasePercent() == null ? BigDecimal.ZERO
                                                                        : terms.annualRentIncreasePercent();
        BigDecimal rent = terms.monthlyRent().amount();
        for (long year = 0; year < Math.max(1, (months + 11) / 12); year++) {
            rent = escalated(rent, increase, scale);
        }
        return new LeaseTerms(start, end, terms.noticePeriodDays(), terms.renewalOption(), terms.autoRenewal(),
                              new Money(rent, currency), terms.securityDeposit(), terms.maintenanceCharge(),
                              terms.brokerageAmount(), terms.annualRentIncreasePercent(), null, terms.agreementType(),
                              terms.specialTerms(), terms.rentDueDay(), terms.lateFee());
    }

    /** A year's rent after one increase of {@code percent}, rounded half-up to the minor unit. */
    private static BigDecimal escalated(BigDecimal rent, BigDecimal percent, int scale) {
        return rent.multiply(BigDecimal.ONE.add(percent.divide(HUNDRED))).setScale(scale, RoundingMode.HALF_UP);
    }

    /** The schedule of the whole term. */
    static List<Charge> of(LeaseTerms terms, List<RecurringCharge> recurring) {
        return of(terms, terms.endDate(), recurring, List.of());
    }

    /**
     * The schedule of a lease whose last day is {@code lastDay} (its end date, or the day a termination ends it),
     * with {@code recurring} charges and {@code oneOffs} added to their periods.
     */
    static List<Charge> of(LeaseTerms terms, LocalDate lastDay, List<RecurringCharge> recurring, List<OneOff> oneOffs) {
        String currency = terms.monthlyRent().currency();
        int scale = Currency.getInstance(currency).getDefaultFractionDigits();
        BigDecimal maintenance = terms.maintenanceCharge() == null ? BigDecimal.ZERO
                                                                   : terms.maintenanceCharge().amount();
        BigDecimal increase = terms.annualRentIncreasePercent() == null ? BigDecimal.ZERO
                                                                        : terms.annualRentIncreasePercent();
        BigDecimal yearRent = terms.monthlyRent().amount();
        int year = 0;
        List<Charge> charges = new ArrayList<>();
        for (int k = 0; !terms.startDate().plusMonths(k).isAfter(lastDay); k++) {
            LocalDate start = terms.startDate().plusMonths(k);
            LocalDate nextStart = terms.startDate().plusMonths(k + 1L);
            for (; year < k / 12; year++) {
                yearRent = escalated(yearRent, increase, scale);
            }
            BigDecimal rent = yearRent;
            BigDecimal upkeep = maintenance;
            LocalDate end = nextStart.minusDays(1);
            if (end.isAfter(lastDay)) {
                end = lastDay;
                long days = ChronoUnit.DAYS.between(start, end) + 1;
                long fullDays = ChronoUnit.DAYS.between(start, nextStart);
                rent = prorate(rent, days, fullDays, scale);
                upkeep = prorate(upkeep, days, fullDays, scale);
            }
            charges.add(new Charge(k, start, end, dueDate(terms, start), new Money(rent, currency),
                                   new Money(upkeep, currency), Money.zero(currency)));
        }
        for (RecurringCharge charge : recurring) {
            for (LocalDate date : occurrences(charge, lastDay)) {
                addTo(charges, date, charge.amount());
            }
        }
        for (OneOff oneOff : oneOffs) {
            addTo(charges, oneOff.date(), oneOff.amount());
        }
        return List.copyOf(charges);
    }

    /** The days a recurring charge falls due on, up to {@code lastDay}. */
    static List<LocalDate> occurrences(RecurringCharge charge, LocalDate lastDay) {
        int step = switch (charge.frequency() == null ? ChargeFrequency.MONTHLY : charge.frequency()) {
            case MONTHLY -> 1;
            case QUARTERLY -> 3;
            case ANNUALLY -> 12;
        };
        LocalDate until = charge.endDate() == null || charge.endDate().isAfter(lastDay) ? lastDay : charge.endDate();
        YearMonth first = YearMonth.from(charge.startDate());
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; ; i += step) {
            YearMonth month = first.plusMonths(i);
            LocalDate date = month.atDay(Math.min(charge.dayOfMonth(), month.lengthOfMonth()));
            if (date.isAfter(until)) {
                return dates;
            }
            if (!date.isBefore(charge.startDate())) {
                dates.add(date);
            }
        }
    }

    private static LocalDate dueDate(LeaseTerms terms, LocalDate periodStart) {
        if (terms.rentDueDay() == null) {
            return periodStart;
        }
        YearMonth month = YearMonth.from(periodStart);
        LocalDate due = month.atDay(Math.min(terms.rentDueDay(), month.lengthOfMonth()));
        return due.isBefore(terms.startDate()) ? terms.startDate() : due;
    }

    private static BigDecimal prorate(BigDecimal amount, long days, long fullDays, int scale) {
        return amount.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(fullDays), scale,
                                                                 RoundingMode.HALF_UP);
    }

    /** Adds to the period {@code date} falls in; a date outside the lease adds to nothing. */
    private static void addTo(List<Charge> charges, LocalDate date, Money amount) {
        for (int i = 0; i < charges.size(); i++) {
            Charge c = charges.get(i);
            if (!date.isBefore(c.periodStart()) && !date.isAfter(c.periodEnd())) {
                charges.set(i, new Charge(c.number(), c.periodStart(), c.periodEnd(), c.dueDate(), c.rent(),
                                          c.maintenance(), c.otherCharges().plus(amount)));
                return;
            }
        }
    }
}
