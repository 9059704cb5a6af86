package io.bioalert.ingest.fileimport;

import static io.bioalert.ingest.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.ingest.support.Api;
import io.bioalert.ingest.support.Fixtures;
import io.bioalert.ingest.support.RawTopic;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The five press-page texts through file upload and the push API; the watched folder with .eml/.html/.json. */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class FileImportTest {

    @Test
    void fivePressPagesComeOutAsFiveCleanDatedAnnouncementsWhetherImportedOrPushed() {
        RequestSpecification upload = given();
        for (Fixtures.StoryFixture story : Fixtures.STORIES) {
            upload = upload.multiPart("file", story.file(), Fixtures.bytes("stories/" + story.file()), "text/plain");
        }
        JsonPath imported = upload.post("/api/imports").then().statusCode(200).extract().jsonPath();
        List<String> ids = imported.getList("id", String.class);
        assertThat(ids).hasSize(5).doesNotHaveDuplicates().doesNotContainNull();
        assertThat(imported.getList("duplicate", Boolean.class)).containsOnly(false);

        for (int i = 0; i < 5; i++) {
            Fixtures.StoryFixture story = Fixtures.STORIES.get(i);
            JsonPath stored = Api.announcement(ids.get(i));
            assertThat(stored.getString("publishedAt")).as(story.file()).isEqualTo(story.date());
            assertThat(stored.getString("source")).isEqualTo("import");
            String body = "\n" + stored.getString("body") + "\n";
            assertThat(body).as(story.file()).contains(story.bodyPhrase());
            for (String debris : Fixtures.DEBRIS) {
                assertThat(body).as("%s: %s", story.file(), debris.strip()).doesNotContain(debris);
            }
            assertThat(RawTopic.withKey(ids.get(i))).singleElement()
                    .satisfies(r -> assertThat(r.value()).contains("\"publishedAt\":\"" + story.date() + "\""));
        }

        // Pushed as they are (no title, no date), the same texts are the same five announcements.
        List<Map<String, String>> batch = new ArrayList<>();
        for (Fixtures.StoryFixture story : Fixtures.STORIES) {
            batch.add(Map.of("body", Fixtures.text("stories/" + story.file())));
        }
        JsonPath pushed = given().contentType(ContentType.JSON).body(batch).post("/api/announcements/batch")
                .then().statusCode(202).extract().jsonPath();
        assertThat(pushed.getList("id", String.class)).containsExactlyElementsOf(ids);
        assertThat(pushed.getList("duplicate", Boolean.class)).containsOnly(true);
        ids.forEach(id -> assertThat(RawTopic.countWithKey(id)).isEqualTo(1));
    }

    @Test
    void watchedFolderImportsMailHtmlAndJsonAndSetsAsideWhatItCannotRead() throws IOException {
        Path folder = Path.of("target", "import-test");
        if (Files.exists(folder)) {
            try (var old = Files.walk(folder)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(folder);
        Files.write(folder.resolve("release.eml"), Fixtures.bytes("mail/release.eml"));
        Files.writeString(folder.resolve("page.html"), """
                <html><head><title>Solvik Bio names new CEO</title><meta name="date" content="2025-08-19"></head>
                <body><div class="cookie-consent">We use cookies</div><article><h1>Solvik Bio names new CEO</h1>
                <p>Solvik Bio announced that its board appointed a new chief executive officer with experience in
                late-stage development of cell therapies, succeeding the founder who remains chair.</p></article></body></html>""");
        Files.writeString(folder.resolve("items.json"), """
                [{"title": "Pavo Bio prices IPO", "body": "Pavo Bio priced its initial public offering of 10 million shares.",
                  "url": "https://pavo.example.com/ipo", "publishedAt": "2025-05-02", "source": "pavo-mail"}]""");
        Files.writeString(folder.resolve("broken.json"), "{\"title\": ");
        Files.writeString(folder.resolve("notes.docx"), "ignored");

        JsonPath results = given().post("/api/imports/scan").then().statusCode(200).extract().jsonPath();

        assertThat(results.getList("file", String.class)).containsExactly("broken.json", "items.json", "page.html", "release.eml");
        assertThat(results.getString("find { it.file == 'broken.json' }.error")).contains("not valid JSON");
        JsonPath mail = Api.announcement(results.getString("find { it.file == 'release.eml' }.id"));
        assertThat(mail.getString("title")).startsWith("Lumen Therapeutics receives FDA approval");
        assertThat(mail.getString("publishedAt")).isEqualTo("2025-11-05");
        JsonPath page = Api.announcement(results.getString("find { it.file == 'page.html' }.id"));
        assertThat(page.getString("publishedAt")).isEqualTo("2025-08-19");
        assertThat(page.getString("body")).startsWith("Solvik Bio announced").doesNotContain("cookies");
        JsonPath item = Api.announcement(results.getString("find { it.file == 'items.json' }.id"));
        assertThat(item.getString("source")).isEqualTo("pavo-mail");
        assertThat(item.getList("urls", String.class)).containsExactly("https://pavo.example.com/ipo");

        assertThat(folder.resolve(".done/release.eml")).exists();
        assertThat(folder.resolve(".failed/broken.json")).exists();
        assertThat(folder.resolve(".failed/broken.json.error.txt")).content().contains("not valid JSON");
        assertThat(folder.resolve("notes.docx")).exists();
        assertThat(folder.resolve("release.eml")).doesNotExist();
        Files.delete(folder.resolve("notes.docx"));
    }

    @Test
    void uploadWithoutFilesOrOfAnUnknownTypeIsRefusedPerFile() {
        given().multiPart("other", "x").post("/api/imports").then().statusCode(400);
        given().multiPart("file", "slides.pdf", new byte[] {1, 2}, "application/pdf").post("/api/imports")
                .then().statusCode(200).body("[0].error", org.hamcrest.Matchers.containsString("unsupported file type"));
    }
}
