package org.convene.events.backoffice;

import java.util.SequencedMap;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.convene.events.organiser.Organiser;
import org.convene.events.organiser.Passwords;
import org.convene.platform.problem.FormErrors;
import org.convene.platform.problem.ProblemException;
import org.convene.platform.security.OrganiserSessions;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

/** The signed-in organiser's own password, with a form. */
@Path(SignInPage.PAGES + "/password")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Organiser.ROLE)
public class PasswordPage {

    private static final SequencedMap<String, String> FIELDS = EventForm.labels("currentPassword", "Current password",
            "newPassword", "New password");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(FormErrors errors, boolean changed);
    }

    private final Passwords passwords;
    private final JsonWebToken token;

    public PasswordPage(Passwords passwords, JsonWebToken token) {
        this.passwords = passwords;
        this.token = token;
    }

    @GET
    @Operation(summary = "The form to change one's password")
    public TemplateInstance form() {
        return Templates.form(FormErrors.none(), false);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Changes the password: every other session of the organiser ends")
    public Response change(@RestForm String currentPassword, @RestForm String newPassword,
            @Context HttpServerRequest client) {
        try {
            passwords.change(UUID.fromString(token.getSubject()),
                    UUID.fromString(token.getClaim(OrganiserSessions.SESSION_CLAIM)), currentPassword, newPassword,
                    client.remoteAddress().hostAddress());
        } catch (ProblemException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.form(FormErrors.of(e.errors(), FIELDS), false)).build();
        }
        return Response.ok(Templates.form(FormErrors.none(), true)).build();
    }
}
