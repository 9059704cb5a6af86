package io.bioalert.ingest.clean;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether an element's class or id names a page widget (share bar, cookie banner, related-news rail, menu).
 * A name is judged token by token, never by substring: {@code share-bar} and {@code cookieBanner} are widgets,
 * but a layout wrapper such as {@code panel-two-col-sidebar-right-mix}, {@code nav_drawer_slide} or
 * {@code gigya-share-btns-2-Parent} is not, because it also carries words that are no widget's (layout,
 * vendor and state words), and such wrappers often hold the whole article.
 */
public final class WidgetNames {

    /** Words that make a name a widget's. */
    private static final Set<String> WIDGET = Set.of("cookie", "cookies", "consent", "gdpr", "newsletter", "subscribe",
            "subscription", "signup", "social", "share", "shares", "sharing", "sharebar", "advert", "advertisement",
            "ad", "ads", "adslot", "sponsor", "sponsored", "promo", "promotion", "breadcrumb", "breadcrumbs", "related",
            "recommended", "recommendations", "sidebar", "popup", "modal", "paywall", "login", "comment", "comments",
            "banner", "menu", "nav", "navbar", "navigation", "footer", "masthead", "toolbar", "tags", "disqus",
            "outbrain", "taboola", "rss", "shoutbox", "skyscraper", "pagination", "pager", "agegate", "header", "foot",
            "combx", "community", "supplemental", "remark", "replies", "legends", "partner", "partners", "trending",
            "byline", "credits",
            // Compounds written as one word by common plugins (Jetpack, AddThis, ShareThis, consent managers).
            "relatedposts", "relatedarticles", "relatedstories", "relatedlinks", "relatedcontent", "socialshare",
            "sharebuttons", "sharethis", "addthis", "sharedaddy", "cookiebanner", "cookieconsent", "newslettersignup");
    /** Parts that make a name a media player's wherever they stand: its controls and labels are never article text. */
    private static final Set<String> PLAYER = Set.of("player", "videoplayer", "jwplayer", "vjs", "mediaplayer");
    /** Words that may stand beside a widget word without making the name anything else. */
    private static final Set<String> FILLER = Set.of("bar", "box", "btn", "btns", "button", "buttons", "link", "links",
            "list", "container", "wrapper", "wrap", "widget", "widgets", "block", "module", "area", "panel", "top",
            "bottom", "right", "left", "inner", "outer", "icon", "icons", "tool", "tools", "section", "items", "item",
            "rail", "news", "stories", "story", "articles", "posts", "content", "main", "primary", "secondary", "global",
            "site", "page", "mobile", "desktop", "sticky", "fixed", "floating", "notice", "message", "overlay", "dialog",
            "form", "cta", "unit", "slot", "label", "title", "heading", "more", "you", "may", "like", "also", "read",
            "for", "to", "us", "with", "and", "of", "the", "a", "on", "js", "is", "has", "col", "row", "group", "jp", "post", "grid", "thumbs", "img", "visual");
    private static final Pattern PARTS = Pattern.compile("[-_]+|(?<=[a-z])(?=[A-Z])|(?<=[a-zA-Z])(?=[0-9])|(?<=[0-9])(?=[a-zA-Z])");

    private WidgetNames() {
    }

    /** True when any class token or the id of {@code classAndId} ("a b c id") names a widget. */
    public static boolean isWidget(String classAndId) {
        if (classAndId == null) {
            return false;
        }
        for (String token : classAndId.strip().split("\\s+")) {
            if (!token.isEmpty() && isWidgetToken(token)) {
                return true;
            }
        }
        return false;
    }

    static boolean isWidgetToken(String token) {
        String[] parts = PARTS.split(token);
        for (String part : parts) {
            if (PLAYER.contains(part.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        boolean widgetWord = false;
        for (String part : parts) {
            String p = part.toLowerCase(Locale.ROOT);
            if (p.isEmpty() || p.chars().allMatch(Character::isDigit)) {
                continue;
            }
            if (WIDGET.contains(p)) {
                widgetWord = true;
            } else if (!FILLER.contains(p)) {
                return false;
            }
        }
        return widgetWord;
    }
}
