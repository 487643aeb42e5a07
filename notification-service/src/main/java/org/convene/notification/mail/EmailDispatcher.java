package org.convene.notification.mail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends what is due, a batch at a time: claims the batch, sends it over the mailer's pool of SMTP
 * connections (several at once, at the configured pace), then records each outcome. A send counts as
 * done only once its outcome is recorded: a dispatcher that dies between the SMTP server's acceptance
 * and that record leaves a claim that runs out, and the email goes again; that is the one window for
 * a duplicate.
 */
@ApplicationScoped
public class EmailDispatcher {

    private final EmailClaims claims;
    private final DeliveryRecorder recorder;
    private final ReactiveMailer mailer;
    private final SendRate rate;
    private final Duration sendTimeout;
    private final int batchSize;
    private final Duration lease;

    public EmailDispatcher(EmailClaims claims, DeliveryRecorder recorder, ReactiveMailer mailer, SendRate rate,
            @ConfigProperty(name = "convene.mail.send-timeout") Duration sendTimeout,
            @ConfigProperty(name = "convene.mail.batch-size") int batchSize) {
        this.claims = claims;
        this.recorder = recorder;
        this.mailer = mailer;
        this.rate = rate;
        this.sendTimeout = sendTimeout;
        this.batchSize = batchSize;
        // Long enough for the whole batch at the configured pace, each send up to its timeout, twice
        // over: a claim must not run out while its dispatcher is still at work.
        this.lease = sendTimeout.multipliedBy(2).plus(rate.timeFor(batchSize)).plusSeconds(30);
    }

    @Scheduled(every = "${convene.mail.dispatch-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void dispatchDue() {
        claims.dropLateReminders();
        claims.suppressUnwanted();
        List<EmailClaims.Claimed> batch;
        do {
            batch = claims.claim(batchSize, lease);
            sendAll(batch);
        } while (batch.size() == batchSize);
    }

    private void sendAll(List<EmailClaims.Claimed> batch) {
        List<CompletableFuture<Throwable>> sends = new ArrayList<>(batch.size());
        for (EmailClaims.Claimed email : batch) {
            rate.acquire();
            // The async mailer, awaited here: the blocking Mailer was seen to hang on worker threads (INFRA.md).
            sends.add(mailer.send(email.mail()).ifNoItem().after(sendTimeout).fail()
                    .subscribeAsCompletionStage()
                    .handle((sent, failure) -> failure));
        }
        // Recorded on this thread, not the mailer's event loop, which must never wait for the database.
        recorder.record(batch, sends.stream().map(CompletableFuture::join).toList());
    }
}
