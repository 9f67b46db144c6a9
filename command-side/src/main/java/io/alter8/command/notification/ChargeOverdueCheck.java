package io.alter8.command.notification;

import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * The scheduled check behind "charge overdue": a charge still open (after the lease's credit) once its due date and
 * the lease's grace days have passed tells its tenants, once per charge and due date, whether or not a late fee
 * follows (a lease may have none). Charges more than {@value #DAYS_BACK} days past due are left alone: they were told
 * when they became overdue.
 */
@Component
class ChargeOverdueCheck implements NotificationCheck {

    static final int DAYS_BACK = 120;

    private final RentCharges charges;
    private final KeyedNotices notices;

    ChargeOverdueCheck(RentCharges charges, KeyedNotices notices) {
        this.charges = charges;
        this.notices = notices;
    }

    @Override
    public int run(LocalDate today) {
        List<RentCharges.OpenCharge> overdue = charges.open(today.minusDays(DAYS_BACK), today.minusDays(1)).stream()
                .filter(c -> c.dueDate().plusDays(c.graceDays()).isBefore(today)).toList();
        return notices.issue(
                overdue,
                charge -> "overdue:" + charge.leaseId() + ":" + charge.chargeNumber() + ":" + charge.dueDate(),
                charge -> charges.remindTenants(charge, "payment_overdue"));
    }
}
