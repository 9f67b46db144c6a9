package io.alter8.infra.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.alter8.infra.stack.EmbeddedMail;
import io.alter8.infra.stack.EmbeddedMail.ReceivedMail;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local stack's providers, so that messages really go through delivery and a person can still read them: an
 * in-process SMTP server ({@link EmbeddedMail}) and an SMS/WhatsApp webhook on loopback. Everything they receive is
 * appended to {@code <data>/inbox/<e-mail or phone>.txt}, one line per message, codes included: the command side
 * only ever talks SMTP and HTTP to them, as it would to real providers.
 */
final class LocalPostOffice implements AutoCloseable {

    private final Path inbox;
    private final EmbeddedMail mail;
    private final HttpServer webhook;
    private final ScheduledExecutorService copier;
    private final JsonMapper json = JsonMapper.builder().build();
    private int mailsWritten;

    private LocalPostOffice(Path inbox) throws IOException {
        this.inbox = Files.createDirectories(inbox);
        this.mail = EmbeddedMail.start(0);
        this.webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/sms", this::receive);
        webhook.createContext("/whatsapp", this::receive);
        webhook.start();
        this.copier = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "local-mailbox");
            t.setDaemon(true);
            return t;
        });
        copier.scheduleWithFixedDelay(this::copyNewMailQuietly, 200, 200, TimeUnit.MILLISECONDS);
    }

    static LocalPostOffice open(Path inbox) {
        try {
            return new LocalPostOffice(inbox);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the local mail and SMS providers", e);
        }
    }

    int smtpPort() {
        return mail.port();
    }

    String webhookUrl(String channel) {
        return "http://127.0.0.1:" + webhook.getAddress().getPort() + "/" + channel;
    }

    /** A failure must not end the copying: the scheduler would never run it again. */
    private void copyNewMailQuietly() {
        try {
            copyNewMail();
        } catch (RuntimeException e) {
            Console.say("Could not copy an e-mail to the inbox files: {}", e.toString());
        }
    }

    private synchronized void copyNewMail() {
        // Only the new ones: decoding the whole mailbox every tick grew with it and took the CPU from the services.
        List<ReceivedMail> fresh = mail.messagesFrom(mailsWritten);
        for (ReceivedMail m : fresh) {
            append(m.to(), "e-mail \"" + m.subject() + "\" " + oneLine(m.body()));
        }
        mailsWritten += fresh.size();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode message = json.readTree(exchange.getRequestBody().readAllBytes());
            append(message.path("to").asString(),
                   message.path("channel").asString() + " " + oneLine(message.path("text").asString()));
            byte[] answer = ("{\"id\": \"local-" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        } catch (RuntimeException e) {
            exchange.sendResponseHeaders(400, -1);
        }
    }

    private void append(String destination, String line) {
        try {
            Files.writeString(inbox.resolve(fileName(destination)), Instant.now() + " " + line + System.lineSeparator(),
                              StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** {@code +919876543210.txt}, {@code asha@example.com.txt}: only characters safe in a file name. */
    static String fileName(String destination) {
        return destination.replaceAll("[^A-Za-z0-9@+._-]", "_") + ".txt";
    }

    @Override
    public void close() {
        copier.shutdownNow();
        copyNewMail();
        webhook.stop(0);
        mail.close();
    }
}
