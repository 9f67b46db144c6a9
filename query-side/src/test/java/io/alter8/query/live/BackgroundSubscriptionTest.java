package io.alter8.query.live;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live channels when Redis is not there as the service starts: the service starts anyway, and once Redis
 * answers the channels are subscribed and messages arrive.
 */
class BackgroundSubscriptionTest {

    private RedisServer redis;
    private LettuceConnectionFactory connections;
    private RedisMessageListenerContainer container;
    private BackgroundSubscription subscription;

    @AfterEach
    void stop() throws Exception {
        if (subscription != null) {
            subscription.stop();
        }
        if (container != null) {
            container.destroy();
        }
        if (connections != null) {
            connections.destroy();
        }
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    void channelsAreSubscribedOnceRedisAnswersAfterTheServiceStarted() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
        connections.afterPropertiesSet();
        connections.start();
        List<String> heard = new CopyOnWriteArrayList<>();
        container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.addMessageListener((message, pattern) -> heard.add(
                new String(message.getBody(), StandardCharsets.UTF_8)), new ChannelTopic("system:broadcasts"));
        container.setAutoStartup(false);
        container.afterPropertiesSet();

        subscription = new BackgroundSubscription(container, Duration.ofMillis(100));
        subscription.start();
        assertThat(subscription.isRunning()).isTrue();
        assertThat(container.isListening()).isFalse();

        redis = RedisServer.newRedisServer().bind("127.0.0.1").port(port).setting("save \"\"").build();
        redis.start();

        await().atMost(Duration.ofSeconds(30)).until(container::isListening);
        StringRedisTemplate template = new StringRedisTemplate(connections);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            template.convertAndSend("system:broadcasts", "back");
            assertThat(heard).contains("back");
        });
    }
}
