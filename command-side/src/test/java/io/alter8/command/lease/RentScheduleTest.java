package io.alter8.command.lease;

import io.alter8.api.common.Money;
import io.alter8.api.lease.AgreementType;
import io.alter8.api.lease.ChargeFrequency;
import io.alter8.api.lease.ChargeType;
import io.alter8.api.lease.LeaseTerms;
import io.alter8.api.lease.RecurringCharge;
import io.alter8.command.lease.RentSchedule.Charge;
import io.alter8.command.lease.RentSchedule.OneOff;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The rent schedule, exactly: month ends, leap years, the pro-rated last period, escalation, due days, extras. */
class RentScheduleTest {

    static LeaseTerms terms(String start, String end, String rent, String maintenance, String increase,
                            Integer dueDay) {
        return new LeaseTerms(LocalDate.parse(start), LocalDate.parse(end), 30, true, false, inr(rent), inr("0"),
                              inr(maintenance), inr("0"), new BigDecimal(increase), null, AgreementType.STANDARD,
                              List.of(), dueDay, null);
    }

    static Money inr(String amount) {
        return Money.of(amount, "INR");
    }

    static List<LocalDate> starts(List<Charge> charges) {
        return charges.stream().map(Charge::periodStart).toList();
    }

    static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void aLeaseStartingOnTheLastDayOfJanuaryIsDueOnEachMonthsLastDayWithoutDrift() {
        List<Charge> charges = RentSchedule.of(terms("2026-01-31", "2026-05-30", "20000", "0", "0", null), List.of());

        assertThat(starts(charges)).containsExactly(d("2026-01-31"), d("2026-02-28"), d("2026-03-31"),
                                                    d("2026-04-30"));
        assertThat(charges).extracting(Charge::dueDate).containsExactly(d("2026-01-31"), d("2026-02-28"),
                                                                         d("2026-03-31"), d("2026-04-30"));
        assertThat(charges).extracting(Charge::periodEnd).containsExactly(d("2026-02-27"), d("2026-03-30"),
                                                                           d("2026-04-29"), d("2026-05-30"));
        assertThat(charges).extracting(Charge::rent).containsOnly(inr("20000"));
        assertThat(charges).extracting(Charge::number).containsExactly(0, 1, 2, 3);
    }

    @Test
    void inALeapYearFebruaryHasItsTwentyNinthDay() {
        List<Charge> charges = RentSchedule.of(terms("2028-01-31", "2028-04-29", "20000", "0", "0", null), List.of());

        assertThat(starts(charges)).containsExactly(d("2028-01-31"), d("2028-02-29"), d("2028-03-31"));
        assertThat(charges.get(0).periodEnd()).isEqualTo(d("2028-02-28"));
        assertThat(charges.get(1).periodEnd()).isEqualTo(d("2028-03-30"));
        assertThat(charges.get(2).periodEnd()).isEqualTo(d("2028-04-29"));
        assertThat(charges).extracting(Charge::rent).containsOnly(inr("20000"));
    }

    @Test
    void aYearFromTheFirstIsTwelveFullPeriodsAndNoThirteenth() {
        List<Charge> charges = RentSchedule.of(terms("2026-01-01", "2026-12-31", "25000", "1500", "0", null),
                                               List.of());

        assertThat(charges).hasSize(12);
        assertThat(charges.get(11).periodStart()).isEqualTo(d("2026-12-01"));
        assertThat(charges.get(11).periodEnd()).isEqualTo(d("2026-12-31"));
        assertThat(charges).extracting(Charge::amountDue).containsOnly(inr("26500"));
    }

    @Test
    void aShorterLastPeriodIsProRatedByDaysOfTheFullPeriodRentAndMaintenanceEach() {
        // 1 to 15 March of a 31-day period: 30000 × 15/31 = 14516.129… and 1000 × 15/31 = 483.870…
        List<Charge> charges = RentSchedule.of(terms("2026-01-01", "2026-03-15", "30000", "1000", "0", null),
                                               List.of());

        Charge last = charges.get(2);
        assertThat(charges).hasSize(3);
        assertThat(last.periodStart()).isEqualTo(d("2026-03-01"));
        assertThat(last.periodEnd()).isEqualTo(d("2026-03-15"));
        assertThat(last.rent()).isEqualTo(inr("14516.13"));
        assertThat(last.maintenance()).isEqualTo(inr("483.87"));
        assertThat(last.amountDue()).isEqualTo(inr("15000.00"));
        assertThat(charges.get(1).rent()).isEqualTo(inr("30000"));
    }

    @Test
    void proRatingRoundsHalfUpToTheMinorUnit() {
        // 15 of April's 30 days of 100.01 is 50.005: half-up makes it 50.01 (half-even would keep 50.00).
        List<Charge> charges = RentSchedule.of(terms("2026-01-01", "2026-04-15", "100.01", "0", "0", null),
                                               List.of());

        assertThat(charges.get(3).rent()).isEqualTo(inr("50.01"));
    }

    @Test
    void aLastPeriodOfOneDayIsOneDayOfItsMonth() {
        // The lease ends on the day the second period starts: that period is 1 day of February's 28.
        List<Charge> charges = RentSchedule.of(terms("2026-01-01", "2026-02-01", "28000", "0", "0", null),
                                               List.of());

        assertThat(charges).hasSize(2);
        assertThat(charges.get(1).periodEnd()).isEqualTo(d("2026-02-01"));
        assertThat(charges.get(1).rent()).isEqualTo(inr("1000.00"));
    }

    @Test
    void theFirstPeriodIsProRatedTooWhenTheLeaseIsShorterThanAMonth() {
        List<Charge> charges = RentSchedule.of(terms("2026-02-01", "2026-02-14", "28000", "2800", "0", null),
                                               List.of());

        assertThat(charges).singleElement().satisfies(c -> {
            assertThat(c.rent()).isEqualTo(inr("14000.00"));
            assertThat(c.maintenance()).isEqualTo(inr("1400.00"));
        });
    }

    @Test
    void rentEscalatesOnEachAnniversaryCompoundingOnTheRoundedAmountAndMaintenanceStays() {
        // 15555.55 × 1.05 = 16333.3275 → 16333.33; 16333.33 × 1.05 = 17149.9965 → 17150.00
        // (compounding the unrounded amount would give 17149.99).
        List<Charge> charges = RentSchedule.of(terms("2026-03-01", "2029-02-28", "15555.55", "500", "5", null),
                                               List.of());

        assertThat(charges).hasSize(36);
        assertThat(charges.subList(0, 12)).extracting(Charge::rent).containsOnly(inr("15555.55"));
        assertThat(charges.subList(12, 24)).extracting(Charge::rent).containsOnly(inr("16333.33"));
        assertThat(charges.subList(24, 36)).extracting(Charge::rent).containsOnly(inr("17150.00"));
        assertThat(charges.get(12).periodStart()).isEqualTo(d("2027-03-01"));
        assertThat(charges.get(24).periodStart()).isEqualTo(d("2028-03-01"));
        assertThat(charges).extracting(Charge::maintenance).containsOnly(inr("500"));
    }

    @Test
    void aProRatedLastPeriodInAnEscalatedYearStartsFromTheEscalatedRent() {
        // Year two's rent is 11000.00; the last period, 1 to 14 Feb 2027, is 14 of 28 days of it.
        List<Charge> charges = RentSchedule.of(terms("2026-01-01", "2027-02-14", "10000", "0", "10", null),
                                               List.of());

        assertThat(charges).hasSize(14);
        assertThat(charges.get(12).rent()).isEqualTo(inr("11000.00"));
        assertThat(charges.get(13).rent()).isEqualTo(inr("5500.00"));
    }

    @Test
    void anAnniversaryOnTheTwentyNinthOfFebruaryFallsOnTheTwentyEighthNextYear() {
        List<Charge> charges = RentSchedule.of(terms("2028-02-29", "2029-03-28", "10000", "0", "10", null),
                                               List.of());

        assertThat(charges.get(12).periodStart()).isEqualTo(d("2029-02-28"));
        assertThat(charges.get(12).rent()).isEqualTo(inr("11000.00"));
        assertThat(charges.get(11).periodEnd()).isEqualTo(d("2029-02-27"));
    }

    @Test
    void aNamedDueDayIsThatDayOfTheMonthThePeriodStartsInButNeverBeforeTheLease() {
        List<Charge> charges = RentSchedule.of(terms("2026-01-15", "2026-04-14", "20000", "0", "0", 5), List.of());

        assertThat(charges).extracting(Charge::dueDate).containsExactly(d("2026-01-15"), d("2026-02-05"),
                                                                         d("2026-03-05"));
    }

    @Test
    void aDueDayBeyondTheMonthsLengthIsItsLastDay() {
        List<Charge> charges = RentSchedule.of(terms("2028-01-01", "2028-04-30", "20000", "0", "0", 31), List.of());

        assertThat(charges).extracting(Charge::dueDate).containsExactly(d("2028-01-31"), d("2028-02-29"),
                                                                         d("2028-03-31"), d("2028-04-30"));
    }

    @Test
    void recurringChargesAddToTheOtherChargesOfThePeriodTheyFallInEachAtItsFrequency() {
        LeaseTerms terms = terms("2026-01-10", "2027-01-09", "20000", "1000", "0", null);
        RecurringCharge water = recurring(ChargeType.UTILITY, "300", ChargeFrequency.MONTHLY, 12, "2026-01-10", null);
        RecurringCharge service = recurring(ChargeType.FEE, "900", ChargeFrequency.QUARTERLY, 1, "2026-02-01", null);
        RecurringCharge renewal = recurring(ChargeType.OTHER, "5000", ChargeFrequency.ANNUALLY, 20, "2026-01-10",
                                            null);

        List<Charge> charges = RentSchedule.of(terms, List.of(water, service, renewal));

        assertThat(charges).hasSize(12);
        // Period 0 (10 Jan to 9 Feb): water on 12 Jan, the annual charge on 20 Jan, the first quarterly on 1 Feb.
        assertThat(charges.get(0).otherCharges()).isEqualTo(inr("6200"));
        assertThat(charges.get(0).amountDue()).isEqualTo(inr("27200"));
        // Quarterly on 1 Feb, 1 May, 1 Aug, 1 Nov: periods 0, 3, 6, 9.
        assertThat(charges).extracting(c -> c.otherCharges().amount().intValue())
                           .containsExactly(6200, 300, 300, 1200, 300, 300, 1200, 300, 300, 1200, 300, 300);
        assertThat(RentSchedule.occurrences(service, terms.endDate()))
                .containsExactly(d("2026-02-01"), d("2026-05-01"), d("2026-08-01"), d("2026-11-01"));
    }

    @Test
    void aRecurringChargeKeepsToItsOwnStartAndEndAndItsDayClampsToTheMonth() {
        RecurringCharge parking = recurring(ChargeType.FEE, "750", ChargeFrequency.MONTHLY, 31, "2026-02-15",
                                            "2026-04-30");

        assertThat(RentSchedule.occurrences(parking, d("2026-12-31")))
                .containsExactly(d("2026-02-28"), d("2026-03-31"), d("2026-04-30"));
        assertThat(RentSchedule.occurrences(parking, d("2026-03-30"))).containsExactly(d("2026-02-28"));
    }

    @Test
    void aTerminationDayEndsTheScheduleThereAndItsPenaltyJoinsTheLastPeriod() {
        LeaseTerms terms = terms("2026-01-01", "2026-12-31", "31000", "0", "0", null);

        List<Charge> charges = RentSchedule.of(terms, d("2026-03-10"), List.of(),
                                               List.of(new OneOff(d("2026-03-10"), inr("20000"))));

        assertThat(charges).hasSize(3);
        assertThat(charges.get(2).periodEnd()).isEqualTo(d("2026-03-10"));
        assertThat(charges.get(2).rent()).isEqualTo(inr("10000.00"));
        assertThat(charges.get(2).otherCharges()).isEqualTo(inr("20000"));
    }

    @Test
    void aStartInThePastGivesThePastPeriodsToo() {
        List<Charge> charges = RentSchedule.of(terms("2019-06-01", "2027-05-31", "18000", "0", "0", null),
                                               List.of());

        assertThat(charges).hasSize(96);
        assertThat(charges.get(0).dueDate()).isEqualTo(d("2019-06-01"));
    }

    @Test
    void everyAmountIsInTheLeasesCurrencyAtItsScale() {
        LeaseTerms terms = new LeaseTerms(d("2026-01-01"), d("2026-02-10"), 30, true, false, Money.of("1000", "USD"),
                                          Money.of("0", "USD"), Money.of("10", "USD"), Money.of("0", "USD"),
                                          new BigDecimal("3"), null, AgreementType.STANDARD, List.of(), null, null);

        List<Charge> charges = RentSchedule.of(terms, List.of());

        assertThat(charges).flatExtracting(Charge::rent, Charge::maintenance, Charge::otherCharges)
                           .allSatisfy(m -> assertThat(((Money) m).currency()).isEqualTo("USD"));
        // 10 of 28 days: 357.142… and 3.571…
        assertThat(charges.get(1).rent()).isEqualTo(Money.of("357.14", "USD"));
        assertThat(charges.get(1).maintenance()).isEqualTo(Money.of("3.57", "USD"));
    }

    static RecurringCharge recurring(ChargeType type, String amount, ChargeFrequency frequency, int day, String start,
                                     String end) {
        return new RecurringCharge(UUID.randomUUID(), type, inr(amount), frequency, day, d(start),
                                   end == null ? null : d(end), null);
    }
}
