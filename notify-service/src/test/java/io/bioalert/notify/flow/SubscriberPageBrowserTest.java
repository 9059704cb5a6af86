package io.bioalert.notify.flow;

import static io.bioalert.notify.flow.Fixtures.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.notify.browser.Browser;
import io.bioalert.testkit.HttpSink;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The subscriber page in a real browser (headless Chromium) against this service with its real Kafka,
 * PostgreSQL and SMTP server: what a subscriber does on it, and the accessibility basics a browser can check.
 * Skipped, each test with the reason, where no Chromium can be had (see {@link Browser}).
 */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "notify"), @ResourceArg(name = "smtp", value = "shared")})
class SubscriberPageBrowserTest {

    private static final HttpSink SINK = HttpSink.start();
    private static final String SECRET = "test-secret-0123456789abcdef";

    @TestHTTPResource("/")
    URL root;

    @jakarta.inject.Inject
    io.bioalert.notify.config.SettableClock clock;

    private Browser browser;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        browser = Browser.startOrSkip();
        driver = browser.driver();
        wait = waitFor(driver);
    }

    /** Every test also shows the page works under its Content-Security-Policy: nothing it does is refused. */
    @AfterEach
    void stopBrowser() {
        clock.reset();
        if (browser != null) {
            try {
                assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
            } finally {
                browser.close();
            }
        }
    }

    @AfterAll
    static void stopSink() {
        SINK.close();
    }

    @Test
    void aNewSubscriberSignsUpAndLaterSignsInWithTheTokenLink() {
        driver.get(root.toString());
        assertThat(text("auth-status")).contains("Paste your token or sign up");
        el(By.cssSelector("#auth summary")).click();
        String email = "browser-" + UUID.randomUUID() + "@example.org";
        el(By.id("signup-email")).sendKeys(email);
        el(By.id("signup-name")).sendKeys("Bea");
        el(By.id("signup")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("auth-status"), "Signed up"));
        String token = el(By.cssSelector("#auth-status code")).getText();
        assertThat(token).startsWith("bat_");
        assertThat(el(By.id("signed-in")).isDisplayed()).isTrue();

        // A fresh browser profile: only the link knows the token.
        browser.close();
        browser = Browser.startOrSkip();
        driver = browser.driver();
        wait = waitFor(driver);
        signIn(token);
        assertThat(text("auth-status")).contains("Signed in as " + email);
        assertThat(driver.getCurrentUrl()).as("the token leaves the address bar").doesNotContain("token");
        assertThat(el(By.id("token")).getAttribute("value")).isEqualTo(token);
    }

    /** Issue 13, hole 9: a {@code #token=} link replaced the token this browser held, silently. */
    @Test
    void aSignInLinkToAnotherAccountAsksBeforeReplacingTheStoredToken() {
        String mine = Fixtures.signUp();
        String theirs = Fixtures.signUp();
        String myEmail = me(mine);
        String theirEmail = me(theirs);
        signIn(mine);

        driver.get(root + "#token=" + theirs);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("link-notice")));
        assertThat(text("link-notice")).contains("signs in as " + theirEmail, "signed in as " + myEmail);
        assertThat(driver.getCurrentUrl()).doesNotContain("token");
        assertThat(js("return localStorage.getItem('bioalert.token')")).isEqualTo(mine);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("auth-status"), "Signed in as " + myEmail));

        el(By.id("keep-account")).click();
        assertThat(el(By.id("link-notice")).isDisplayed()).isFalse();
        driver.get(root.toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("auth-status"), "Signed in as " + myEmail));

        driver.get(root + "#token=" + theirs);
        el(By.id("switch-account")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("auth-status"), "Signed in as " + theirEmail));
        assertThat(js("return localStorage.getItem('bioalert.token')")).isEqualTo(theirs);
    }

    private static String me(String token) {
        return given().header("Authorization", bearer(token)).get("/api/me").then().statusCode(200).extract().path("email");
    }

    @Test
    void aWatchlistIsCreatedEditedAndDeletedFromTheTaxonomyPickers() {
        String token = Fixtures.signUp();
        signIn(token);
        el(By.id("w-name")).sendKeys("HER2 ADC at the FDA");
        el(By.id("w-targets")).sendKeys("ERBB2");
        new Select(el(By.id("w-modalities"))).selectByValue("ADC");
        new Select(el(By.id("w-events"))).selectByValue("BREAKTHROUGH_THERAPY");
        new Select(el(By.id("w-events"))).selectByValue("FAST_TRACK");
        new Select(el(By.id("w-agencies"))).selectByValue("FDA");
        new Select(el(By.id("d-type"))).selectByValue("WEBHOOK");
        el(By.id("d-address")).sendKeys(SINK.url("/browser/crud"));
        el(By.id("submit-watchlist")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("create-status"), "Created"));
        assertThat(text("create-status")).contains("Webhook signing secret");
        WebElement card = card("HER2 ADC at the FDA");
        assertThat(card.getText()).contains("targets: ERBB2; modalities: ADC; events: BREAKTHROUGH_THERAPY or FAST_TRACK; "
                + "agencies: FDA");
        JsonPath saved = watchlists(token);
        assertThat(saved.getList("filter.eventTypes")).containsExactly(List.of("BREAKTHROUGH_THERAPY", "FAST_TRACK"));

        card.findElement(By.cssSelector("[data-edit]")).click();
        assertThat(text("form-title")).isEqualTo("Edit watchlist \"HER2 ADC at the FDA\"");
        assertThat(new Select(el(By.id("w-events"))).getAllSelectedOptions()).extracting(WebElement::getText)
                .containsExactly("BREAKTHROUGH_THERAPY", "FAST_TRACK");
        new Select(el(By.id("w-events"))).deselectByValue("FAST_TRACK");
        new Select(el(By.id("w-agencies"))).selectByValue("NMPA");
        el(By.id("w-name")).clear();
        el(By.id("w-name")).sendKeys("HER2 ADC designations");
        el(By.id("submit-watchlist")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("create-status"), "Saved"));
        assertThat(card("HER2 ADC designations").getText()).contains("events: BREAKTHROUGH_THERAPY; agencies: FDA or NMPA");
        assertThat(text("form-title")).isEqualTo("New watchlist");
        saved = watchlists(token);
        assertThat(saved.getList("name")).containsExactly("HER2 ADC designations");
        assertThat(saved.getList("filter.agencies")).containsExactly(List.of("FDA", "NMPA"));

        card("HER2 ADC designations").findElement(By.cssSelector("[data-delete]")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("watchlists"), "None yet."));
        assertThat(watchlists(token).getList("id")).isEmpty();
    }

    @Test
    void eachDestinationTypeIsAddedAndRemoved() {
        String token = Fixtures.signUp();
        Fixtures.createWatchlist(token, Fixtures.watchlist("Destinations", "{\"targets\": [\"EGFR\"]}", "IMMEDIATE",
                Fixtures.webhook(SINK.url("/browser/first"), SECRET)));
        signIn(token);
        String email = "dest-" + UUID.randomUUID() + "@example.org";
        Map<String, String> added = Map.of("EMAIL", email, "SLACK", SINK.url("/browser/slack"),
                "WEBHOOK", SINK.url("/browser/second"));
        Map<String, String> says = Map.of("EMAIL", "A confirmation mail is on its way", "SLACK", "",
                "WEBHOOK", "Webhook signing secret");
        for (String type : List.of("EMAIL", "SLACK", "WEBHOOK")) {
            WebElement card = card("Destinations");
            new Select(card.findElement(By.cssSelector("[data-new-type]"))).selectByValue(type);
            card.findElement(By.cssSelector("[data-new-address]")).sendKeys(added.get(type));
            card.findElement(By.cssSelector("[data-add]")).click();
            wait.until(d -> card("Destinations").getText().contains(added.get(type)));
            assertThat(card("Destinations").findElement(By.cssSelector("[data-out]")).getText()).contains(says.get(type));
        }
        assertThat(watchlists(token).getList("destinations[0].type")).containsExactlyInAnyOrder("WEBHOOK", "EMAIL",
                "SLACK", "WEBHOOK");
        assertThat(card("Destinations").getText()).contains("PENDING_CONFIRMATION");

        for (String address : added.values()) {
            card("Destinations").findElement(By.cssSelector("[aria-label='Remove " + address + "']")).click();
            wait.until(d -> !card("Destinations").getText().contains(address));
        }
        assertThat(watchlists(token).getList("destinations[0].address")).containsExactly(SINK.url("/browser/first"));
    }

    @Test
    void aTestAlertShowsWhatTheReceiverAnswered() {
        String token = Fixtures.signUp();
        String fine = "/browser/test-ok/" + UUID.randomUUID();
        String gone = "/browser/test-gone/" + UUID.randomUUID();
        SINK.respondWith(r -> r.path().equals(gone) ? HttpSink.Response.status(400) : HttpSink.Response.ok("ok"));
        Fixtures.createWatchlist(token, Fixtures.watchlist("Test alerts", "{\"targets\": [\"EGFR\"]}", "IMMEDIATE",
                Fixtures.webhook(SINK.url(fine), SECRET), Fixtures.webhook(SINK.url(gone), SECRET)));
        signIn(token);

        card("Test alerts").findElement(By.cssSelector("[aria-label='Send test alert to " + SINK.url(fine) + "']")).click();
        wait.until(d -> card("Test alerts").getText().contains("test alert: SENT"));
        assertThat(SINK.requests().stream().filter(r -> r.path().equals(fine))).hasSize(1);

        card("Test alerts").findElement(By.cssSelector("[aria-label='Send test alert to " + SINK.url(gone) + "']")).click();
        wait.until(d -> card("Test alerts").getText().contains("test alert: FAILED"));
        assertThat(card("Test alerts").findElement(By.cssSelector("[data-out]")).getText()).contains("400");
    }

    @Test
    void theDeliveryHistoryShowsAFailedDeliveryWithItsLastError() {
        String token = Fixtures.signUp();
        String refused = "/browser/refused/" + UUID.randomUUID();
        SINK.respondWith(r -> r.path().equals(refused) ? new HttpSink.Response(422, Map.of(), "no thanks")
                : HttpSink.Response.ok("ok"));
        String id = Fixtures.createWatchlist(token, Fixtures.watchlist("Refused", "{\"drugs\": [\"BRW-FAIL\"]}",
                "IMMEDIATE", Fixtures.webhook(SINK.url(refused), SECRET))).getString("id");
        ClassifiedAnnouncement a = TestAnnouncements.her2Btd("BRW-FAIL");
        Fixtures.publish(a);
        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(given().header("Authorization", bearer(token))
                .get("/api/watchlists/" + id + "/deliveries").then().extract().path("[0].status")));
        signIn(token);

        card("Refused").findElement(By.cssSelector("[data-history]")).click();
        WebElement row = wait.until(d -> card("Refused").findElements(By.cssSelector("[data-out] tr")).stream()
                .filter(r -> r.getText().contains(a.announcement().title())).findFirst().orElse(null));
        assertThat(row.getText()).contains("WEBHOOK", "FAILED", "422");
    }

    @Test
    void caughtAnnouncementsHaveTheirEvidenceMarkedOverTheRightWordsInEnglishAndChinese() {
        String token = Fixtures.signUp();
        Fixtures.createWatchlist(token, Fixtures.watchlist("HER2 designations", "{\"targets\": [\"ERBB2\"], "
                + "\"eventTypes\": [\"BREAKTHROUGH_THERAPY\"]}", "IMMEDIATE",
                Fixtures.webhook(SINK.url("/browser/caught"), SECRET)));
        ClassifiedAnnouncement chinese = TestAnnouncements.her2BtdChineseNews();
        ClassifiedAnnouncement english = TestAnnouncements.her2Btd("JSKN-" + UUID.randomUUID().toString().substring(0, 4));
        Fixtures.publish(chinese);
        Fixtures.publish(english);
        await().atMost(Duration.ofSeconds(20)).until(() -> given().header("Authorization", bearer(token))
                .get("/api/announcements").then().extract().jsonPath().getList("id").size() == 2);
        signIn(token);

        WebElement en = announcement(english.announcement().title());
        assertThat(marks(en)).containsExactly(
                "Target:biparatopic HER2-targeting",
                "Modality:bispecific antibody-drug conjugate",
                "Event:has been granted breakthrough therapy designation by the U.S. Food and Drug Administration",
                "History:has been granted Fast Track Designation by the FDA");
        WebElement zh = announcement(chinese.announcement().title());
        // The title comes first in the text: its target and event are marked there, the modality only in the body.
        assertThat(marks(zh)).containsExactly("Target:HER2双特异性", "Event:拟纳入突破性治疗品种", "Modality:双特异性抗体偶联药物");
        assertThat(zh.findElement(By.cssSelector(".text")).getText()).isEqualTo(chinese.announcement().fullText());

        scrollTo(en);
        browser.screenshot("subscriber-page.png");
    }

    @Test
    void whileAWatchlistIsEditedThePageShowsWhatItWouldHaveCaught() {
        String token = Fixtures.signUp();
        String drug = "PRV-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        Fixtures.createWatchlist(token, Fixtures.watchlist("stores it", "{\"drugs\": [\"" + drug + "\"]}",
                "IMMEDIATE", Fixtures.webhook(SINK.url("/browser/preview"), SECRET)));
        ClassifiedAnnouncement a = TestAnnouncements.her2PriorityReview(drug);
        Fixtures.publish(a);
        await().atMost(Duration.ofSeconds(20)).until(() -> !given().header("Authorization", bearer(token))
                .get("/api/announcements").then().extract().jsonPath().getList("id").isEmpty());
        signIn(token);

        assertThat(text("preview-summary")).contains("Choose at least one");
        el(By.id("w-drugs")).sendKeys(drug);
        wait.until(d -> text("preview-summary").contains("1 stored announcement in the last 90 days"));
        assertThat(text("preview-newest")).contains(a.announcement().title(), "drug " + drug);
        assertThat(el(By.cssSelector("#preview-weeks table")).getText()).contains("1");
        assertThat(js("return Math.max(...[...document.querySelectorAll('#preview-weeks .bar')].map((b) => b.offsetHeight))"))
                .as("the week with the announcement has the full bar").isEqualTo(40L);

        new Select(el(By.id("w-agencies"))).selectByValue("EMA");
        wait.until(d -> text("preview-summary").contains("Nothing in the last 90 days"));
        new Select(el(By.id("w-agencies"))).deselectByValue("EMA");
        new Select(el(By.id("w-events"))).selectByValue("PRIORITY_REVIEW");
        // The summary already says "1 stored announcement" for the filter before the event was chosen (EMA
        // removed): wait for the preview of this filter, whose reasons name the event.
        wait.until(d -> text("preview-newest").contains("event PRIORITY_REVIEW/FDA: “has granted Priority Review”"));
        assertThat(text("preview-summary")).contains("1 stored announcement");
        scrollTo(el(By.id("w-filter")));
        browser.screenshot("watchlist-preview.png");
    }

    @Test
    void aRefusedFieldIsNamedNextToItsInput() {
        signIn(Fixtures.signUp());
        el(By.id("w-name")).sendKeys("Typo");
        el(By.id("w-targets")).sendKeys("HER2");
        el(By.id("d-address")).sendKeys(SINK.url("/browser/typo"));
        new Select(el(By.id("d-type"))).selectByValue("WEBHOOK");
        el(By.id("submit-watchlist")).click();

        // The preview names the same field and may draw the note anew meanwhile: read whichever stands.
        String note = wait.until(d -> {
            WebElement e = d.findElement(By.id("w-targets-error"));
            return e.isDisplayed() ? e.getText() : null;
        });
        assertThat(note).contains("filter.targets[0]", "'HER2' is not a known id", "ERBB2");
        WebElement input = el(By.id("w-targets"));
        assertThat(input.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(input.getAttribute("aria-describedby")).isEqualTo("w-targets-error");
        assertThat(js("return document.getElementById('w-targets').nextElementSibling.id")).isEqualTo("w-targets-error");
        assertThat(text("create-status")).contains("Not saved");

        input.clear();
        input.sendKeys("ERBB2");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("w-targets-error")));
        assertThat(input.getAttribute("aria-invalid")).isNull();
    }

    @Test
    void theMainFormWorksFromTheKeyboardAloneWithFocusVisible() {
        String token = Fixtures.signUp();
        signIn(token);
        js("document.activeElement.blur(); document.getElementById('watchlists').tabIndex = -1;"
                + "document.getElementById('watchlists').focus();");
        Actions keys = new Actions(driver);
        // From the list above the form, Tab walks the form in reading order.
        List<String> order = List.of("w-name", "w-targets", "w-companies", "w-modalities", "w-events", "w-agencies",
                "w-drugs", "w-keywords", "w-history", "w-digest", "w-reminders", "d-type", "d-address", "submit-watchlist");
        Map<String, CharSequence[]> typed = Map.of(
                "w-name", new CharSequence[] {"Keyboard only"},
                "w-targets", new CharSequence[] {"ERBB2"},
                "w-events", new CharSequence[] {Keys.HOME, "BREAKTHROUGH_T"},
                "w-agencies", new CharSequence[] {Keys.HOME, "FDA"},
                "w-history", new CharSequence[] {Keys.SPACE},
                "w-reminders", new CharSequence[] {Keys.END, ", 30"},
                "d-type", new CharSequence[] {"Signed"},
                "d-address", new CharSequence[] {SINK.url("/browser/keyboard")});
        for (String id : order) {
            keys.sendKeys(Keys.TAB).perform();
            assertFocusVisible();
            // The preview's links (what the filter so far would have caught) are stops of their own.
            for (int links = 0; links < 10 && Boolean.TRUE.equals(js("return !!document.activeElement.closest('#preview a')")); links++) {
                keys.sendKeys(Keys.TAB).perform();
                assertFocusVisible();
            }
            assertThat(js("return document.activeElement.id")).as("focus after Tab").isEqualTo(id);
            if (typed.containsKey(id)) {
                keys.sendKeys(typed.get(id)).perform();
                // Type-ahead in a list box forgets after a second; wait it out before the next one.
                sleep(id.startsWith("w-events") || id.startsWith("w-agencies") || id.equals("d-type") ? 1100 : 0);
                awaitPreview();
            }
        }
        keys.sendKeys(Keys.ENTER).perform();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("create-status"), "Created \"Keyboard only\""));
        JsonPath saved = watchlists(token);
        assertThat(saved.getList("filter.targets")).containsExactly(List.of("ERBB2"));
        assertThat(saved.getList("filter.eventTypes")).containsExactly(List.of("BREAKTHROUGH_THERAPY"));
        assertThat(saved.getList("filter.agencies")).containsExactly(List.of("FDA"));
        assertThat(saved.getList("filter.includeHistory")).containsExactly(true);
        assertThat(saved.getList("reminders")).containsExactly(List.of(30, 7, 1));
        assertThat(saved.getList("destinations[0].type")).containsExactly("WEBHOOK");
    }

    @Test
    void everyInputHasALabelMeaningIsNotColourAloneAndThePageFits375Pixels() {
        String token = Fixtures.signUp();
        Fixtures.createWatchlist(token, Fixtures.watchlist("Narrow screen with a long name to wrap",
                "{\"targets\": [\"ERBB2\"], \"modalities\": [\"BISPECIFIC_ADC\"]}", "IMMEDIATE",
                Fixtures.webhook(SINK.url("/browser/narrow/" + UUID.randomUUID() + "/a/long/path/that/must/wrap"), SECRET)));
        Fixtures.publish(TestAnnouncements.her2Btd("NRW-" + UUID.randomUUID().toString().substring(0, 4)));
        await().atMost(Duration.ofSeconds(20)).until(() -> !given().header("Authorization", bearer(token))
                .get("/api/announcements").then().extract().jsonPath().getList("id").isEmpty());
        signIn(token);
        el(By.cssSelector("#auth summary")).click();

        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) js("return [...document.querySelectorAll('input, select, textarea')]"
                + ".filter((e) => e.type !== 'hidden' && !(e.labels && e.labels.length) && !e.getAttribute('aria-label')"
                + " && !e.getAttribute('aria-labelledby')).map((e) => e.outerHTML)");
        assertThat(unlabelled).isEmpty();

        // Each kind of evidence has its own underline, not only its own colour; the legend shows the same.
        @SuppressWarnings("unchecked")
        List<String> styles = (List<String>) js("return ['Target', 'Modality', 'Event', 'History'].map((k) => {"
                + "const s = getComputedStyle(document.querySelector('#announcements mark.' + k));"
                + "return s.borderBottomStyle; })");
        assertThat(styles).doesNotHaveDuplicates().doesNotContain("none");
        assertThat(text("legend")).contains("solid", "dashed", "double", "dotted");

        // Focus shows on buttons as on fields.
        el(By.id("use-token")).sendKeys(Keys.SHIFT, Keys.TAB);
        new Actions(driver).sendKeys(Keys.TAB).perform();
        assertThat(js("return document.activeElement.id")).isEqualTo("use-token");
        assertThat(js("return getComputedStyle(document.activeElement).outlineStyle")).isNotEqualTo("none");

        browser.viewport(375, 812);
        assertThat(js("return window.innerWidth")).isEqualTo(375L);
        assertThat((Long) js("return document.documentElement.scrollWidth")).as("no sideways scrolling at 375 px")
                .isLessThanOrEqualTo(375L);
        for (String id : List.of("w-name", "w-targets", "w-modalities", "d-address", "submit-watchlist")) {
            WebElement e = el(By.id(id));
            scrollTo(e);
            assertThat(e.getRect().getX() + e.getRect().getWidth()).as("%s within the screen", id).isLessThanOrEqualTo(375);
            assertThat(e.getRect().getWidth()).as("%s wide enough to use", id).isGreaterThan(60);
        }
        assertThat(el(By.cssSelector("#announcements mark.Event")).isDisplayed()).isTrue();
    }

    @Test
    void anAlertMailAsTheSubscriberReadsIt() throws Exception {
        String token = Fixtures.signUp();
        String address = "mail-shot-" + UUID.randomUUID() + "@example.org";
        Fixtures.createWatchlist(token, Fixtures.watchlist("HER2 ADC designations", "{\"targets\": [\"ERBB2\"], "
                + "\"modalities\": [\"ADC\"]}", "IMMEDIATE", Fixtures.email(address)));
        await().atMost(Duration.ofSeconds(10)).until(() -> Fixtures.mailTo(address).size() == 1);
        given().post(Fixtures.confirmPath(Fixtures.mailTo(address).get(0))).then().statusCode(200);
        ClassifiedAnnouncement a = TestAnnouncements.her2Btd("JSKN-" + UUID.randomUUID().toString().substring(0, 4));
        Fixtures.publish(a);
        await().atMost(Duration.ofSeconds(20)).until(() -> Fixtures.mailTo(address).size() == 2);

        MimeMessage mail = Fixtures.mailTo(address).get(1);
        String html = htmlPart((Multipart) mail.getContent());
        Path file = Files.createTempFile("alert-mail", ".html");
        try {
            Files.writeString(file, html, StandardCharsets.UTF_8);
            driver.get(file.toUri().toString());
            assertThat(driver.findElement(By.tagName("body")).getText()).contains(a.announcement().title(),
                    "biparatopic HER2-targeting");
            browser.screenshot("alert-mail.png");
        } finally {
            Files.delete(file);
        }
    }

    /**
     * A change of the filter redraws the preview a moment later, and with it the links Tab walks through:
     * a keyboard user waits to see it, and so does this test.
     */
    @Test
    void theComingCatalystsAreListedByMonthWithTheirEvidenceAndTheCalendarLinkWorks() {
        clock.set(java.time.Instant.parse("2027-01-15T09:00:00Z")); // the page lists what is ahead of this day
        String token = Fixtures.signUp();
        String drug = "CVT-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        Fixtures.createWatchlist(token, Fixtures.watchlist("Corvane's ADC", "{\"drugs\": [\"" + drug + "\"]}", "IMMEDIATE",
                Fixtures.webhook(SINK.url("/browser/catalysts"), SECRET)));
        ClassifiedAnnouncement accepted = TestAnnouncements.blaAccepted(drug, java.time.LocalDate.of(2027, 9, 12),
                java.time.LocalDate.of(2027, 1, 12));
        Fixtures.publish(accepted);
        Fixtures.publish(TestAnnouncements.dated(drug + " data ahead", "Topline data from the pivotal study of " + drug
                        + " are expected in the first half of 2027.", java.time.LocalDate.of(2027, 1, 13), List.of(),
                List.of(drug), List.of(new io.bioalert.model.CatalystTag("READOUT", java.time.LocalDate.of(2027, 1, 1), "HALF",
                        null, drug, "Topline data ... are expected in the first half of 2027", null, null))));
        // Records of different announcements are handled in parallel: the extension waits for the acceptance, or
        // arriving first it would open the catalyst at its own date, and the acceptance, older, would move nothing.
        await().atMost(Duration.ofSeconds(20)).until(() -> given().header("Authorization", bearer(token))
                .get("/api/catalysts").then().extract().jsonPath().getList("date").contains("2027-09-12"));
        Fixtures.publish(TestAnnouncements.pdufaExtended(drug, java.time.LocalDate.of(2027, 12, 12), "DAY",
                java.time.LocalDate.of(2027, 1, 14)));
        await().atMost(Duration.ofSeconds(20)).until(() -> given().header("Authorization", bearer(token))
                .get("/api/catalysts").then().extract().jsonPath().getList("date").equals(List.of("2027-01-01", "2027-12-12")));
        signIn(token);

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#catalysts li")));
        assertThat(el(By.id("catalysts")).findElements(By.cssSelector("h3")).stream().map(WebElement::getText).toList())
                .containsExactly("January 2027", "December 2027");
        List<WebElement> items = el(By.id("catalysts")).findElements(By.cssSelector("li"));
        assertThat(items.get(0).getText()).startsWith("H1 2027 " + drug + " data readout")
                .contains("“Topline data ... are expected in the first half of 2027”");
        assertThat(items.get(1).getText()).startsWith("2027-12-12 " + drug + " PDUFA date (FDA)")
                .contains("“the new PDUFA target action date is 2027-12-12”")
                .contains("Moved from 2027-09-12 to 2027-12-12 — FDA extends review of " + drug + " (2027-01-14)")
                .contains("Followed by Corvane's ADC");
        assertThat(items.get(1).findElement(By.cssSelector(".evidence a")).getAttribute("href")).startsWith("https://news.example.org/");
        assertThat(card("Corvane's ADC").getText()).contains("Reminders 7, 1 day(s) before each catalyst");
        scrollTo(el(By.id("coming-catalysts")));
        browser.screenshot("catalyst-calendar.png");

        el(By.id("feed-new")).click();
        String url = wait.until(d -> d.findElements(By.id("feed-url")).stream().findFirst().map(e -> e.getAttribute("value"))
                .orElse(null));
        assertThat(url).matches(".*/calendar/cal_[A-Za-z0-9_-]+\\.ics");
        String path = java.net.URI.create(url).getPath();
        assertThat(given().get(path).then().statusCode(200).extract().asString()).contains("SUMMARY:" + drug + " PDUFA date (FDA)");
        assertThat(text("feed-status")).contains("is active");
        el(By.id("feed-stop")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("feed-out"), "no longer works"));
        given().get(path).then().statusCode(404);
    }

    private void awaitPreview() {
        sleep(400);
        wait.until(d -> !"Looking…".equals(text("preview-summary")));
    }

    private void assertFocusVisible() {
        assertThat(js("const s = getComputedStyle(document.activeElement);"
                + "return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2"))
                .as("focus visible on %s", js("return document.activeElement.outerHTML.slice(0, 80)")).isEqualTo(true);
    }

    private static String htmlPart(Multipart parts) throws Exception {
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getContent() instanceof Multipart inner) {
                return htmlPart(inner);
            }
            if (part.getContentType().toLowerCase().startsWith("text/html")) {
                return part.getContent().toString();
            }
        }
        throw new AssertionError("no HTML part");
    }

    /** Lists are drawn anew after each change, so an element found a moment ago may be gone: look again. */
    private static WebDriverWait waitFor(WebDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private void signIn(String token) {
        driver.get(root + "#token=" + token);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("auth-status"), "Signed in"));
        wait.until(d -> !el(By.id("w-modalities")).findElements(By.tagName("option")).isEmpty());
    }

    private WebElement el(By by) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(by));
    }

    private String text(String id) {
        return el(By.id(id)).getText();
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private void scrollTo(WebElement e) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'})", e);
    }

    /** The watchlist card whose name is {@code name}, once the list shows it. */
    private WebElement card(String name) {
        return wait.until(find(By.cssSelector("#watchlists .card"), c -> c.findElement(By.tagName("b")).getText().equals(name)));
    }

    private WebElement announcement(String title) {
        return wait.until(find(By.cssSelector("#announcements .card"), c -> c.findElement(By.tagName("b")).getText().equals(title)));
    }

    private static Function<WebDriver, WebElement> find(By by, java.util.function.Predicate<WebElement> which) {
        return d -> d.findElements(by).stream().filter(which).findFirst().orElse(null);
    }

    /** "Kind:text" of each mark in the card's text, in reading order. */
    private static List<String> marks(WebElement card) {
        return card.findElements(By.cssSelector(".text mark")).stream()
                .map(m -> m.getAttribute("class") + ":" + m.getText()).toList();
    }

    private JsonPath watchlists(String token) {
        return given().header("Authorization", bearer(token)).get("/api/watchlists").then().statusCode(200).extract()
                .jsonPath();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
