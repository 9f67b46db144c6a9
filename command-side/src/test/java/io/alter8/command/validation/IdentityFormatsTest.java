package io.alter8.command.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Each country-aware constraint with valid and invalid examples, and the message a client reads. */
class IdentityFormatsTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void startValidation() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void stopValidation() {
        factory.close();
    }

    record Input(@PanNumber String pan,
                 @AadhaarNumber String aadhaar,
                 @Gstin String gstin,
                 @IfscCode String ifsc,
                 @Pincode String pincode,
                 @IndianMobileNumber String indianMobile,
                 @SsnLastFour String ssnLastFour,
                 @UsZipCode String zip,
                 @UsPhoneNumber String usPhone,
                 @ReraLicenceNumber String rera,
                 @EmailFormat String email,
                 List<@Pincode String> pincodes) {
    }

    private static List<String> errors(Input input) {
        Set<ConstraintViolation<Input>> violations = validator.validate(input);
        return violations.stream().map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().toList();
    }

    private static Input only(String field, String value) {
        return new Input(field.equals("pan") ? value : null, field.equals("aadhaar") ? value : null,
                         field.equals("gstin") ? value : null, field.equals("ifsc") ? value : null,
                         field.equals("pincode") ? value : null, field.equals("indianMobile") ? value : null,
                         field.equals("ssnLastFour") ? value : null, field.equals("zip") ? value : null,
                         field.equals("usPhone") ? value : null, field.equals("rera") ? value : null,
                         field.equals("email") ? value : null, null);
    }

    @Test
    void absentValuesAreLeftToNotNull() {
        assertThat(errors(only("none", null))).isEmpty();
    }

    @Test
    void everyBadFieldIsNamedAtOnceWithWhatIsExpected() {
        Input bad = new Input("ABCDE12345", "123412341234", "27AAPFU0939F1Z", "HDFC1001234", "012345",
                              "+915876543210", "0000", "1234", "+11125550123", "a", "priya@localhost",
                              List.of("560001", "56001"));
        assertThat(errors(bad)).containsExactly(
                "aadhaar: must be a 12-digit Aadhaar number that does not start with 0 or 1",
                "email: must be an email address like name@example.com",
                "gstin: must be a GSTIN like 27AAPFU0939F1ZV: state code, PAN, entity number, Z, check character",
                "ifsc: must be an IFSC like HDFC0001234",
                "indianMobile: must be an Indian mobile number like +919876543210",
                "pan: must be a PAN like ABCPE1234F, its 4th letter the holder type (one of P, C, H, F, A, T, B, L, "
                        + "J, G)",
                "pincode: must be a 6-digit Indian pincode",
                "pincodes[1].<list element>: must be a 6-digit Indian pincode",
                "rera: must be a RERA registration number: 3 to 50 capital letters, digits, '/' or '-'",
                "ssnLastFour: must be the last 4 digits of an SSN (not 0000)",
                "usPhone: must be a US phone number like +12125550123",
                "zip: must be a US ZIP code (12345 or 12345-6789)");
    }

    @Nested
    class Pan {

        @ParameterizedTest
        @ValueSource(strings = {"ABCPE1234F", "AAACR5055K", "AAAHS1234Z", "AAGFB7383J", "AAATB1234C"})
        void acceptsPansOfKnownHolderTypes(String pan) {
            assertThat(errors(only("pan", pan))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"ABCXE1234F", "ABCDE1234F", "abcpe1234f", "ABCP1234FF", "ABCPE12345", "ABCPE1234",
                                " ABCPE1234F"})
        void refusesWrongHolderTypesAndShapes(String pan) {
            // D and X are no holder type; lower case and spaces are for the input layer to normalise.
            assertThat(errors(only("pan", pan))).singleElement().asString().startsWith("pan: must be a PAN like");
        }
    }

    @Nested
    class Aadhaar {

        @ParameterizedTest
        @ValueSource(strings = {"234123412346", "499118665246", "499187654323", "876543210988"})
        void acceptsNumbersWithAMatchingCheckDigit(String aadhaar) {
            assertThat(errors(only("aadhaar", aadhaar))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"234123412345", "234123412364", "499118665247"})
        void tellsAMistypedNumberByItsCheckDigit(String aadhaar) {
            // The last is the valid 499118665246 with one digit changed; the second swaps two adjacent digits,
            // which Verhoeff's check catches too.
            assertThat(errors(only("aadhaar", aadhaar))).containsExactly(
                    "aadhaar: is not a valid Aadhaar number: its check digit does not match (mistyped?)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"123412341234", "023412341234", "23412341234", "2341234123467", "2341 2341 2346"})
        void refusesOtherShapes(String aadhaar) {
            assertThat(errors(only("aadhaar", aadhaar))).containsExactly(
                    "aadhaar: must be a 12-digit Aadhaar number that does not start with 0 or 1");
        }

        @Test
        void computesTheCheckDigitVerhoeffsWay() {
            assertThat(IndianIds.verhoeffCheckDigit("23412341234")).isEqualTo(6);
            assertThat(IndianIds.verhoeffCheckDigit("49911866524")).isEqualTo(6);
            assertThat(IndianIds.verhoeffValid("2363")).isTrue(); // Verhoeff's own example: 236 → 3
        }
    }

    @Nested
    class GstNumber {

        @ParameterizedTest
        @ValueSource(strings = {"27AAPFU0939F1ZV", "29AAGCB7383J1Z4", "33AAACH7409R1Z8", "07AAACR5055K1Z9"})
        void acceptsGstinsWithAMatchingCheckCharacter(String gstin) {
            assertThat(errors(only("gstin", gstin))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"27AAPFU0939F1ZW", "07AAACR5055K1Z5", "29AAGCB7383J1Z5"})
        void tellsAMistypedGstinByItsCheckCharacter(String gstin) {
            assertThat(errors(only("gstin", gstin))).containsExactly(
                    "gstin: is not a valid GSTIN: its check character does not match (mistyped?)");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "00AAPFU0939F1ZV", // no state 00
                "45AAPFU0939F1ZV", // nor 45
                "27AAPXU0939F1ZV", // embedded PAN of no holder type
                "27AAPFU0939F0ZV", // entity number 0
                "27AAPFU0939F1YV", // 14th character is always Z
                "27aapfu0939f1zv",
                "27AAPFU0939F1Z"})
        void refusesOtherLayouts(String gstin) {
            assertThat(errors(only("gstin", gstin))).singleElement().asString()
                                                    .startsWith("gstin: must be a GSTIN like 27AAPFU0939F1ZV");
        }

        @Test
        void computesTheCheckCharacterAndNamesTheHoldersPan() {
            assertThat(IndianIds.gstinCheckCharacter("27AAPFU0939F1Z")).isEqualTo('V');
            assertThat(IndianIds.gstinCheckCharacter("07AAACR5055K1Z")).isEqualTo('9');
            assertThat(IndianIds.panOfGstin("27AAPFU0939F1ZV")).isEqualTo("AAPFU0939F");
        }
    }

    @Test
    void ifscIsBankCodeZeroBranch() {
        assertThat(errors(only("ifsc", "HDFC0001234"))).isEmpty();
        assertThat(errors(only("ifsc", "SBIN0ABC123"))).isEmpty();
        assertThat(errors(only("ifsc", "HDF00001234"))).hasSize(1);
        assertThat(errors(only("ifsc", "HDFC00012345"))).hasSize(1);
        assertThat(errors(only("ifsc", "hdfc0001234"))).hasSize(1);
    }

    @Test
    void pincodesAreSixDigitsWithoutALeadingZero() {
        assertThat(errors(only("pincode", "560001"))).isEmpty();
        assertThat(errors(only("pincode", "110001"))).isEmpty();
        assertThat(errors(only("pincode", "060001"))).hasSize(1);
        assertThat(errors(only("pincode", "5600011"))).hasSize(1);
        assertThat(errors(only("pincode", "56000A"))).hasSize(1);
    }

    @Test
    void indianMobilesArePlusNinetyOneAndTenDigitsFromSixToNine() {
        assertThat(errors(only("indianMobile", "+919876543210"))).isEmpty();
        assertThat(errors(only("indianMobile", "+916000000000"))).isEmpty();
        assertThat(errors(only("indianMobile", "9876543210"))).hasSize(1);
        assertThat(errors(only("indianMobile", "+91987654321"))).hasSize(1);
        assertThat(errors(only("indianMobile", "+914012345678"))).hasSize(1); // a Hyderabad landline
        assertThat(errors(only("indianMobile", "+12125550123"))).hasSize(1);
    }

    @Test
    void ssnLastFourIsFourDigitsButNeverZeros() {
        assertThat(errors(only("ssnLastFour", "6789"))).isEmpty();
        assertThat(errors(only("ssnLastFour", "0001"))).isEmpty();
        assertThat(errors(only("ssnLastFour", "0000"))).hasSize(1);
        assertThat(errors(only("ssnLastFour", "678"))).hasSize(1);
        assertThat(errors(only("ssnLastFour", "123-45-6789"))).hasSize(1);
    }

    @Test
    void zipCodesAreFiveDigitsWithAnOptionalPlusFour() {
        assertThat(errors(only("zip", "10001"))).isEmpty();
        assertThat(errors(only("zip", "10001-1234"))).isEmpty();
        assertThat(errors(only("zip", "1000"))).hasSize(1);
        assertThat(errors(only("zip", "10001-123"))).hasSize(1);
        assertThat(errors(only("zip", "10001 1234"))).hasSize(1);
    }

    @Test
    void usPhonesArePlusOneWithANanpAreaCodeAndExchange() {
        assertThat(errors(only("usPhone", "+12125550123"))).isEmpty();
        assertThat(errors(only("usPhone", "+14155550199"))).isEmpty();
        assertThat(errors(only("usPhone", "+11125550123"))).hasSize(1); // area code cannot start with 1
        assertThat(errors(only("usPhone", "+12120550123"))).hasSize(1); // nor the exchange with 0
        assertThat(errors(only("usPhone", "2125550123"))).hasSize(1);
        assertThat(errors(only("usPhone", "+919876543210"))).hasSize(1);
    }

    @Test
    void reraNumbersOfEveryStateButNoOtherCharacters() {
        assertThat(errors(only("rera", "A51900012345"))).isEmpty();
        assertThat(errors(only("rera", "PRM/KA/RERA/1251/309/AG/180515/001234"))).isEmpty();
        assertThat(errors(only("rera", "UPRERAAGT10202"))).isEmpty();
        assertThat(errors(only("rera", "RAJ-RERA-AG-2019-12"))).isEmpty();
        assertThat(errors(only("rera", "AB"))).hasSize(1);
        assertThat(errors(only("rera", "/A5190001"))).hasSize(1);
        assertThat(errors(only("rera", "A519 0001"))).hasSize(1);
        assertThat(errors(only("rera", "a51900012345"))).hasSize(1);
        assertThat(errors(only("rera", "A".repeat(51)))).hasSize(1);
        assertThat(errors(only("rera", "A5190<script>"))).hasSize(1);
    }

    @Test
    void emailsNeedADomainWithADot() {
        assertThat(errors(only("email", "priya.sharma@example.com"))).isEmpty();
        assertThat(errors(only("email", "o'brien+rent@mail.example.co.in"))).isEmpty();
        assertThat(errors(only("email", "priya@localhost"))).hasSize(1);
        assertThat(errors(only("email", ".priya@example.com"))).hasSize(1);
        assertThat(errors(only("email", "priya..sharma@example.com"))).hasSize(1);
        assertThat(errors(only("email", "priya@-example.com"))).hasSize(1);
        assertThat(errors(only("email", "priya sharma@example.com"))).hasSize(1);
        assertThat(errors(only("email", "a@" + "b".repeat(250) + ".com"))).hasSize(1);
    }
}
