package org.convene.events.organiser;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.convene.platform.security.OrganiserSessions;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.vertx.core.http.HttpServerRequest;

/** The signed-in organiser's own password. */
@Path("/api/organiser/password")
@RolesAllowed(Organiser.ROLE)
public class PasswordResource {

    public record Change(String currentPassword, String newPassword) {
    }

    private final Passwords passwords;
    private final JsonWebToken token;

    public PasswordResource(Passwords passwords, JsonWebToken token) {
        this.passwords = passwords;
        this.token = token;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Changes the password, given the current one: 204, and every other session of the organiser "
            + "ends (this one goes on); 400 invalid-input naming currentPassword (not right) or newPassword (12 to 128 "
            + "characters, not the current one)")
    public void change(@Valid @NotNull Change change, @Context HttpServerRequest client) {
        passwords.change(UUID.fromString(token.getSubject()),
                UUID.fromString(token.getClaim(OrganiserSessions.SESSION_CLAIM)), change.currentPassword(),
                change.newPassword(), client.remoteAddress().hostAddress());
    }
}
