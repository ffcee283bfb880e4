package org.pixeldistill.ui.setup;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.Spinner;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

/**
 * Marks setup fields whose typed text the core's config checks refuse ({@link FieldChecks}), as
 * it is typed: a red decoration on the field with the core's one line as its tooltip, and the
 * view-model's {@code invalid} flag set, which holds Start and "Sweep sizes" back until it is mended.
 */
final class SetupValidation {
    private final ValidationSupport support = new ValidationSupport();

    SetupValidation(BooleanProperty invalid) {
        // null until the first check has run: nothing refused yet
        invalid.bind(Bindings.createBooleanBinding(() -> Boolean.TRUE.equals(support.isInvalid()),
                support.invalidProperty()));
    }

    /** Judges what is typed into {@code spinner}'s text field as {@code field}. */
    void check(Spinner<?> spinner, FieldChecks.Field field) {
        Validator<String> validator = (control, text) -> FieldChecks.problem(field, text == null ? "" : text)
                .map(problem -> ValidationResult.fromError(control, problem))
                .orElseGet(ValidationResult::new);
        support.registerValidator(spinner.getEditor(), false, validator);
    }

    ValidationSupport support() {
        return support;
    }
}
