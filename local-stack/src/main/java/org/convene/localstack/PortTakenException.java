package org.convene.localstack;

/** A port the stack needs is already in use by another program. */
public class PortTakenException extends IllegalStateException {

    private final String component;
    private final int port;

    public PortTakenException(String component, int port) {
        super(component + " cannot start: port " + port + " is already in use by another program");
        this.component = component;
        this.port = port;
    }

    public String component() {
        return component;
    }

    public int port() {
        return port;
    }
}
