package io.alter8.query.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import java.time.Duration;

/**
 * Starts a Redis listener container from a thread of its own, trying again at {@code retry} intervals until it is
 * listening, so that a slow or absent Redis never stops the service starting. A failed attempt stops the container
 * again: it counts itself started after the first attempt whatever happened, and would ignore every later one.
 */
final class BackgroundSubscription implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundSubscription.class);

    private final RedisMessageListenerContainer container;
    private final Duration retry;
    private volatile Thread subscriber;

    BackgroundSubscription(RedisMessageListenerContainer container, Duration retry) {
        this.container = container;
        this.retry = retry;
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::subscribe, "live-subscribe");
        thread.setDaemon(true);
        subscriber = thread;
        thread.start();
    }

    private void subscribe() {
        boolean warned = false;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                container.start();
                if (listeningWithin(retry)) {
                    if (warned) {
                        log.info("Live channels subscribed: Redis is reachable again");
                    }
                    return;
                }
                container.stop();
            } catch (InterruptedException stopping) {
                return;
            } catch (RuntimeException e) {
                container.stop();
                if (!warned) {
                    log.warn("Live channels not subscribed, trying again every {} ms: {}", retry.toMillis(),
                             e.getMessage());
                    warned = true;
                }
            }
            try {
                Thread.sleep(retry.toMillis());
            } catch (InterruptedException stopping) {
                return;
            }
        }
    }

    /** Whether the subscription, which may still be on its way when start() returns, is in place within the wait. */
    private boolean listeningWithin(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!container.isListening()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Override
    public void stop() {
        Thread thread = subscriber;
        if (thread != null) {
            thread.interrupt();
            subscriber = null;
        }
        container.stop();
    }

    @Override
    public boolean isRunning() {
        return subscriber != null;
    }
}
