package io.alter8.command.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.property.ListingSeo;
import io.alter8.api.property.PropertyLocation;
import io.alter8.command.DomainRuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * How listing slugs look and are made. A slug is lower-case letters and digits in words joined by single hyphens;
 * when a listing names none, it is made from the title and the locality (the area, else the city), and when that
 * is taken, the first eight hex digits of the property id are appended — the same suffix every time for the same
 * property, so a retried registration makes the same slug.
 */
final class Slugs {

    static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    private static final Pattern FORMAT = Pattern.compile(PATTERN);
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");
    /** Room for a suffix within the column's 255 characters, and short enough to read in a link. */
    private static final int MAX_BASE = 80;

    private Slugs() {
    }

    /**
     * Sends a registration, and sends it once more if a slug made from its title (it asked for none) was taken by a
     * registration racing it: both saw the slug free, and the claim of the one stored first won. Nothing of the
     * refused one was stored; sent again, it finds the slug held and makes the property's own. A slug the caller
     * asked for stays refused (409).
     */
    static <T> T sendAgainIfAMadeSlugWasTaken(boolean slugAsked, Supplier<T> send) {
        try {
            return send.get();
        } catch (DomainRuleViolation | CommandExecutionException e) {
            Throwable refusal = e instanceof CommandExecutionException ? e.getCause() : e;
            boolean madeSlugTaken = refusal instanceof DomainRuleViolation v && v.code().equals("slug-taken");
            if (slugAsked || !madeSlugTaken) {
                throw e;
            }
            return send.get();
        }
    }

    static boolean isWellFormed(String slug) {
        return slug != null && slug.length() <= 255 && FORMAT.matcher(slug).matches();
    }

    /**
     * The listing's SEO with the slug it gets: the one asked for (well-formed and not another property's), else the
     * one it has ({@code current}), else one made from the title and locality that no other property holds.
     */
    static ListingSeo seoWithSlug(PropertyId property, ListingSeo asked, String current, String title,
                                  PropertyLocation location, SlugRegistry slugs) {
        String slug = choose(property, asked, current, title, location, slugs);
        return asked == null ? new ListingSeo(slug, null, null)
                : new ListingSeo(slug, asked.metaTitle(), asked.metaDescription());
    }

    private static String choose(PropertyId property, ListingSeo asked, String current, String title,
                                 PropertyLocation location, SlugRegistry slugs) {
        if (asked != null && asked.slug() != null) {
            if (!isWellFormed(asked.slug())) {
                throw new DomainRuleViolation("invalid-slug", "a slug is lower-case words joined by hyphens");
            }
            if (!isFree(asked.slug(), property, slugs)) {
                throw new DomainRuleViolation("slug-taken",
                                              "the slug " + asked.slug() + " is taken by another property");
            }
            return asked.slug();
        }
        if (current != null) {
            return current;
        }
        String base = base(title, location);
        String suffixed = suffixed(base, property);
        // Both candidates in one question: titles repeat ("2BHK in Indiranagar"), so the first is often taken.
        Map<String, PropertyId> held = slugs.holdersOf(List.of(base, suffixed));
        if (isFree(base, property, held)) {
            return base;
        }
        return isFree(suffixed, property, held) ? suffixed : withFullId(base, property);
    }

    private static boolean isFree(String slug, PropertyId property, Map<String, PropertyId> held) {
        PropertyId holder = held.get(slug);
        return holder == null || holder.equals(property);
    }

    private static boolean isFree(String slug, PropertyId property, SlugRegistry slugs) {
        return slugs.holderOf(slug).map(property::equals).orElse(true);
    }

    /**
     * {@code "2BHK in Indiranagar"} in Indiranagar → {@code 2bhk-in-indiranagar}; in Koramangala →
     * {@code 2bhk-in-indiranagar-koramangala}.
     */
    static String base(String title, PropertyLocation location) {
        String slug = slugify(title);
        String place = slugify(location.areaName() != null ? location.areaName() : location.address().city());
        if (!place.isEmpty() && !("-" + slug + "-").contains("-" + place + "-")) {
            slug = slug.isEmpty() ? place : slug + "-" + place;
        }
        if (slug.length() > MAX_BASE) {
            slug = slug.substring(0, MAX_BASE);
            int lastWord = slug.lastIndexOf('-');
            if (lastWord > 0) {
                slug = slug.substring(0, lastWord);
            }
        }
        return slug.isEmpty() ? "property" : slug;
    }

    static String suffixed(String base, PropertyId id) {
        return base + "-" + id.value().toString().substring(0, 8);
    }

    /** The last resort, unique by construction. */
    static String withFullId(String base, PropertyId id) {
        return base + "-" + id.value();
    }

    static String slugify(String text) {
        if (text == null) {
            return "";
        }
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        String slug = SEPARATORS.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("-");
        int start = 0;
        int end = slug.length();
        while (start < end && slug.charAt(start) == '-') {
            start++;
        }
        while (end > start && slug.charAt(end - 1) == '-') {
            end--;
        }
        return slug.substring(start, end);
    }
}
