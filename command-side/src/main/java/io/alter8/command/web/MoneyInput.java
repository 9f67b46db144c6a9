package io.alter8.command.web;

import io.alter8.api.common.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/** Money as a client sends it: {@code {"amount": "25000.00", "currency": "INR"}}. */
public record MoneyInput(@NotNull @DecimalMin(value = "0", inclusive = false, message = "must be > 0")
                         @Digits(integer = 12, fraction = 2)
                         @Schema(type = "string", format = "number", example = "25000.00") BigDecimal amount,
                         @NotNull @CurrencyCode String currency) {

    public Money toMoney() {
        return new Money(amount, currency);
    }
}
