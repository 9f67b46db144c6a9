package io.alter8.command.notification;

import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * The scheduled check behind "payment due in 3 days": a charge falling due within {@value #DAYS_AHEAD} days that the
 * lease's credit does not pay reminds its tenants of what is left to pay, once per charge and due date.
 */
@Component
class PaymentDueSoonCheck implements NotificationCheck {

    static final int DAYS_AHEAD = 3;

    private final RentCharges charges;
    private final KeyedNotices notices;

    PaymentDueSoonCheck(RentCharges charges, KeyedNotices notices) {
        this.charges = charges;
        this.notices = notices;
    }

    @Override
    public int run(LocalDate today) {
        return notices.issue(
                charges.open(today, today.plusDays(DAYS_AHEAD)),
                charge -> "due:" + charge.leaseId() + ":" + charge.chargeNumber() + ":" + charge.dueDate(),
                charge -> charges.remindTenants(charge, "payment_due_soon"));
    }
}
