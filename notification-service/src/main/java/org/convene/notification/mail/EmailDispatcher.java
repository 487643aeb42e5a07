package org.convene.notification.mail;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.convene.notification.schedule.EmailsPromised;
import org.convene.platform.problem.DatabaseAway;
import org.convene.platform.worker.RetryPause;
import org.convene.platform.worker.WakeableWorker;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailMessage;
import io.vertx.mutiny.ext.mail.MailClient;

/**
 * Sends what is due, a batch at a time: claims the batch, sends it over the mailer's pool of SMTP
 * connections (several at once, at the configured pace), then records each outcome. Two batches are
 * under way at once: the next is claimed and written while the last is at the SMTP server, then the last
 * is recorded, so that the database's work and the SMTP server's overlap instead of taking turns (in the
 * reminder fan-out the turns left the machine a third idle). A send counts as done only once its outcome
 * is recorded: a dispatcher that dies between the SMTP server's acceptance and that record leaves a claim
 * that runs out, and the email goes again; that is the one window for a duplicate, two batches long.
 *
 * <p>While the SMTP relay is away (refusing connections, not answering), it sends nothing but one email
 * as a probe after a pause that doubles up to a few minutes ({@link RelayBreaker}), so that an outage does
 * not spend every email's tries, and it resumes by itself with the first email the relay takes.
 *
 * <p>It runs on a thread of its own, woken by each commit that promises emails due at once (a confirmation
 * is on its way without waiting for the next look), and every {@code convene.mail.dispatch-interval} for
 * emails that fall due later and for retries.
 *
 * <p>It sends through the Vert.x mail client that Quarkus configures from {@code quarkus.mailer.*}, the one
 * under Quarkus' mailer, not through the mailer: the mailer collects a {@code byte[]} attachment byte by byte,
 * with a context-propagating callback for each, and for each confirmation's calendar file that was 40 % of
 * this service's CPU (benchmarks, scenario 3, JFR).
 */
@ApplicationScoped
public class EmailDispatcher {

    private static final Logger LOG = Logger.getLogger(EmailDispatcher.class);

    private final EmailClaims claims;
    private final DeliveryRecorder recorder;
    private final MailClient mailClient;
    private volatile Context eventLoop;
    private final SendRate rate;
    private final Duration sendTimeout;
    private final int batchSize;
    private final Duration lease;
    private final WakeableWorker worker;
    private final RelayBreaker relay;
    private final Clock clock;

    public EmailDispatcher(EmailClaims claims, DeliveryRecorder recorder, MailClient mailClient, SendRate rate,
            MailConfig mail, Clock clock, MeterRegistry metrics) {
        this.relay = new RelayBreaker(mail.retry().relayFirstPause(), mail.retry().relayMaxPause());
        this.clock = clock;
        // 1 while the relay is away and only probes go: what an operator alerts on.
        Gauge.builder("convene.email.relay.away", relay, breaker -> breaker.isClosed() ? 0 : 1).register(metrics);
        this.claims = claims;
        this.recorder = recorder;
        this.mailClient = mailClient;
        this.rate = rate;
        this.sendTimeout = mail.sendTimeout();
        this.batchSize = mail.batchSize();
        // Long enough for this batch and the next at the configured pace, each send up to its timeout,
        // twice over: a claim must not run out while its dispatcher is still at work.
        this.lease = sendTimeout.multipliedBy(2).plus(rate.timeFor(2 * batchSize)).plusSeconds(30);
        this.worker = new WakeableWorker("email-dispatcher", mail.dispatchInterval(), this::dispatchDue,
                "The email dispatcher could not dispatch");
    }

    /** At start, on a thread outside Vert.x: a context of an event loop's own, for the sends. */
    void start(@Observes StartupEvent event, Vertx vertx) {
        eventLoop = vertx.getOrCreateContext();
        worker.start();
    }

    /** Lets the batches under way end and be recorded, so that a restart sends none of them twice. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        worker.stop(sendTimeout.multipliedBy(2));
    }

    /**
     * Emails due now, committed: sent at once rather than at the next look, which is there for emails
     * that fall due later (reminders) and for retries.
     */
    void promised(@Observes(during = TransactionPhase.AFTER_SUCCESS) EmailsPromised promised) {
        if (promised.dueNow()) {
            worker.wake();
        }
    }

    void dispatchDue() {
        claims.dropLateReminders();
        claims.suppressUnwanted();
        if (!relay.isClosed()) {
            if (!relay.probeDue(clock.instant())) {
                return;
            }
            // The relay was away: one email tries it; the rest wait until it takes one.
            List<EmailClaims.Claimed> probe = claims.claim(1, lease);
            if (probe.isEmpty() || record(send(probe))) {
                return;
            }
            LOG.info("The SMTP relay is back: sending again");
        }
        Sending previous = Sending.NOTHING;
        try {
            List<EmailClaims.Claimed> batch;
            boolean relayAway = false;
            do {
                batch = claims.claim(batchSize, lease);
                Sending done = previous;
                previous = send(batch);
                relayAway = record(done);
            } while (batch.size() == batchSize && worker.running() && !relayAway);
        } finally {
            // Whatever failed, the batch at the SMTP server is recorded if the database lets it: else its
            // claims run out and it goes again.
            record(previous);
        }
    }

    /** A batch whose sends are under way: for each email, in order, its failure or null once it ends. */
    private record Sending(List<EmailClaims.Claimed> batch, List<CompletableFuture<Throwable>> outcomes) {
        static final Sending NOTHING = new Sending(List.of(), List.of());
    }

    private Sending send(List<EmailClaims.Claimed> batch) {
        List<CompletableFuture<Throwable>> sends = new ArrayList<>(batch.size());
        for (EmailClaims.Claimed email : batch) {
            rate.acquire();
            // The async client, awaited in record: the blocking Mailer was seen to hang on worker threads.
            // Started on an event loop's own context, never on the context of a thread that then waits for the
            // sends: when the scheduler's worker did that, a send that had to open a connection hung until its
            // timeout (SmtpFaultsTest: a refused session's 421 never came back), its answers queued behind the wait.
            MailMessage message = email.mail();
            sends.add(Uni.createFrom().deferred(() -> mailClient.sendMail(message))
                    .runSubscriptionOn(task -> eventLoop.runOnContext(ignored -> task.run()))
                    .replaceWithVoid().ifNoItem().after(sendTimeout).fail()
                    .subscribeAsCompletionStage()
                    .handle((sent, failure) -> failure));
        }
        return new Sending(batch, sends);
    }

    /**
     * Waits for a batch's sends to end and records them, on this thread: an event loop must never wait for the database.
     * While the database is out of reach the outcomes are kept and recording is tried again, for as long as
     * this dispatcher runs: the emails are at the SMTP server, and forgetting that would send them again once
     * their claims ran out (PostgresOutageTest saw it). Nothing else is claimed meanwhile, since this thread
     * is the one that claims.
     */
    private boolean record(Sending sending) {
        List<Throwable> outcomes = sending.outcomes().stream().map(CompletableFuture::join).toList();
        boolean wasClosed = relay.isClosed();
        boolean away = relay.observe(outcomes, clock.instant());
        if (away && wasClosed) {
            LOG.warnf("The SMTP relay is away (%s): sending nothing but a try every %s until it is back",
                    outcomes.stream().filter(failure -> failure != null).findFirst()
                            .map(failure -> failure.getClass().getSimpleName()).orElse(""),
                    relay.pause());
        }
        for (int attempt = 1;; attempt++) {
            try {
                recorder.record(sending.batch(), outcomes);
                return away;
            } catch (RuntimeException e) {
                if (!DatabaseAway.causedBy(e) || !worker.running()) {
                    throw e;
                }
                long pause = RetryPause.before(attempt);
                LOG.warnf("Could not record the outcomes of %d emails: the database is out of reach (try %d);"
                        + " trying again in %d ms", sending.batch().size(), attempt, pause);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
