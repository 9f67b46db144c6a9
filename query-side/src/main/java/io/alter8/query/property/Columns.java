package io.alter8.query.property;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Column values of one row write, in order, so that an INSERT and an UPDATE of the same fields are written once. */
final class Columns {

    private record Column(String name, String expression, List<Object> values) {
    }

    private final List<Column> columns = new ArrayList<>();

    Columns set(String name, Object value) {
        return expression(name, "?", value);
    }

    Columns json(String name, String value) {
        return expression(name, "?::jsonb", value);
    }

    /** A column set from an SQL expression with its own parameters. */
    Columns expression(String name, String expression, Object... values) {
        columns.add(new Column(name, expression, java.util.Arrays.asList(values)));
        return this;
    }

    Columns addAll(Columns more) {
        columns.addAll(more.columns);
        return this;
    }

    String names() {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    String placeholders() {
        return columns.stream().map(Column::expression).collect(Collectors.joining(", "));
    }

    String assignments() {
        return columns.stream().map(c -> c.name() + " = " + c.expression()).collect(Collectors.joining(", "));
    }

    List<Object> values() {
        return columns.stream().flatMap(c -> c.values().stream()).collect(Collectors.toCollection(ArrayList::new));
    }
}
