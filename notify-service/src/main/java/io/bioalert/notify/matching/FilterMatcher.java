package io.bioalert.notify.matching;

/**
 * One filter on its own, for judging stored announcements after the fact (a preview). It runs
 * {@link CompiledFilter#matches}, the check {@link MatchIndex} applies to every candidate of a live
 * announcement, so a preview and live matching cannot disagree about what a filter catches.
 */
public final class FilterMatcher {

    final CompiledFilter compiled;
    private final boolean keywords;

    public FilterMatcher(WatchFilter filter) {
        this.compiled = new CompiledFilter(filter);
        this.keywords = !filter.keywords().isEmpty();
    }

    /**
     * False when no keyword phrase of the filter stands in the text ({@link AnnouncementFacts#paddedText}), so
     * the filter cannot match: the last test {@link CompiledFilter#matches} makes of keywords, made without
     * building the text's facts.
     */
    public boolean keywordsMayMatch(String paddedText) {
        for (String k : compiled.paddedKeywords) {
            if (paddedText.contains(k)) {
                return true;
            }
        }
        return !keywords;
    }

    public boolean matches(AnnouncementFacts announcement) {
        return compiled.matches(announcement);
    }
}
