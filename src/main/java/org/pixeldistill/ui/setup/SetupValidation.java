package org.pixeldistill.ui.setup;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;
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

    /**
     * Judges what is typed into {@code spinner}'s text field as {@code field}, and keeps a refused
     * text when it is committed (Enter, leaving the field, an arrow): the spinner's value, the one
     * a run would use, stays the last accepted one, and the field keeps the typed text with its
     * mark, to be mended, rather than silently showing some other number.
     */
    <T> void check(Spinner<T> spinner, FieldChecks.Field field) {
        Validator<String> validator = (control, text) -> FieldChecks.problem(field, text == null ? "" : text)
                .map(problem -> ValidationResult.fromError(control, problem))
                .orElseGet(ValidationResult::new);
        support.registerValidator(spinner.getEditor(), false, validator);
        SpinnerValueFactory<T> values = spinner.getValueFactory();
        StringConverter<T> plain = values.getConverter();
        values.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return plain.toString(value);
            }

            @Override
            public T fromString(String text) {
                // the value unchanged: the spinner then leaves the typed text as it is
                return FieldChecks.problem(field, text == null ? "" : text).isPresent() ? values.getValue()
                        : plain.fromString(text);
            }
        });
    }

    ValidationSupport support() {
        return support;
    }
}
