package io.alter8.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code ?page=0&size=20&sort=field,asc} as docs/api.md defines it: size capped at 100, sort fields from an
 * allow-list, every bad parameter reported at once.
 */
public record Paging(int page, int size, String sortField, boolean ascending) {

    public static final int MAX_SIZE = 100;

    public static Paging parse(Integer page, Integer size, String sort, Set<String> sortable, String defaultSort) {
        List<FieldError> errors = new ArrayList<>();
        Paging paging = parse(page, size, sort, sortable, defaultSort, errors);
        if (!errors.isEmpty()) {
            throw ApiException.badInput(errors);
        }
        return paging;
    }

    /** Adds what is wrong to {@code errors}, for callers that check other parameters too; null if anything is. */
    public static Paging parse(Integer page, Integer size, String sort, Set<String> sortable, String defaultSort,
                               List<FieldError> errors) {
        int before = errors.size();
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (s < 1 || s > MAX_SIZE) {
            errors.add(new FieldError("size", "must be between 1 and " + MAX_SIZE));
        }
        String field = defaultSort;
        boolean asc = true;
        if (sort != null && !sort.isBlank()) {
            String[] parts = sort.split(",", -1);
            field = parts[0].trim();
            if (!sortable.contains(field)) {
                errors.add(new FieldError("sort", "can sort by " + String.join(", ", sortable.stream().sorted().toList())));
            }
            if (parts.length > 2 || parts.length == 2 && !parts[1].trim().matches("(?i)asc|desc")) {
                errors.add(new FieldError("sort", "direction must be asc or desc"));
            }
            asc = parts.length < 2 || parts[1].trim().equalsIgnoreCase("asc");
        }
        return errors.size() > before ? null : new Paging(p, s, field, asc);
    }

    public long offset() {
        return (long) page * size;
    }

    /** The total without a count query when this page shows where the matches end. */
    public static long total(int items, int page, int size, java.util.function.Supplier<Long> count) {
        if (items < size && (items > 0 || page == 0)) {
            return (long) page * size + items;
        }
        Long total = count.get();
        return total == null ? 0 : total;
    }
}
