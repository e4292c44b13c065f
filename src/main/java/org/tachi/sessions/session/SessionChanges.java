package org.tachi.sessions.session;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Payload;
import jakarta.validation.Validator;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.tachi.sessions.envelope.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * A PATCH body: only the fields a session owner may change, bound loosely (each as the JSON the
 * client sent; absent is null) and checked with Bean Validation as Tachi's validator checks them,
 * only once the caller may change the session. Unknown keys are ignored; a wrong type is a 400 and
 * never reaches the database.
 */
record SessionChanges(
        @StringBetween(min = 3, max = 80) @Nullable JsonNode name,

        @StringBetween(min = 3, max = 120, orNull = true) @Nullable
        JsonNode desc,

        @IsBoolean @Nullable JsonNode highlight) {

    /** Tachi checks the fields in this order and answers with the first that fails. */
    private static final List<String> CHECK_ORDER = List.of("name", "desc", "highlight");

    private static final int RECEIVED_LIMIT = 100;

    static SessionChanges validated(@Nullable JsonNode body, Validator validator) {
        if (body == null) {
            return new SessionChanges(null, null, null);
        }
        if (!body.isObject()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Your request body must be a JSON object.");
        }
        SessionChanges changes = new SessionChanges(body.get("name"), body.get("desc"), body.get("highlight"));
        for (String field : CHECK_ORDER) {
            for (ConstraintViolation<SessionChanges> violation : validator.validateProperty(changes, field)) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "[" + field + "] " + violation.getMessage());
            }
        }
        return changes;
    }

    /** The validated fields, as they are stored: none where the body changes nothing. */
    Document fields() {
        Document fields = new Document();
        if (name != null) {
            fields.put("name", name.stringValue());
        }
        if (desc != null) {
            fields.put("desc", desc.isNull() ? null : desc.stringValue());
        }
        if (highlight != null) {
            fields.put("highlight", highlight.booleanValue());
        }
        return fields;
    }

    /**
     * Tachi's message: what was expected, then what was received, truncated. It holds client text, so
     * it is escaped: Bean Validation would otherwise interpret {@code {...}} and {@code ${...}} in it.
     */
    private static boolean reject(ConstraintValidatorContext context, String expected, JsonNode received) {
        String shown = received.isString() ? received.stringValue() : received.toString();
        if (shown.length() > RECEIVED_LIMIT) {
            shown = shown.substring(0, RECEIVED_LIMIT) + "...";
        }
        String message = expected + " (Received " + shown + ")";
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message.replaceAll("([\\\\{}$])", "\\\\$1"))
                .addConstraintViolation();
        return false;
    }

    /** A string of {@code min} to {@code max} characters, or JSON null where {@code orNull}. */
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = StringBetween.Check.class)
    @interface StringBetween {

        int min();

        int max();

        boolean orNull() default false;

        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<StringBetween, JsonNode> {

            private StringBetween bounds;

            @Override
            public void initialize(StringBetween bounds) {
                this.bounds = bounds;
            }

            @Override
            public boolean isValid(@Nullable JsonNode value, ConstraintValidatorContext context) {
                if (value == null || (bounds.orNull() && value.isNull())) {
                    return true;
                }
                int length = value.isString() ? value.stringValue().length() : -1;
                if (length >= bounds.min() && length <= bounds.max()) {
                    return true;
                }
                return reject(
                        context,
                        "Expected a string between " + bounds.min() + " and " + bounds.max() + " characters"
                                + (bounds.orNull() ? ", or null." : "."),
                        value);
            }
        }
    }

    /** A JSON boolean. */
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = IsBoolean.Check.class)
    @interface IsBoolean {

        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<IsBoolean, JsonNode> {

            @Override
            public boolean isValid(@Nullable JsonNode value, ConstraintValidatorContext context) {
                return value == null || value.isBoolean() || reject(context, "Expected a boolean.", value);
            }
        }
    }
}
