package io.alter8.command.config;

import io.alter8.command.web.CommandSender;
import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Creations ({@code @CreationPolicy(CREATE_IF_MISSING)}) without a failed load. Axon 4.13 creates such an aggregate by
 * loading it first and catching the {@code AggregateNotFoundException} the load throws: for every new id an exception
 * with the request thread's whole stack trace, a snapshot read and an events read (the one exception per command a
 * JFR recording of {@code ./alter8 bench} found on the command side). Here each aggregate's command handler asks the
 * store once for the id's last sequence number: none, and the aggregate is created as a constructor handler's is
 * ({@link Repository#newInstance}); some (a creation sent again), and Axon's load runs as before, one query later.
 * An id this service made for the command ({@link CommandSender#MADE_ID}: the client sent none) has no stream, so
 * its aggregate is created without the query or the lock.
 * A lock per id, held until the command's unit of work ends as Axon's load holds its own, keeps two creations of one
 * id in this instance one after the other, so the second still finds the first's events and is answered as a repeat.
 * <p>
 * The handler is Axon's {@link AggregateAnnotationCommandHandler}, built as {@link AggregateConfigurer} builds it by
 * default; only its repository is wrapped. (No aggregate here has subtypes, which this model would not see.)
 */
final class NewAggregates implements ConfigurerModule {

    @Override
    public void configureModule(Configurer configurer) {
        configurer.onInitialize(config -> config.findModules(AggregateConfigurer.class)
                                                .forEach(NewAggregates::createWithoutLoading));
    }

    /** After every aggregate's own configuration, so this handler replaces the default one. */
    @Override
    public int order() {
        return Integer.MAX_VALUE;
    }

    private static <A> void createWithoutLoading(AggregateConfigurer<A> aggregate) {
        Class<A> type = aggregate.aggregateType();
        aggregate.configureCommandHandler(
                c -> AggregateAnnotationCommandHandler.<A>builder()
                                                      .repository(new Creating<>(aggregate.repository(),
                                                                                 c.eventStore()))
                                                      .commandTargetResolver(c.getComponent(
                                                              CommandTargetResolver.class,
                                                              () -> AnnotationCommandTargetResolver.builder().build()))
                                                      .aggregateModel(AnnotatedAggregateMetaModelFactory.inspectAggregate(
                                                              type, c.parameterResolverFactory(),
                                                              c.handlerDefinition(type)))
                                                      .creationPolicyAggregateFactory(
                                                              aggregate.creationPolicyAggregateFactory())
                                                      .build());
    }

    /** An aggregate's repository whose create-if-missing looks for the id's events before it loads. */
    static final class Creating<T> implements Repository<T> {

        private final Repository<T> delegate;
        private final EventStore events;
        private final LockFactory locks = PessimisticLockFactory.usingDefaults();

        Creating(Repository<T> delegate, EventStore events) {
            this.delegate = delegate;
            this.events = events;
        }

        @Override
        public Aggregate<T> loadOrCreate(String aggregateIdentifier, Callable<T> factoryMethod) throws Exception {
            if (madeForThisCommand(aggregateIdentifier)) {
                return delegate.newInstance(factoryMethod);
            }
            Lock lock = locks.obtainLock(aggregateIdentifier);
            try {
                Aggregate<T> aggregate = events.lastSequenceNumberFor(aggregateIdentifier).isEmpty()
                        ? delegate.newInstance(factoryMethod)
                        : delegate.loadOrCreate(aggregateIdentifier, factoryMethod);
                CurrentUnitOfWork.get().onCleanup(u -> lock.release());
                return aggregate;
            } catch (Exception | Error e) {
                lock.release();
                throw e;
            }
        }

        /** An id this service made for the command being handled ({@link CommandSender#MADE_ID}): it has no stream. */
        private static boolean madeForThisCommand(String aggregateIdentifier) {
            return CurrentUnitOfWork.isStarted() && aggregateIdentifier.equals(
                    CurrentUnitOfWork.get().getMessage().getMetaData().get(CommandSender.MADE_ID));
        }

        @Override
        public Aggregate<T> load(String aggregateIdentifier) {
            return delegate.load(aggregateIdentifier);
        }

        @Override
        public Aggregate<T> load(String aggregateIdentifier, Long expectedVersion) {
            return delegate.load(aggregateIdentifier, expectedVersion);
        }

        @Override
        public Aggregate<T> newInstance(Callable<T> factoryMethod) throws Exception {
            return delegate.newInstance(factoryMethod);
        }

        @Override
        public Aggregate<T> newInstance(Callable<T> factoryMethod, Consumer<Aggregate<T>> initMethod)
                throws Exception {
            return delegate.newInstance(factoryMethod, initMethod);
        }

        @Override
        public void send(Message<?> message, ScopeDescriptor scopeDescription) throws Exception {
            delegate.send(message, scopeDescription);
        }

        @Override
        public boolean canResolve(ScopeDescriptor scopeDescription) {
            return delegate.canResolve(scopeDescription);
        }
    }
}
