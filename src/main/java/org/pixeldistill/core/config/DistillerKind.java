package org.pixeldistill.core.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Describes one distiller to everything that does not build its loss: its key under
 * {@code distill:}, its settings record, their defaults and, where METHOD.md makes a default depend
 * on the reduction ratio r, the defaults at a given r. Each settings record holds its own kind as
 * {@code KIND}; the loss itself is built in core/distill, whose factory list refers back to this.
 *
 * @param <S> the settings record
 */
public final class DistillerKind<S extends DistillerSettings> {
    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE = new PropertyNamingStrategies.SnakeCaseStrategy();

    private final String name;
    private final Class<S> type;
    private final String summary;
    private final Supplier<S> defaults;
    private final IntFunction<S> defaultsAtRatio;

    /** A distiller whose defaults do not depend on the reduction ratio. */
    public DistillerKind(String name, Class<S> type, String summary, Supplier<S> defaults) {
        this(name, type, summary, defaults, r -> defaults.get());
    }

    /**
     * @param defaultsAtRatio the defaults a sweep or the workbench uses for a student at S / r
     */
    public DistillerKind(String name, Class<S> type, String summary, Supplier<S> defaults,
            IntFunction<S> defaultsAtRatio) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(name + ": distiller settings must be a record, got " + type);
        }
        this.name = Objects.requireNonNull(name);
        this.type = type;
        this.summary = summary;
        this.defaults = defaults;
        this.defaultsAtRatio = defaultsAtRatio;
    }

    /** The key under {@code distill:}, also the distiller's name and its loss term's. */
    public String name() {
        return name;
    }

    public Class<S> type() {
        return type;
    }

    /** One line on what the loss does. */
    public String summary() {
        return summary;
    }

    /** The settings of an empty entry ({@code kd: {}}). */
    public S defaults() {
        return defaults.get();
    }

    /** The defaults for a student at S / r; the same as {@link #defaults()} unless METHOD.md ties them to r. */
    public S defaultsAt(int ratio) {
        return defaultsAtRatio.apply(ratio);
    }

    /** "alpha 0.9, temperature 4.0": each setting by its YAML key, for help texts. */
    public String describe(DistillerSettings settings) {
        S own = type.cast(settings);
        List<String> parts = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            try {
                parts.add(SNAKE.translate(c.getName()) + " " + c.getAccessor().invoke(own));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + name + "." + c.getName(), e);
            }
        }
        return String.join(", ", parts);
    }

    @Override
    public String toString() {
        return name;
    }
}
