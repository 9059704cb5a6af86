package io.bioalert.ingest.fileimport;

import io.bioalert.rest.ErrorBody;
import io.bioalert.rest.ErrorResponses;
import io.bioalert.rest.InvalidFieldException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** File import: upload files (multipart field {@code file}, repeatable), or import the watched folder now. */
@Path("/api/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private final FileImporter importer;
    private final FolderImporter folder;

    ImportResource(FileImporter importer, FolderImporter folder) {
        this.importer = importer;
        this.folder = folder;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public List<FileImporter.FileResult> upload(@RestForm("file") List<FileUpload> files) throws IOException {
        if (files == null || files.isEmpty()) {
            throw new InvalidFieldException("file", "is required: send multipart/form-data with one or more 'file' parts");
        }
        List<FileImporter.NamedFile> read = new ArrayList<>();
        for (FileUpload file : files) {
            read.add(new FileImporter.NamedFile(file.fileName(), Files.readAllBytes(file.uploadedFile())));
        }
        return importer.importFiles(read);
    }

    @POST
    @Path("/scan")
    public List<FileImporter.FileResult> scan() {
        try {
            return folder.scan();
        } catch (IllegalStateException e) {
            throw new WebApplicationException(ErrorResponses.badRequest(ErrorBody.message(e.getMessage())));
        }
    }
}
