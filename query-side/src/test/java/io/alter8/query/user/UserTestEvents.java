package io.alter8.query.user;

import io.alter8.api.common.Country;
import io.alter8.api.common.EmailAddress;
import io.alter8.api.common.EncryptedValue;
import io.alter8.api.common.PhoneNumber;
import io.alter8.api.common.UserId;
import io.alter8.api.user.AgentProfile;
import io.alter8.api.user.AgentProfileUpdated;
import io.alter8.api.user.AgentVerificationStatus;
import io.alter8.api.user.AgentVerificationStatusChanged;
import io.alter8.api.user.BankAccount;
import io.alter8.api.user.BusinessType;
import io.alter8.api.user.CheckStatus;
import io.alter8.api.user.CommissionType;
import io.alter8.api.user.OwnerProfile;
import io.alter8.api.user.OwnerProfileUpdated;
import io.alter8.api.user.PostalCodeRange;
import io.alter8.api.user.Role;
import io.alter8.api.user.ServiceArea;
import io.alter8.api.user.TenantProfile;
import io.alter8.api.user.TenantProfileUpdated;
import io.alter8.api.user.TenantScreeningRecorded;
import io.alter8.api.user.UserRegistered;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** User events as the command side writes them, for the query side's tests. Ciphertexts are opaque bytes here. */
public final class UserTestEvents {

    /** Stands for a ciphertext: the read model must never contain it. */
    static final String CIPHERTEXT = Base64.getEncoder().encodeToString("not-for-the-read-side".getBytes());

    private UserTestEvents() {
    }

    public static UserRegistered registered(UUID id, String firstName, String lastName, Role role) {
        return new UserRegistered(new UserId(id), new EmailAddress(firstName + "." + id + "@example.com"),
                                  new PhoneNumber("+919876543210"), firstName, lastName, role, Country.IN, "en",
                                  null);
    }

    static EncryptedValue encrypted(String masked) {
        return new EncryptedValue("key-1", EncryptedValue.AES_256_GCM, CIPHERTEXT, "fp-" + masked, masked);
    }

    static OwnerProfileUpdated ownerProfile(UUID id) {
        return new OwnerProfileUpdated(new UserId(id), new OwnerProfile(
                "Rao Estates", BusinessType.COMPANY, encrypted("XXXXXX234F"), encrypted("XXXXXXXX9012"),
                encrypted("XXXXXXXXXXX1Z5"), null, List.of(),
                new BankAccount(encrypted("XXXXXXXX4321"), "HDFC0001234", "HDFC", "Asha Rao"), List.of()),
                                       new UserId(id));
    }

    public static AgentProfileUpdated agentProfile(UUID id, String city, int experienceYears,
                                                   String... specialisations) {
        return new AgentProfileUpdated(new UserId(id), new AgentProfile(
                "PRM/KA/RERA/1251/" + experienceYears, LocalDate.of(2028, 3, 31), "Metro Homes", "AG-77",
                List.of(specialisations), new BigDecimal("2.00"), CommissionType.PERCENTAGE,
                List.of(new ServiceArea(city, "Karnataka", List.of(new PostalCodeRange("560001", "560100"))),
                        new ServiceArea("Mysuru", "Karnataka", List.of())),
                null, List.of(), experienceYears, List.of()), new UserId(id));
    }

    public static AgentVerificationStatusChanged licenceReviewed(UUID id, AgentVerificationStatus from,
                                                          AgentVerificationStatus to) {
        return new AgentVerificationStatusChanged(new UserId(id), from, to, null, UserId.random());
    }

    static TenantProfileUpdated tenantProfile(UUID id) {
        return new TenantProfileUpdated(new UserId(id), new TenantProfile(
                LocalDate.of(1995, 5, 17), "Engineer", null, null, null, null, null, null,
                encrypted("XXXXXXXX9012"), encrypted("XXXXXX234F"), null, null, List.of(), null, null, List.of(),
                null, List.of()), new UserId(id));
    }

    static TenantScreeningRecorded screening(UUID id, CheckStatus background, CheckStatus credit) {
        return new TenantScreeningRecorded(new UserId(id), background, null, credit, 780, UserId.random());
    }
}
