package io.alter8.query.user;

import io.alter8.api.common.Country;
import io.alter8.api.common.EncryptedValue;
import io.alter8.api.common.Mask;
import io.alter8.api.common.UserId;
import io.alter8.api.user.AgentProfile;
import io.alter8.api.user.AgentProfileUpdated;
import io.alter8.api.user.AgentVerificationStatus;
import io.alter8.api.user.AgentVerificationStatusChanged;
import io.alter8.api.user.BankAccount;
import io.alter8.api.user.BusinessType;
import io.alter8.api.user.CheckStatus;
import io.alter8.api.user.CommissionType;
import io.alter8.api.user.EmailVerified;
import io.alter8.api.user.OwnerProfile;
import io.alter8.api.user.OwnerProfileUpdated;
import io.alter8.api.user.PersonalDetailsChanged;
import io.alter8.api.user.PhoneVerified;
import io.alter8.api.user.PostalCodeRange;
import io.alter8.api.user.Role;
import io.alter8.api.user.ServiceArea;
import io.alter8.api.user.TenantProfile;
import io.alter8.api.user.TenantProfileUpdated;
import io.alter8.api.user.TenantScreeningRecorded;
import io.alter8.api.user.UserRegistered;
import io.alter8.query.EventStoreFixture;

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
        return registered(id, firstName.toLowerCase() + "." + id + "@example.com", "+919876543210", firstName,
                          lastName, role);
    }

    public static UserRegistered registered(UUID id, String email, String phone, String firstName, String lastName,
                                            Role role) {
        return new UserRegistered(new UserId(id), sealed(id, email, Mask.EMAIL), sealed(id, phone, Mask.PHONE),
                                  sealed(id, firstName, Mask.NAME), sealed(id, lastName, Mask.NAME), role, Country.IN,
                                  "en", null);
    }

    public static EmailVerified emailVerified(UUID id, String email) {
        return new EmailVerified(new UserId(id), sealed(id, email, Mask.EMAIL));
    }

    public static PhoneVerified phoneVerified(UUID id, String phone) {
        return new PhoneVerified(new UserId(id), sealed(id, phone, Mask.PHONE));
    }

    public static PersonalDetailsChanged detailsChanged(UUID id, String firstName, String lastName, String language) {
        return new PersonalDetailsChanged(new UserId(id), sealed(id, firstName, Mask.NAME),
                                          sealed(id, lastName, Mask.NAME), language, null, new UserId(id));
    }

    /**
     * {@code plaintext} encrypted for {@code owner} as the command side encrypts it, under a data key the query side
     * reads (for identity numbers the read side must never decrypt, {@link #encrypted} stands in).
     */
    public static EncryptedValue sealed(UUID owner, String plaintext, Mask mask) {
        return EventStoreFixture.shared().personalData().encrypt(new UserId(owner), plaintext, mask);
    }

    static EncryptedValue encrypted(String masked) {
        return new EncryptedValue("key-1", EncryptedValue.AES_256_GCM, CIPHERTEXT, "fp-" + masked, masked);
    }

    static OwnerProfileUpdated ownerProfile(UUID id) {
        return new OwnerProfileUpdated(new UserId(id), new OwnerProfile(
                "Rao Estates", BusinessType.COMPANY, encrypted("XXXXXX234F"), encrypted("XXXXXXXX9012"),
                encrypted("XXXXXXXXXXX1Z5"), null, List.of(),
                new BankAccount(encrypted("XXXXXXXX4321"), "HDFC0001234", "HDFC", encrypted("A***")), List.of()),
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
                sealed(id, "1995-05-17", Mask.HIDDEN), "Engineer", null, null, null, null, null, null,
                encrypted("XXXXXXXX9012"), encrypted("XXXXXX234F"), null, null, List.of(), null, null, List.of(),
                null, List.of()), new UserId(id));
    }

    static TenantScreeningRecorded screening(UUID id, CheckStatus background, CheckStatus credit) {
        return new TenantScreeningRecorded(new UserId(id), background, null, credit, 780, UserId.random());
    }
}
