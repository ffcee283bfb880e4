package org.pixeldistill.core.data;

import java.util.Locale;
import org.pixeldistill.core.config.ConfigException;

/** How {@link Resizer} samples the source: the names are those of {@code data.interpolation}. */
public enum Interpolation {
    /** The source pixel under each output pixel's centre. */
    NEAREST,
    /** Two-tap linear in each direction at the output pixel's centre (no antialiasing). */
    BILINEAR,
    /** Four-tap cubic convolution (a = -0.75, as PyTorch) at the centre (no antialiasing). */
    BICUBIC,
    /** Mean of the source area each output pixel covers (a box filter: antialiased when shrinking). */
    AREA;

    public static Interpolation parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ConfigException("data.interpolation must be one of nearest, bilinear, bicubic, area, got '" + name + "'");
        }
    }
}
