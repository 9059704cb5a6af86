package io.bioalert.notify.subscriber;

import io.bioalert.notify.quota.Quotas;
import io.vertx.core.http.HttpServerRequest;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;

/** Sign-up hands out the API token once; it is stored only as a hash. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubscriberResource {

    public record SignUp(@NotBlank @Email @Size(max = 320) String email, @Size(max = 200) @io.bioalert.notify.api.SingleLine String name) {
    }

    public record SubscriberView(UUID id, String email, String name, Instant createdAt) {
    }

    /** The only answer that carries the token. */
    public record Created(UUID id, String email, String name, String token) {
    }

    private final Authenticator auth;
    private final Quotas quotas;

    SubscriberResource(Authenticator auth, Quotas quotas) {
        this.auth = auth;
        this.quotas = quotas;
    }

    /**
     * Counted per client address: the peer's, or behind a proxy the one it forwards when Quarkus is told to
     * trust it ({@code quarkus.http.proxy.*}).
     */
    @POST
    @Path("/subscribers")
    @Transactional
    public Response signUp(@Valid @NotNull SignUp request, @Context HttpServerRequest http) {
        quotas.signUp(http.remoteAddress().hostAddress());
        String token = ApiTokens.random("bat_");
        Subscriber s = new Subscriber();
        s.id = UUID.randomUUID();
        s.email = request.email().trim();
        s.name = request.name();
        s.tokenHash = ApiTokens.sha256(token);
        s.createdAt = Instant.now();
        s.persist();
        return Response.status(201).entity(new Created(s.id, s.email, s.name, token)).build();
    }

    /** A new API token for the caller; the one used for this call stops working. Shown only in this answer. */
    @POST
    @Path("/me/token")
    @Consumes(MediaType.WILDCARD)
    @Transactional
    public Created rotateToken(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Subscriber s = Subscriber.findById(auth.require(authorization));
        String token = ApiTokens.random("bat_");
        s.tokenHash = ApiTokens.sha256(token);
        return new Created(s.id, s.email, s.name, token);
    }

    @GET
    @Path("/me")
    @Transactional
    public SubscriberView me(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Subscriber s = Subscriber.findById(auth.require(authorization));
        return new SubscriberView(s.id, s.email, s.name, s.createdAt);
    }
}
