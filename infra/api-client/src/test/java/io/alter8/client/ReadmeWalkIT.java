package io.alter8.client;

import io.alter8.client.command.api.AuthApi;
import io.alter8.client.command.api.LeasesApi;
import io.alter8.client.command.api.PropertiesApi;
import io.alter8.client.command.model.AddressInput;
import io.alter8.client.command.model.CommandAccepted;
import io.alter8.client.command.model.GeoPointInput;
import io.alter8.client.command.model.LeaseTermsInput;
import io.alter8.client.command.model.ListingStatusRequest;
import io.alter8.client.command.model.LocationInput;
import io.alter8.client.command.model.LoginRequest;
import io.alter8.client.command.model.MoneyInput;
import io.alter8.client.command.model.ProposalRequest;
import io.alter8.client.command.model.RegisterPropertyRequest;
import io.alter8.client.command.model.RegisterRequest;
import io.alter8.client.command.model.RegistrationCodes;
import io.alter8.client.command.model.SpecsInput;
import io.alter8.client.command.model.StatusRequest;
import io.alter8.client.command.model.TermsInput;
import io.alter8.client.command.model.VerificationRequest;
import io.alter8.client.query.model.LeaseView;
import io.alter8.client.query.model.PropertyDetailView;
import io.alter8.client.query.model.PropertySearchPage;
import io.alter8.infra.local.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's walk, sent only through the Java client generated from the committed specs (api/*.json) to both
 * services, started from their built jars on the embedded stores: what a client developer does first. If a spec
 * stops describing what a service really takes or answers, a step here fails.
 */
class ReadmeWalkIT {

    private static final String PASSWORD = "a long enough password";
    private static final Pattern CODE = Pattern.compile("code is ([0-9]{6})");

    private static LocalStack stack;
    private static Path dataDir;

    @BeforeAll
    static void startStack() throws IOException {
        Files.createDirectories(Path.of("target"));
        // Under target/: the services' logs are there to read when a step fails.
        dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "walk-");
        stack = LocalStack.start(LocalStack.Options.forTest(dataDir));
    }

    @AfterAll
    static void stopStack() {
        Optional.ofNullable(stack).ifPresent(LocalStack::close);
    }

    @Test
    void signUpLogInRegisterReadSearchAndApplyThroughTheGeneratedClient() throws Exception {
        // Sign up and log in as an owner.
        String ownerEmail = "asha-" + UUID.randomUUID() + "@example.com";
        signUp(ownerEmail, "+9198" + digits(8), RegisterRequest.RoleEnum.OWNER);
        String ownerToken = logIn(ownerEmail);

        // Register a property: 201, Location on the query side, {id, version, position}.
        PropertiesApi ownerCommands = new PropertiesApi(Clients.command(stack.commandBaseUrl(), ownerToken));
        String rent = (30_000 + Math.abs(UUID.randomUUID().hashCode() % 60_000)) + ".00";
        var created = ownerCommands.propertyRegisterWithHttpInfo(property(rent), "walk-" + UUID.randomUUID());
        assertThat(created.getStatusCode()).isEqualTo(201);
        CommandAccepted registered = created.getData();
        UUID propertyId = registered.getId();
        assertThat(created.getHeaders().get("location"))
                .containsExactly(stack.queryBaseUrl() + "/api/properties/" + propertyId);
        assertThat(created.getHeaders().get("etag")).containsExactly("\"" + registered.getVersion() + "\"");

        // Read it at once from the query side, awaiting the position the command answered.
        var ownerQueries = new io.alter8.client.query.api.PropertiesApi(
                Clients.query(stack.queryBaseUrl(), ownerToken));
        var read = ownerQueries.propertyWithHttpInfo(propertyId, registered.getPosition());
        assertThat(read.getStatusCode()).isEqualTo(200);
        assertThat(Long.parseLong(read.getHeaders().get("x-read-position").get(0)))
                .isGreaterThanOrEqualTo(registered.getPosition());
        PropertyDetailView detail = read.getData();
        assertThat(detail.getTitle()).isEqualTo("2BHK in Indiranagar");
        assertThat(detail.getTerms().getMonthlyRent().getAmount()).isEqualByComparingTo(rent);

        // Put it on the market: active, verified (by an admin), listed publicly.
        long listed = publish(ownerCommands, propertyId);

        // Sign up as a tenant, search for it, and apply for a lease of it.
        String tenantEmail = "ravi-" + UUID.randomUUID() + "@example.com";
        signUp(tenantEmail, "+9197" + digits(8), RegisterRequest.RoleEnum.TENANT);
        String tenantToken = logIn(tenantEmail);
        var tenantQueries = new io.alter8.client.query.api.PropertiesApi(
                Clients.query(stack.queryBaseUrl(), tenantToken));
        BigDecimal exactRent = new BigDecimal(rent);
        PropertySearchPage found = tenantQueries.search("Bangalore", null, null, null, null, exactRent, exactRent,
                                                        null, 2, null, null, null, null, null, null, null, null,
                                                        null, null, "rent,asc", 0, 20, listed);
        assertThat(found.getTotal()).isEqualTo(1);
        assertThat(found.getItems().get(0).getId()).isEqualTo(propertyId);

        LeasesApi tenantLeases = new LeasesApi(Clients.command(stack.commandBaseUrl(), tenantToken));
        var applied = tenantLeases.proposeWithHttpInfo(new ProposalRequest()
                .propertyId(propertyId)
                .terms(new LeaseTermsInput().startDate(LocalDate.now().plusDays(30))
                                            .endDate(LocalDate.now().plusDays(30).plusMonths(11))
                                            .noticePeriodDays(60)
                                            .monthlyRent(inr(rent))
                                            .securityDeposit(inr("75000"))
                                            .specialTerms(List.of("No smoking"))), null);
        assertThat(applied.getStatusCode()).isEqualTo(201);
        UUID leaseId = applied.getData().getId();

        LeaseView lease = new io.alter8.client.query.api.LeasesApi(Clients.query(stack.queryBaseUrl(), tenantToken))
                .lease(leaseId, applied.getData().getPosition());
        assertThat(lease.getPropertyId()).isEqualTo(propertyId);
        assertThat(lease.getApplication()).isTrue();
        assertThat(lease.getTerms().getMonthlyRent().getAmount()).isEqualByComparingTo(rent);
        assertThat(lease.getTerms().getNoticePeriodDays()).isEqualTo(60);
    }

    /**
     * Sign-up, in one place: 202 with a registration id, a code to the e-mail address and another to the phone (the
     * local stack's inbox files stand in for both), and the account exists once both codes come back.
     */
    private static void signUp(String email, String phone, RegisterRequest.RoleEnum role) throws Exception {
        AuthApi auth = new AuthApi(Clients.command(stack.commandBaseUrl(), null));
        var started = auth.authRegisterWithHttpInfo(
                new RegisterRequest().email(email).phone(phone).firstName("Asha").lastName("Rao").role(role)
                                     .country(RegisterRequest.CountryEnum.IN).password(PASSWORD));
        assertThat(started.getStatusCode()).isEqualTo(202);
        var finished = auth.completeRegistrationWithHttpInfo(new RegistrationCodes()
                .registrationId(started.getData().getRegistrationId())
                .emailCode(codeSentTo(email)).phoneCode(codeSentTo(phone)));
        assertThat(finished.getStatusCode()).isEqualTo(201);
    }

    /** The last code the local stack's inbox holds for {@code destination}, once delivery has brought it. */
    private static String codeSentTo(String destination) {
        Path inbox = dataDir.resolve("inbox").resolve(destination + ".txt");
        return await("a code sent to " + destination).atMost(Duration.ofSeconds(20))
                      .until(() -> lastCode(inbox), java.util.Objects::nonNull);
    }

    private static String lastCode(Path inbox) throws IOException {
        if (!Files.exists(inbox)) {
            return null;
        }
        Matcher code = CODE.matcher(Files.readString(inbox));
        String last = null;
        while (code.find()) {
            last = code.group(1);
        }
        return last;
    }

    private static String logIn(String email) throws Exception {
        return new AuthApi(Clients.command(stack.commandBaseUrl(), null))
                .login(new LoginRequest().login(email).password(PASSWORD)).getAccessToken();
    }

    /** Answers the position of the last command, to await on the query side. */
    private static long publish(PropertiesApi owner, UUID propertyId) throws Exception {
        owner.changeStatus(propertyId, new StatusRequest().status(StatusRequest.StatusEnum.ACTIVE), null, null);
        PropertiesApi admin = new PropertiesApi(Clients.command(stack.commandBaseUrl(),
                                                                stack.token(UUID.randomUUID(), "admin")));
        admin.recordVerification(propertyId, new VerificationRequest()
                .status(VerificationRequest.StatusEnum.VERIFIED), null, null);
        return owner.changeListingStatus(propertyId, new ListingStatusRequest()
                .status(ListingStatusRequest.StatusEnum.PUBLIC), null, null).getPosition();
    }

    private static RegisterPropertyRequest property(String rent) {
        return new RegisterPropertyRequest()
                .title("2BHK in Indiranagar").description("Sunny flat near the metro")
                .propertyType(RegisterPropertyRequest.PropertyTypeEnum.APARTMENT)
                .specs(new SpecsInput().bedrooms(2).bathrooms(new BigDecimal("1.5")).carpetArea(new BigDecimal("950"))
                                       .furnishing(SpecsInput.FurnishingEnum.SEMI_FURNISHED))
                .location(new LocationInput()
                        .address(new AddressInput().line1("12 100 Feet Road").city("Bangalore").state("Karnataka")
                                                   .postalCode("560038").country("IN"))
                        .areaName("Indiranagar")
                        .coordinates(new GeoPointInput().latitude(12.9784).longitude(77.6408)))
                .terms(new TermsInput().monthlyRent(inr(rent)).securityDeposit(inr("75000")));
    }

    private static MoneyInput inr(String amount) {
        return new MoneyInput().amount(new BigDecimal(amount)).currency("INR");
    }

    private static String digits(int count) {
        StringBuilder digits = new StringBuilder();
        while (digits.length() < count) {
            digits.append(Math.abs(UUID.randomUUID().getLeastSignificantBits() % 10));
        }
        return digits.toString();
    }
}
