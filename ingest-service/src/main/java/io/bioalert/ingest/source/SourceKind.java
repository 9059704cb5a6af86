package io.bioalert.ingest.source;

/** What a polled source is. Push and file import are not polled and need no source. */
public enum SourceKind {
    /** RSS 0.9x/1.0/2.0 or Atom feed. */
    FEED,
    /** One web page that is one article (fetched again when it changes). */
    PAGE,
    /** A page that links to articles (a press-release index); each new link is fetched as a page. */
    LISTING
}
