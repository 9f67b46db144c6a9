package io.alter8.command.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.lease.AddRecurringCharge;
import io.alter8.api.lease.ChargeFrequency;
import io.alter8.api.lease.ChargeType;
import io.alter8.api.lease.DeductFromDeposit;
import io.alter8.api.lease.PaymentMethod;
import io.alter8.api.lease.RecordPayment;
import io.alter8.api.lease.RecurringCharge;
import io.alter8.api.lease.RefundDeposit;
import io.alter8.api.lease.WaiveLateFee;
import io.alter8.command.web.CommandAccepted;
import io.alter8.command.web.CommandSender;
import io.alter8.command.web.MoneyInput;
import io.alter8.command.web.OneOf;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The money of a lease in force: payments, waivers of late fees, recurring charges, and the deposit at move-out. Each
 * answers the lease's new version; every change takes {@code If-Match} and {@code Idempotency-Key}.
 */
@RestController
@RequestMapping("/api/leases/{id}")
@Tag(name = "Lease money", description = "Record payments, waive late fees, add recurring charges, settle the deposit")
class LeaseMoneyController {

    private final CommandSender commands;

    LeaseMoneyController(CommandSender commands) {
        this.commands = commands;
    }

    /** {@code id} names the payment, so sending it again records nothing more. */
    record PaymentRequest(UUID id,
                          @NotNull @Valid MoneyInput amount,
                          @NotNull @OneOf(PaymentMethod.class) String method,
                          @NotNull @PastOrPresent Instant paidAt,
                          @Size(max = RentAccount.MAX_TEXT_LENGTH) String gatewayId,
                          @Size(max = RentAccount.MAX_TEXT_LENGTH) String gatewayTransactionId,
                          @Size(max = RentAccount.MAX_TEXT_LENGTH) String reference) {
    }

    record WaiverRequest(@NotBlank @Size(max = Lease.MAX_REASON_LENGTH) String reason) {
    }

    record DeductionRequest(@NotNull @Valid MoneyInput amount,
                            @NotBlank @Size(max = Lease.MAX_REASON_LENGTH) String reason) {
    }

    record RefundRequest(@Size(max = RentAccount.MAX_TEXT_LENGTH) String reference) {
    }

    /** {@code frequency} left out is monthly; {@code endDate} left out is the lease's end. */
    record RecurringChargeRequest(UUID id,
                                  @NotNull @OneOf(ChargeType.class) String type,
                                  @NotNull @Valid MoneyInput amount,
                                  @OneOf(ChargeFrequency.class) String frequency,
                                  @NotNull @Min(1) @Max(31) Integer dayOfMonth,
                                  @NotNull LocalDate startDate,
                                  LocalDate endDate,
                                  @Size(max = Lease.MAX_REASON_LENGTH) String description) {
    }

    @PostMapping("/payments")
    @Operation(summary = "Record a payment: a tenant pays their lease, the owner, manager or an admin record one",
               description = "The payment pays the oldest charges due; what is left is credit for the next charge to "
                       + "fall due. The same payment id, or the same gatewayTransactionId, is recorded once.")
    ResponseEntity<CommandAccepted> pay(@PathVariable UUID id, @Valid @RequestBody PaymentRequest request,
                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                        String ifMatch) {
        UUID payment = request.id() == null ? UUID.randomUUID() : request.id();
        return commands.change(new LeaseId(id), ifMatch, (lease, by, version) ->
                new RecordPayment(lease, payment, request.amount().toMoney(), PaymentMethod.fromWire(request.method()),
                                  request.paidAt(), request.gatewayId(), request.gatewayTransactionId(),
                                  request.reference(), by, version));
    }

    @PostMapping("/late-fees/{feeId}/waiver")
    @Operation(summary = "Waive a late fee, with a reason (the owner, the property's manager or an admin)")
    ResponseEntity<CommandAccepted> waive(@PathVariable UUID id, @PathVariable UUID feeId,
                                          @Valid @RequestBody WaiverRequest request,
                                          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                          String ifMatch) {
        return commands.change(new LeaseId(id), ifMatch, (lease, by, version) ->
                new WaiveLateFee(lease, feeId, request.reason(), by, version));
    }

    @PostMapping("/recurring-charges")
    @Operation(summary = "Add a recurring charge besides rent (fee, utility, other): charges not yet due take it")
    ResponseEntity<CommandAccepted> addCharge(@PathVariable UUID id, @Valid @RequestBody RecurringChargeRequest request,
                                              @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                              String ifMatch) {
        RecurringCharge charge = new RecurringCharge(
                request.id() == null ? UUID.randomUUID() : request.id(), ChargeType.fromWire(request.type()),
                request.amount().toMoney(), request.frequency() == null ? ChargeFrequency.MONTHLY
                                                                        : ChargeFrequency.fromWire(request.frequency()),
                request.dayOfMonth(), request.startDate(), request.endDate(), request.description());
        return commands.change(new LeaseId(id), ifMatch, (lease, by, version) ->
                new AddRecurringCharge(lease, charge, by, version));
    }

    @PostMapping("/deposit/deductions")
    @Operation(summary = "Keep part of the deposit, with a reason, once the lease has ended")
    ResponseEntity<CommandAccepted> deduct(@PathVariable UUID id, @Valid @RequestBody DeductionRequest request,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                           String ifMatch) {
        return commands.change(new LeaseId(id), ifMatch, (lease, by, version) ->
                new DeductFromDeposit(lease, request.amount().toMoney(), request.reason(), by, version));
    }

    @PostMapping("/deposit/refund")
    @Operation(summary = "Refund what is left of the deposit once the lease has ended (once)")
    ResponseEntity<CommandAccepted> refund(@PathVariable UUID id, @Valid @RequestBody RefundRequest request,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                           String ifMatch) {
        return commands.change(new LeaseId(id), ifMatch, (lease, by, version) ->
                new RefundDeposit(lease, request.reference(), by, version));
    }
}
