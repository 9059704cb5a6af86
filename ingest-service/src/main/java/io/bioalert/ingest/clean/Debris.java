package io.bioalert.ingest.clean;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What page debris looks like once a page has become lines of text: navigation words, sign-up and
 * log-in prompts, cookie banners, ads and image credits. Kept apart from the cleaner so the list can
 * grow as new sites show new kinds of debris.
 */
final class Debris {

    /** Whole lines that are navigation or widget labels, compared case-insensitively. */
    private static final Set<String> NAV_LINES = Set.of(
            "show", "hide", "close", "menu", "search", "home", "news", "press releases", "press release",
            "back", "next", "previous", "top", "back to top", "skip to content", "skip to main content",
            "share", "share this", "share this article", "print", "email", "tweet", "en", "cn", "zh", "中文",
            "login", "log in", "log-in", "sign in", "register", "subscribe", "subscribe now", "follow us",
            "contact us", "font size", "text size", "back to log-in", "back to login", "read more",
            "advertisement", "sponsored", "sponsored content", "related articles", "related news",
            "accept", "accept all", "reject all", "manage cookies", "cookie settings", "more news", "stay connected",
            // Chinese sites and WeChat posts: navigation and the share / like / "wow" buttons under a post.
            "首页", "首頁", "返回", "返回顶部", "返回頂部", "返回首页", "返回首頁", "上一篇", "下一篇", "分享", "分享到",
            "收藏", "点赞", "在看", "打印",
            "关闭", "字号", "大 中 小", "原创", "星标", "置顶", "分享 收藏 点赞 在看", "分享收藏点赞在看");

    /** Lines that are debris whatever their length (they never occur inside an announcement's prose). */
    private static final List<Pattern> LINE_PATTERNS = List.of(
            Pattern.compile("^image (source|credit|courtesy)s?\\s*:.*"),
            Pattern.compile("^(photo|picture|image) ?(credit|source)?\\s*:\\s*\\S.{0,80}$"),
            Pattern.compile("^forgot your password\\??$"),
            Pattern.compile("^lost your password\\?.*"),
            Pattern.compile("^home\\s*(>|»|›|/|\\|)\\s*.*"),
            Pattern.compile("^sign ?up (to|for) (our|the) .*newsletter.*"),
            Pattern.compile("^(subscribe|sign up) (to|for) .{0,40}(newsletter|alerts|updates).*"),
            Pattern.compile("^schedule your .{0,60}demo!?$"),
            Pattern.compile("^discover why more than .{0,40} use .*"),
            Pattern.compile("^click here to .{0,80}$"),
            Pattern.compile("^.{0,80}\\bunsubscribe\\b.{0,80}$"),
            Pattern.compile("^(this (web)?site|we) uses? cookies.*"),
            Pattern.compile(".{0,200}\\b(accept (all )?cookies|cookie (policy|preferences|settings))\\b.{0,200}"),
            Pattern.compile("^(follow|like) us on .{0,60}$"),
            Pattern.compile("^(share|tweet|email|print) (this|on) .{0,40}$"),
            Pattern.compile("^[点點][击擊]上方.{0,20}[关關]注.{0,20}$"),
            Pattern.compile("^(上一篇|下一篇|[责責]任[编編][辑輯]|[编編][辑輯]|[责責][编編]|排版|[审審]核|校[对對]|[图圖]片來源|[图圖]片来源|[图圖]源)\\s*[:：].{0,60}$"),
            Pattern.compile("^(分享到|分享至)\\s*[:：]?.{0,40}$"),
            // Teasers for other stories put between paragraphs: "Related: FDA approves …", "Next on BioWire: …".
            Pattern.compile("^(related|related story|related article|related coverage|read more|read next|see also"
                    + "|also read|more|recommended|next on .{1,40}|up next|coming up next)\\s*[:：|»›>-]\\s*.{0,200}$"),
            // Video players' labels and durations, and photo credits under images.
            Pattern.compile("^(video|watch|play video|now playing|playing next|watch now|replay|autoplay)"
                    + "(\\s*[:：|-]\\s*.{0,150})?$"),
            Pattern.compile("^\\(?\\d{1,2}:\\d{2}(:\\d{2})?\\)?$"),
            Pattern.compile("^(your )?(video|clip) will (play|start|begin) in .{0,20}$"),
            Pattern.compile("^\\(?(photo|image|picture|video|graphic)s?\\s*(by|credit|credits|courtesy( of)?)\\b.{0,100}$"),
            Pattern.compile("^.{0,100}(/|\\bvia |credit:?\\s|photo:?\\s|©\\s?)\\s?.{0,40}(getty images|shutterstock|istock(photo)?"
                    + "|reuters|ap photo|afp|alamy|bloomberg)\\)?\\.?$"),
            // Partner and sponsored links around the article.
            Pattern.compile("^(partner content|from our partners|more from our partners|sponsored (content|links|stories|by .{1,40})"
                    + "|paid (content|post|partner content)|promoted (stories|links|content)|around the web|recommended by .{1,30}"
                    + "|content by .{1,40}|ads by .{1,30})$"));

    /**
     * Where a WeChat-style post ends and its boilerplate begins: disclaimer, "scan the QR code", "read the
     * original", "follow us", "recommended reading". Everything from such a line on goes, prose included (a
     * disclaimer is prose), once enough of the article precedes it.
     */
    private static final List<Pattern> END_MARKERS = List.of(
            Pattern.compile("^(免[责責][声聲]明|版[权權][声聲]明|特[别別][声聲]明)(\\s*[:：].*)?$"),
            Pattern.compile("^([长長]按|扫描|掃描|扫码|掃碼|[识識][别別]).{0,10}(二[维維][码碼]|[关關]注).{0,40}$"),
            Pattern.compile("^([点點][击擊])?[“\"「]?[阅閱][读讀]原文[”\"」]?.{0,40}$"),
            Pattern.compile("^([欢歡]迎[关關]注|[点點][击擊][关關]注|[关關]注我[们們]|[关關]注公[众眾][号號]).{0,40}$"),
            Pattern.compile("^(往期推[荐薦]|往期回[顾顧]|往期精[选選]|推[荐薦][阅閱][读讀]|相[关關][阅閱][读讀]|精彩推[荐薦]"
                    + "|延伸[阅閱][读讀]|[热熱][门門]文章)\\s*[:：]?$"),
            Pattern.compile("^[-—–\\s]*end[-—–\\s]*$"));

    private static final Pattern DISCLAIMER = Pattern.compile("(免[责責]|版[权權]|特[别別])[声聲]明");

    /** A line from which everything to the end is sign-up and account widgets, unless prose follows. */
    private static final List<Pattern> TAIL_MARKERS = List.of(
            Pattern.compile("^stay connected!?$"),
            Pattern.compile("^sign ?up (to|for) (our|the) .*newsletter.*"),
            Pattern.compile("^(you may also like|related (news|articles|stories|posts)|recommended for you|more from .{0,40})$"));

    /** Opens (and closes) a promotional block such as "Schedule your 30 min Free ... Demo!". */
    private static final Pattern PROMO_BLOCK = Pattern.compile("^schedule your .{0,60}demo!?$");

    /** Debris is short: a line longer than this is prose, whatever words it contains. */
    private static final int MAX_DEBRIS_LINE = 300;

    private Debris() {
    }

    static boolean isDebrisLine(String line) {
        if (line.isEmpty() || line.length() > MAX_DEBRIS_LINE) {
            return false;
        }
        String l = normalise(line);
        if (NAV_LINES.contains(l)) {
            return true;
        }
        for (Pattern p : LINE_PATTERNS) {
            if (p.matcher(l).matches()) {
                return true;
            }
        }
        return false;
    }

    static boolean isTailMarker(String line) {
        if (line.length() > MAX_DEBRIS_LINE) {
            return false;
        }
        String l = normalise(line);
        return TAIL_MARKERS.stream().anyMatch(p -> p.matcher(l).matches());
    }

    static boolean isEndMarker(String line) {
        // A disclaimer is a long paragraph; every other end marker is a short line.
        if (line.isEmpty() || line.length() > MAX_DEBRIS_LINE && !DISCLAIMER.matcher(line).lookingAt()) {
            return false;
        }
        String l = normalise(line);
        return END_MARKERS.stream().anyMatch(p -> p.matcher(l).matches());
    }

    static boolean isPromoBlockEdge(String line) {
        return line.length() <= MAX_DEBRIS_LINE && PROMO_BLOCK.matcher(normalise(line)).matches();
    }

    static String normalise(String line) {
        // A plain loop: this runs several times per line of every page, and regex replaceAll dominated the profile.
        String l = line.strip();
        StringBuilder sb = new StringBuilder(l.length());
        boolean space = false;
        for (int i = 0; i < l.length(); i++) {
            char c = l.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            if (space && !sb.isEmpty()) {
                sb.append(' ');
            }
            space = false;
            sb.append(Character.toLowerCase(c));
        }
        int end = sb.length();
        if (end > 0 && (sb.charAt(end - 1) == '.' || sb.charAt(end - 1) == ':' || sb.charAt(end - 1) == '：'
                || sb.charAt(end - 1) == '。')) {
            sb.setLength(end - 1);
        }
        return sb.toString();
    }
}
