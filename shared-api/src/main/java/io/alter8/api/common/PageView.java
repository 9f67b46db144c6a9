package io.alter8.api.common;

import java.util.List;

/** One page of a list: {@code total} counts every match, not only this page's. */
public record PageView<T>(List<T> items, int page, int size, long total) {
}
