package io.bioalert.notify.matching;

/**
 * One filter on its own, for judging stored announcements after the fact (a preview). It runs
 * {@link CompiledFilter#matches}, the check {@link MatchIndex} applies to every candidate of a live
 * announcement, so a preview and live matching cannot disagree about what a filter catches.
 */
public final class FilterMatcher {

    private final CompiledFilter compiled;

    public FilterMatcher(WatchFilter filter) {
        this.compiled = new CompiledFilter(filter);
    }

    public boolean matches(AnnouncementFacts announcement) {
        return compiled.matches(announcement);
    }
}
