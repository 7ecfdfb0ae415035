package io.paperpost.papers;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * Basic auth needs an identity provider to start; the real one is not part of ingestion. This one, enabled only
 * in {@link IngestionTestProfile}, knows no password (a null identity lets any other provider answer), so
 * tests authenticate with {@code @TestSecurity} and anonymous callers are refused.
 */
@Alternative
@ApplicationScoped
public class RefuseAllPasswords implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return Uni.createFrom().nullItem();
    }
}
