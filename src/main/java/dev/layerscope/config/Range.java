package dev.layerscope.config;

/**
 * The allowed values of one numeric setting: {@code min} to {@code max}, each end inclusive unless
 * marked exclusive.
 */
record Range(String field, double min, boolean minExclusive, double max) {

    static Range closed(String field, double min, double max) {
        return new Range(field, min, false, max);
    }

    static Range aboveZero(String field, double max) {
        return new Range(field, 0, true, max);
    }

    boolean contains(double value) {
        boolean aboveMin = minExclusive ? value > min : value >= min;
        return aboveMin && value <= max;
    }

    /** Describes the range for an error message, for example {@code "a number from 0 to 1"}. */
    String describe(boolean integer) {
        String kind = integer ? "an integer" : "a number";
        String low = minExclusive ? "above " + format(min) + " up to " : "from " + format(min) + " to ";
        return kind + " " + low + format(max);
    }

    /** Throws a {@link ConfigException} naming the field unless {@code value} is in range. */
    void require(double value, boolean integer) {
        if (!contains(value)) {
            throw new ConfigException(new FieldError(field, format(value), describe(integer)));
        }
    }

    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
