package org.convene.localstack;

/** The local stack's Kafka broker, in the stack's JVM ({@link KafkaBroker}) or in a process of its own ({@link KafkaBrokerProcess}). */
sealed interface LocalKafka extends AutoCloseable permits KafkaBroker, KafkaBrokerProcess {

    /** Starts the broker with the data an earlier start left, and the topics Convene needs. */
    void start() throws Exception;

    String bootstrapServers();

    /** A clean shutdown; the data stays for the next {@link #start()}. */
    @Override
    void close();
}
