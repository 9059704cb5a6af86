package io.bioalert.notify.taxonomy;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The ids a filter may use, for clients building a watchlist form. */
@Path("/api/taxonomy")
@Produces(MediaType.APPLICATION_JSON)
public class TaxonomyResource {

    public record Ids(Set<String> targets, Set<String> modalities, Map<String, List<String>> modalityParents,
            Set<String> eventTypes, Set<String> agencies) {
    }

    @GET
    public Ids ids() {
        return new Ids(Taxonomy.TARGETS, Taxonomy.MODALITIES, new java.util.TreeMap<>(Taxonomy.MODALITY_PARENTS),
                Taxonomy.EVENT_TYPES, Taxonomy.AGENCIES);
    }
}
