package io.alter8.command.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.property.ListingSeo;
import io.alter8.api.property.PropertyDetailsRevised;
import io.alter8.api.property.PropertyRegistered;
import io.alter8.command.DomainRuleViolation;
import io.alter8.command.config.InTheCommandsTransaction;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps listing slugs unique across properties ({@code property_slug_claim}), as {@code IdentityClaims} keeps
 * e-mail addresses unique: a subscribing processor, so the claim is written in the transaction of the event that
 * sets the slug, and a slug another property holds fails the command (409) with nothing stored. The aggregate asks
 * {@link #holderOf} first, so a conflict here only happens when two properties race for the same slug.
 */
@Component
@ProcessingGroup(PropertySlugClaims.PROCESSING_GROUP)
class PropertySlugClaims implements SlugRegistry {

    static final String PROCESSING_GROUP = "property-slug-claims";

    private final JdbcTemplate jdbc;

    PropertySlugClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PropertyId> holderOf(String slug) {
        return jdbc.queryForList("SELECT property_id FROM property_slug_claim WHERE slug = ?", UUID.class, slug)
                   .stream().findFirst().map(PropertyId::new);
    }

    @Override
    public Map<String, PropertyId> holdersOf(List<String> slugs) {
        Map<String, PropertyId> held = new HashMap<>();
        jdbc.query("SELECT slug, property_id FROM property_slug_claim WHERE slug = ANY (?)",
                   rs -> {
                       held.put(rs.getString(1), new PropertyId(rs.getObject(2, UUID.class)));
                   }, (Object) slugs.toArray(String[]::new));
        return held;
    }

    @EventHandler
    void on(PropertyRegistered event) {
        // A new property holds no slug yet: nothing to release.
        claim(event.propertyId(), event.seo(), false);
    }

    @EventHandler
    void on(PropertyDetailsRevised event) {
        claim(event.propertyId(), event.seo(), true);
    }

    private void claim(PropertyId property, ListingSeo seo, boolean releaseOthers) {
        if (seo == null || seo.slug() == null) {
            return;
        }
        String slug = seo.slug();
        if (releaseOthers) {
            jdbc.update("DELETE FROM property_slug_claim WHERE property_id = ? AND slug <> ?", property.value(), slug);
        }
        // One statement answers whether the property holds the slug: inserted, or already its own. On a conflict
        // with a racing insert PostgreSQL waits for that one's commit and then judges the committed row.
        boolean held = !jdbc.queryForList("""
                INSERT INTO property_slug_claim (slug, property_id) VALUES (?, ?)
                ON CONFLICT (slug) DO UPDATE SET property_id = EXCLUDED.property_id
                WHERE property_slug_claim.property_id = EXCLUDED.property_id
                RETURNING property_id""", UUID.class, slug, property.value()).isEmpty();
        if (!held) {
            throw new DomainRuleViolation("slug-taken", "the slug " + slug + " is taken by another property");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ProcessorConfiguration {

        @Bean
        ConfigurerModule propertySlugClaimsInTheCommandsTransaction() {
            return InTheCommandsTransaction.processingGroup(PROCESSING_GROUP);
        }
    }
}
