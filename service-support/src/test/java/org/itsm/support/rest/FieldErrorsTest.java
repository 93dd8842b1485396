package org.itsm.support.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.itsm.support.rest.ProblemDetail.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Bean Validation constraints and unreadable JSON become field errors with a stable code and its params. */
class FieldErrorsTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    enum Colour { RED, GREEN }

    record Body(
            @NotNull UUID itemId,
            @NotBlank @Size(max = 5) String name,
            @Size(min = 2, max = 10) String code,
            @NotEmpty List<String> tags,
            @Min(1) @Max(8760) Integer hours,
            @Pattern(regexp = "^CC[0-9]{4}$") String costCentre,
            @Email String mail,
            @Positive Integer count) {
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "itemId     | required  | ",
            "name       | too_long  | {max=5}",
            "code       | too_short | {min=2, max=10}",
            "tags       | required  | ",
            "hours      | max       | {max=8760}",
            "costCentre | pattern   | {pattern=^CC[0-9]{4}$}",
            "mail       | format    | {format=email}",
            "count      | invalid   | " })
    void eachConstraintHasItsCode(String field, String code, String params) {
        FieldError error = only(new Body(null, "toolong", "x", List.of(), 9000, "XX", "not-a-mail", -1), field);
        assertEquals(code, error.code());
        assertEquals(params, error.params() == null ? null : error.params().toString());
        assertEquals(field, error.field());
    }

    @Test
    void blankTextIsRequiredAndTheMinimumNamesItsBound() {
        Body body = new Body(UUID.randomUUID(), " ", "abc", List.of("a"), 0, "CC1234", null, 1);
        assertEquals(FieldErrorCode.REQUIRED, only(body, "name").code());
        assertEquals(Map.of("min", 1L), only(body, "hours").params());
        assertEquals(FieldErrorCode.MIN, only(body, "hours").code());
    }

    record Target(@NotNull @Pattern(regexp = "P[1-5]") String priority) {
    }

    record Offering(@Size(max = 5) List<@jakarta.validation.Valid @NotNull Target> slaTargets,
            List<@NotNull UUID> dependsOn) {
    }

    @Test
    void elementsOfListsAreNamedWithTheirIndex() {
        Set<ConstraintViolation<Offering>> violations = VALIDATOR.validate(new Offering(
                List.of(new Target("P1"), new Target("P9")), java.util.Arrays.asList(UUID.randomUUID(), null)));
        assertEquals(Set.of("slaTargets[1].priority", "dependsOn[1]"),
                violations.stream().map(FieldErrors::fieldName).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void unreadableJsonIsNamedByKind() {
        assertEquals(new FieldError("colour", "unknown field", "unknown_field", null), FieldErrors.unknownField("colour"));
        FieldError enumValue = FieldErrors.invalidValue("colour", "BLUE", Colour.class);
        assertEquals(FieldErrorCode.ENUM, enumValue.code());
        assertEquals(Map.of("allowed", List.of("RED", "GREEN")), enumValue.params());
        assertEquals("'BLUE' is not a valid value; allowed: RED, GREEN", enumValue.message());
        assertEquals(Map.of("format", "uuid"), FieldErrors.invalidValue("itemId", "x", UUID.class).params());
        assertEquals(Map.of("format", "date-time"), FieldErrors.invalidValue("at", "x", Instant.class).params());
        assertEquals(Map.of("format", "time"), FieldErrors.invalidValue("from", "25:00", LocalTime.class).params());
        FieldError number = FieldErrors.invalidValue("hours", "many", Integer.class);
        assertEquals(FieldErrorCode.TYPE, number.code());
        assertEquals(Map.of("expected", "integer"), number.params());
        assertEquals("'many' is not a valid number", number.message());
        assertEquals(new FieldError("tags", "expected List", "type", Map.of("expected", "array")),
                FieldErrors.wrongType("tags", List.class));
        assertEquals(Map.of("expected", "string"), FieldErrors.wrongType("name", String.class).params());
    }

    @Test
    void codeAndParamsAreAdditiveInTheJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals("{\"field\":\"impact\",\"message\":\"must be 1-3\"}",
                json.writeValueAsString(new FieldError("impact", "must be 1-3")));
        assertEquals("{\"field\":\"name\",\"message\":\"too long\",\"code\":\"too_long\",\"params\":{\"max\":5}}",
                json.writeValueAsString(FieldError.of("name", "too long", "too_long", Map.of("max", 5))));
        assertNull(FieldError.of("name", "x", "required", Map.of()).params());
    }

    @Test
    void queryParametersAndPagingCarryCodesToo() {
        assertEquals(FieldErrorCode.ENUM, refusal(() -> QueryParams.enumValue("state", "LATER", Colour.class)).code());
        assertEquals(Map.of("format", "uuid"), refusal(() -> QueryParams.uuid("itemId", "x")).params());
        assertEquals(Map.of("expected", "boolean"), refusal(() -> QueryParams.bool("open", "maybe")).params());
        assertEquals(Map.of("expected", "integer"), refusal(() -> QueryParams.integer("page", "one")).params());
        assertEquals(FieldErrorCode.MIN, refusal(() -> PageRequest.of(-1, 10, null, Map.of("a", "a"), "a")).code());
        FieldError sort = refusal(() -> PageRequest.of(0, 10, "b", Map.of("a", "a", "c", "c"), "a"));
        assertEquals(Map.of("allowed", List.of("a", "c")), sort.params());
    }

    private static FieldError only(Body body, String field) {
        Set<ConstraintViolation<Body>> violations = VALIDATOR.validate(body);
        List<FieldError> errors = violations.stream()
                .filter(violation -> violation.getPropertyPath().toString().equals(field))
                .map(violation -> FieldErrors.ofViolation(field, violation)).toList();
        assertEquals(1, errors.size(), field + ": " + errors);
        return errors.get(0);
    }

    private static FieldError refusal(Runnable call) {
        try {
            call.run();
        } catch (ApiProblem problem) {
            return problem.problem().errors().get(0);
        }
        throw new AssertionError("not refused");
    }
}
