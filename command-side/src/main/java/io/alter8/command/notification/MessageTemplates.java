package io.alter8.command.notification;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of every message, versioned, in {@code notifications/templates*.properties} (UTF-8): English in the base
 * file, translations in {@code templates_<language>.properties}. A template {@code t} has its current version in
 * {@code t.version} and its texts in {@code t.v<n>.subject} and {@code t.v<n>.body}, with {@code {name}}
 * placeholders. A message renders with the version it was queued with, so a new wording never changes what an
 * already queued message says; a language without that version of the template is written in English.
 */
@Component
public class MessageTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");

    private final Map<String, Properties> languages = new ConcurrentHashMap<>();

    /** A rendered message: what the subject line (e-mail) and the text say. */
    public record Rendered(String subject, String body) {
    }

    /** The version new messages of {@code template} are queued with. */
    public int currentVersion(String template) {
        String version = texts("en").getProperty(template + ".version");
        if (version == null) {
            throw new IllegalArgumentException("no template " + template);
        }
        return Integer.parseInt(version.strip());
    }

    /** The language a message of {@code template} is written in for someone who prefers {@code preferred}. */
    public String languageFor(String template, int version, String preferred) {
        String language = preferred == null || preferred.isBlank() ? "en"
                : preferred.strip().toLowerCase(Locale.ROOT);
        return texts(language).containsKey(template + ".v" + version + ".body") ? language : "en";
    }

    /**
     * Fills a template's version in a language with {@code values}.
     *
     * @throws IllegalArgumentException if the template, its version or a placeholder's value is missing
     */
    public Rendered render(String template, int version, String language, Map<String, String> values) {
        String prefix = template + ".v" + version + ".";
        Properties texts = texts(language).containsKey(prefix + "body") ? texts(language) : texts("en");
        String subject = texts.getProperty(prefix + "subject");
        String body = texts.getProperty(prefix + "body");
        if (subject == null || body == null) {
            throw new IllegalArgumentException("no template " + template + " version " + version);
        }
        return new Rendered(fill(subject, values), fill(body, values));
    }

    private static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for {" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private Properties texts(String language) {
        String file = "en".equals(language) ? "notifications/templates.properties"
                : "notifications/templates_" + language.replaceAll("[^a-z-]", "") + ".properties";
        return languages.computeIfAbsent(language, l -> load(file));
    }

    private static Properties load(String file) {
        Properties texts = new Properties();
        try (InputStream in = MessageTemplates.class.getClassLoader().getResourceAsStream(file)) {
            if (in != null) {
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
