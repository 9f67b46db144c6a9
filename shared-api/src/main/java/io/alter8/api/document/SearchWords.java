package io.alter8.api.document;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words a document is found by, and the words of a search, normalised alike: lower case, accents dropped,
 * split at anything but letters and digits, 2 to 40 characters, each once. The command side makes them from a
 * file's text; the query side keeps them in an indexed array and matches a search's words with {@code $all}, which
 * real MongoDB and the embedded server both serve (neither needs {@code $text}).
 */
public final class SearchWords {

    /** A document is found by its first this many distinct words. */
    public static final int MAX_WORDS = 5000;
    static final int MIN_LENGTH = 2;
    static final int MAX_LENGTH = 40;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchWords() {
    }

    public static List<String> of(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("")
                            .toLowerCase(Locale.ROOT);
        Set<String> words = new LinkedHashSet<>();
        for (String word : SEPARATORS.split(plain)) {
            if (word.length() >= MIN_LENGTH && word.length() <= MAX_LENGTH) {
                words.add(word);
                if (words.size() == MAX_WORDS) {
                    break;
                }
            }
        }
        return List.copyOf(words);
    }
}
