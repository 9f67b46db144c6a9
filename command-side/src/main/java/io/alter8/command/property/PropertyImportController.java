package io.alter8.command.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.property.ImportProperty;
import io.alter8.api.property.ListingStatus;
import io.alter8.api.property.PropertyVerificationStatus;
import io.alter8.api.user.Actor;
import io.alter8.command.DomainRuleViolation;
import io.alter8.command.NotPermitted;
import io.alter8.command.web.Callers;
import io.alter8.command.web.CommandAccepted;
import io.alter8.command.web.CommandSender;
import io.alter8.command.web.OneOf;
import io.alter8.web.ApiException;
import io.alter8.web.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bulk seeding for admins: up to 500 listings a request, each one {@link ImportProperty} command — registered and,
 * as asked, verified, activated and listed, through the aggregate's rules and events like any other property.
 * Listings are sent concurrently in this process (one command, one transaction each); one refused listing does not
 * stop the others, and the answer says for each what became of it.
 */
@RestController
@Tag(name = "Properties", description = "Register properties, describe them, let them and list them")
class PropertyImportController implements DisposableBean {

    static final int MAX_LISTINGS = 500;
    private static final Logger log = LoggerFactory.getLogger(PropertyImportController.class);

    private final CommandSender commands;
    private final Places places;
    private final ExecutorService senders;

    PropertyImportController(CommandSender commands, Places places,
                             @Value("${alter8.property-import.concurrency:8}") int concurrency) {
        this.commands = commands;
        this.places = places;
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "property-import-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    record ImportListing(@NotNull @Valid RegisterPropertyRequest property,
                         @OneOf(PropertyVerificationStatus.class) String verification,
                         Boolean activate,
                         @OneOf(ListingStatus.class) String listingStatus) {
    }

    record ImportRequest(@NotNull @Size(min = 1, max = MAX_LISTINGS) List<@NotNull @Valid ImportListing> listings) {
    }

    /** What became of one listing: {@code imported}, {@code unchanged} (imported before) or {@code failed}. */
    record ListingResult(int index, String id, String outcome, Long version, Long position, Integer status,
                         String type, String detail) {
    }

    record ImportAnswer(int imported, int unchanged, int failed, long position, List<ListingResult> results) {
    }

    @PostMapping("/api/admin/property-imports")
    @Operation(summary = "Import up to 500 listings (admins)",
               description = "Each is registered for its ownerId and, if asked, verified, activated and listed. "
                       + "200 with a result per listing; `position` is the highest position stored, for "
                       + "X-Await-Position. Listings with an id may be imported again: they change nothing.")
    ImportAnswer importListings(@Valid @RequestBody ImportRequest request) {
        Actor by = Callers.actor();
        List<FieldError> missingOwners = new ArrayList<>();
        for (int i = 0; i < request.listings().size(); i++) {
            if (request.listings().get(i).property().ownerId() == null) {
                missingOwners.add(new FieldError("listings[" + i + "].property.ownerId", "must not be null"));
            }
        }
        if (!missingOwners.isEmpty()) {
            throw ApiException.badInput(missingOwners);
        }
        MetaData metaData = commands.metaData();
        List<CompletableFuture<ListingResult>> pending = new ArrayList<>();
        for (int i = 0; i < request.listings().size(); i++) {
            int index = i;
            ImportListing listing = request.listings().get(i);
            PropertyId id = listing.property().id() == null ? PropertyId.random()
                                                            : new PropertyId(listing.property().id());
            ImportProperty command = new ImportProperty(
                    id, listing.property().toCommand(id, by, places),
                    listing.verification() == null ? null : PropertyVerificationStatus.fromWire(listing.verification()),
                    Boolean.TRUE.equals(listing.activate()),
                    listing.listingStatus() == null ? null : ListingStatus.fromWire(listing.listingStatus()));
            boolean slugAsked = listing.property().asksForSlug();
            pending.add(CompletableFuture.supplyAsync(() -> send(index, command, slugAsked, metaData), senders));
        }
        List<ListingResult> results = pending.stream().map(CompletableFuture::join).toList();
        int imported = count(results, "imported");
        int unchanged = count(results, "unchanged");
        long position = results.stream().filter(r -> r.position() != null).mapToLong(ListingResult::position)
                               .max().orElse(0);
        return new ImportAnswer(imported, unchanged, results.size() - imported - unchanged, position, results);
    }

    private ListingResult send(int index, ImportProperty command, boolean slugAsked, MetaData metaData) {
        String id = command.propertyId().toString();
        try {
            // Imported before, at this version: what it asks is already so, or it would change what is stored.
            Long before = commands.currentVersion(command.propertyId()).orElse(null);
            // Listings of one import are sent at once, and titles repeat: two may race for the slug made from one.
            CommandAccepted accepted = Slugs.sendAgainIfAMadeSlugWasTaken(
                    slugAsked, () -> commands.send(command, command.propertyId(), metaData));
            String outcome = before != null && before == accepted.version() ? "unchanged" : "imported";
            return new ListingResult(index, id, outcome, accepted.version(), accepted.position(), null, null, null);
        } catch (RuntimeException e) {
            return failed(index, id, e);
        }
    }

    private static ListingResult failed(int index, String id, RuntimeException e) {
        if (e instanceof IncompatibleAggregateException) {
            return failed(index, id, CommandSender.idTaken(id));
        }
        if (e instanceof DomainRuleViolation refused) {
            return failure(index, id, 409, refused.code(), refused.getMessage());
        }
        if (e instanceof NotPermitted forbidden) {
            return failure(index, id, 403, "forbidden", forbidden.getMessage());
        }
        if (e instanceof ConcurrencyException || e instanceof AggregateStreamCreationException) {
            return failure(index, id, 409, "concurrent-modification", "another change to it was stored first");
        }
        log.error("Importing listing {} ({}) failed", index, id, e);
        return failure(index, id, 500, "internal-error",
                       "the import of this listing failed; the error has been logged");
    }

    private static ListingResult failure(int index, String id, int status, String slug, String detail) {
        return new ListingResult(index, id, "failed", null, null, status, "https://alter8.io/problems/" + slug,
                                 detail);
    }

    private static int count(List<ListingResult> results, String outcome) {
        return (int) results.stream().filter(r -> r.outcome().equals(outcome)).count();
    }

    @Override
    public void destroy() {
        senders.shutdownNow();
    }
}
