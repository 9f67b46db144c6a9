package io.alter8.api.user;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/**
 * What proves a tenant's income. The marketplace model names {@code salary_slip}, {@code bank_statement} and
 * {@code itr} (the Indian income-tax return); {@code pay_stub} and {@code tax_return} are their US counterparts.
 */
public enum IncomeProofType implements WireEnum {
    SALARY_SLIP, BANK_STATEMENT, ITR, PAY_STUB, TAX_RETURN;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static IncomeProofType fromWire(String value) {
        return WireEnum.fromWire(IncomeProofType.class, value);
    }
}
