package org.convene.registration.bots;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

/** Hands out proof-of-work challenges, for the page's script and for programs that use the API. */
@Path("/api/challenge")
public class ChallengeResource {

    private final ProofOfWork proofOfWork;

    public ChallengeResource(ProofOfWork proofOfWork) {
        this.proofOfWork = proofOfWork;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A proof-of-work challenge (ALTCHA): find the number n, at most maxnumber, for which "
            + "SHA-256(salt + n) in hex is the challenge; send {algorithm, challenge, number, salt, signature} as "
            + "base64 JSON in the Altcha header of a registration. Good once, until the expiry in its salt")
    public Response challenge() {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(proofOfWork.challenge()).cacheControl(noStore).build();
    }
}
