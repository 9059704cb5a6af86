package io.bioalert.notify.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A name that may end up in a mail header (a subject, a display name): no line breaks or other control
 * characters, which would start a header of the sender's choosing in a mail that goes to any address.
 */
@Documented
@Pattern(regexp = "[^\\p{Cc}\\p{Zl}\\p{Zp}]*")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface SingleLine {

    String message() default "must not contain line breaks or control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
