package io.github.delayclose.jdbc;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Checks and quotes the table and column names that come from configuration.
 *
 * <p>JDBC cannot bind identifiers as parameters, so configured names end up in the SQL text. The
 * pattern is deliberately strict (ASCII letters, digits and underscores, as MySQL writes unquoted
 * names) so that no configuration value can carry SQL of its own; names are then quoted with
 * backticks, which also makes reserved words such as {@code order} usable.
 */
final class SqlIdentifier {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private static final String RULE = "letters, digits and underscores, not starting with a digit, at most 64 characters";

    private SqlIdentifier() {
    }

    /**
     * Checks a column name; {@code null} stands for {@code defaultName}.
     *
     * @param what what the name is for, used in the error message (for example "OrderTable.statusColumn")
     * @return the name, unchanged
     */
    /** Checks an optional column name: {@code null} (or empty) means the column is not used. */
    static @Nullable String optionalColumn(String what, @Nullable String name) {
        return name == null || name.isEmpty() ? null : column(what, name);
    }

    static String column(String what, @Nullable String name, String defaultName) {
        return column(what, name == null ? defaultName : name);
    }

    /**
     * Checks a column name.
     *
     * @param what what the name is for, used in the error message (for example "OrderTable.statusColumn")
     * @return the name, unchanged
     */
    static String column(String what, @Nullable String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " must be a plain SQL identifier (" + RULE + "), but was "
                    + describe(name));
        }
        return name;
    }

    /**
     * Checks a table name; {@code null} stands for {@code defaultName}.
     *
     * @return the name to use
     */
    static String table(String what, @Nullable String name, String defaultName) {
        return table(what, name == null ? defaultName : name);
    }

    /**
     * Checks a table name, which may be qualified with a database name ({@code shop.tb_order}).
     *
     * @return the name, unchanged
     */
    static String table(String what, @Nullable String name) {
        if (name != null) {
            String[] parts = name.split("\\.", -1);
            if (parts.length <= 2 && allMatch(parts)) {
                return name;
            }
        }
        throw new IllegalArgumentException(what + " must be a plain SQL table name, optionally qualified as "
                + "database.table (" + RULE + " each), but was " + describe(name));
    }

    /** Quotes a checked name for MySQL: {@code shop.tb_order} becomes {@code `shop`.`tb_order`}. */
    static String quote(String checkedName) {
        return "`" + checkedName.replace(".", "`.`") + "`";
    }

    private static boolean allMatch(String[] parts) {
        for (String part : parts) {
            if (!NAME.matcher(part).matches()) {
                return false;
            }
        }
        return true;
    }

    private static String describe(@Nullable String name) {
        return name == null ? "null" : "'" + name + "'";
    }
}
