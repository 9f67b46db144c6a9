package io.alter8.command.lease;

import io.alter8.api.common.Money;
import io.alter8.api.lease.LateFeeKind;
import io.alter8.api.lease.LateFeeRule;
import io.alter8.api.lease.LeaseTerms;
import io.alter8.command.DepositLimit;
import io.alter8.command.DomainRuleViolation;

import java.math.BigDecimal;
import java.util.Objects;

/** The rules of lease terms the request shape cannot state: dates in order, one currency, renewal consistent. */
final class LeaseTermsCheck {

    static final int MAX_NOTICE_DAYS = 365;
    static final int MAX_SPECIAL_TERMS = 50;
    static final int MAX_SPECIAL_TERM_LENGTH = 1000;
    static final int MAX_GRACE_DAYS = 60;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private LeaseTermsCheck() {
    }

    static void check(LeaseTerms terms, String currency) {
        if (terms == null) {
            throw new DomainRuleViolation("missing-terms", "terms are required");
        }
        if (terms.startDate() == null || terms.endDate() == null) {
            throw new DomainRuleViolation("missing-dates", "a lease has a start and an end date");
        }
        if (!terms.endDate().isAfter(terms.startDate())) {
            throw new DomainRuleViolation("invalid-dates", "the end date must be after the start date");
        }
        if (terms.noticePeriodDays() < 0 || terms.noticePeriodDays() > MAX_NOTICE_DAYS) {
            throw new DomainRuleViolation("invalid-notice-period", "the notice period is 0 to 365 days");
        }
        if (terms.autoRenewal() && !terms.renewalOption()) {
            throw new DomainRuleViolation("invalid-renewal", "automatic renewal needs the renewal option");
        }
        if (terms.monthlyRent() == null || !terms.monthlyRent().isPositive()) {
            throw new DomainRuleViolation("invalid-rent", "the monthly rent must be more than zero");
        }
        inCurrency(terms.monthlyRent(), "monthlyRent", currency);
        inCurrency(terms.securityDeposit(), "securityDeposit", currency);
        inCurrency(terms.maintenanceCharge(), "maintenanceCharge", currency);
        inCurrency(terms.brokerageAmount(), "brokerageAmount", currency);
        DepositLimit.check(terms.securityDeposit(), terms.monthlyRent());
        if (terms.rentDueDay() != null && (terms.rentDueDay() < 1 || terms.rentDueDay() > 31)) {
            throw new DomainRuleViolation("invalid-rentDueDay", "rent falls due on a day 1 to 31 of the month");
        }
        if (terms.lateFee() != null) {
            lateFee(terms.lateFee(), currency);
        }
        BigDecimal increase = terms.annualRentIncreasePercent();
        if (increase == null || increase.signum() < 0 || increase.compareTo(HUNDRED) > 0) {
            throw new DomainRuleViolation("invalid-rent-increase", "the annual rent increase is 0 to 100 percent");
        }
        if (terms.nextRentReviewDate() != null && (!terms.nextRentReviewDate().isAfter(terms.startDate())
                || terms.nextRentReviewDate().isAfter(terms.endDate()))) {
            throw new DomainRuleViolation("invalid-review-date",
                                          "the next rent review falls after the start and not after the end");
        }
        if (terms.agreementType() == null) {
            throw new DomainRuleViolation("missing-agreementType", "agreementType is required");
        }
        if (terms.specialTerms().size() > MAX_SPECIAL_TERMS || terms.specialTerms().stream().anyMatch(
                term -> term == null || term.isBlank() || term.length() > MAX_SPECIAL_TERM_LENGTH)) {
            throw new DomainRuleViolation("invalid-special-terms",
                                          "at most 50 special terms, each 1 to 1000 characters");
        }
    }

    /** A fee that is flat (more than zero) or a percentage (more than 0, at most 100), with a cap if any. */
    private static void lateFee(LateFeeRule rule, String currency) {
        if (rule.kind() == null) {
            throw new DomainRuleViolation("missing-lateFee.kind", "a late fee is flat or percent");
        }
        if (rule.kind() == LateFeeKind.FLAT) {
            inCurrency(rule.flatAmount(), "lateFee.flatAmount", currency);
            if (!rule.flatAmount().isPositive()) {
                throw new DomainRuleViolation("invalid-lateFee.flatAmount", "a flat late fee is more than zero");
            }
        } else if (rule.percent() == null || rule.percent().signum() <= 0 || rule.percent().compareTo(HUNDRED) > 0) {
            throw new DomainRuleViolation("invalid-lateFee.percent", "a late fee is more than 0, at most 100 percent");
        }
        if (rule.maximum() != null) {
            inCurrency(rule.maximum(), "lateFee.maximum", currency);
        }
        if (rule.graceDays() < 0 || rule.graceDays() > MAX_GRACE_DAYS) {
            throw new DomainRuleViolation("invalid-lateFee.graceDays", "grace is 0 to 60 days");
        }
    }

    /** A sum that is present, not negative, and in the property's currency. */
    static void inCurrency(Money money, String field, String currency) {
        if (money == null) {
            throw new DomainRuleViolation("missing-" + field, field + " is required");
        }
        if (money.amount().signum() < 0) {
            throw new DomainRuleViolation("invalid-" + field, field + " cannot be negative");
        }
        if (!Objects.equals(money.currency(), currency)) {
            throw new DomainRuleViolation("currency-mismatch", field + " must be in " + currency
                    + ", the property's currency");
        }
    }
}
