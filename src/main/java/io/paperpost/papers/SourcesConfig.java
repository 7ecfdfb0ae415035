package io.paperpost.papers;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Where the daily import reads papers, and how politely. Keys under {@code paperpost.sources}. */
@ConfigMapping(prefix = "paperpost.sources")
public interface SourcesConfig {

    Http http();

    HuggingFace huggingface();

    Arxiv arxiv();

    File file();

    /** HTTP behaviour shared by the online sources. */
    interface Http {

        /** User-Agent of every request. Default names PaperPost; operators should add a contact address. */
        @WithDefault("PaperPost/0.1 (personalized research-paper newsletter)")
        String userAgent();

        /** Time to open a connection. Default 10 s. */
        @WithDefault("10s")
        Duration connectTimeout();

        /** Time for one whole response, headers and body. Default 60 s. */
        @WithDefault("60s")
        Duration readTimeout();

        /** Retries after the first attempt on 408, 429, 5xx, timeouts and network errors. Default 3. */
        @WithDefault("3")
        int maxRetries();

        /** Wait before the first retry, doubled before each next one. Default 5 s. */
        @WithDefault("5s")
        Duration initialBackoff();

        /** Longest wait between attempts, unless a Retry-After asks for more. Default 60 s. */
        @WithDefault("60s")
        Duration maxBackoff();

        /** Longest Retry-After honoured; a server asking for longer fails the source at once. Default 5 min. */
        @WithDefault("5m")
        Duration maxRetryAfter();

        /** Largest response body read, in bytes. Default 32 MiB. */
        @WithDefault("33554432")
        int maxBodyBytes();
    }

    /** Hugging Face Daily Papers: community upvotes, code and project links. */
    interface HuggingFace {

        /** Read this source in the daily import. Default false (enabled in config/application.properties). */
        @WithDefault("false")
        boolean enabled();

        /**
         * When it is read (Quartz cron, seconds first, UTC). The day's list grows all day and a conditional request
         * costs one 304 when it has not changed, so hourly: every zone's morning email has what was listed by then.
         * Default: five past every hour.
         */
        @WithDefault("0 5 * * * ?")
        String cron();

        /** The Daily Papers API. Default https://huggingface.co/api/daily_papers. */
        @WithDefault("https://huggingface.co/api/daily_papers")
        String url();

        /** How many days' lists to read, ending today (UTC): 2 reads yesterday's full list and today's. Default 2. */
        @WithDefault("2")
        int days();

        /** Papers asked per page ({@code limit}). Default 100. */
        @WithDefault("100")
        int pageSize();

        /** Pages read per day at most ({@code p} = 0, 1, ...). Default 5. */
        @WithDefault("5")
        int maxPages();

        /** {@code sort} parameter, e.g. {@code trending}; absent by default (the day's list in its order). */
        Optional<String> sort();
    }

    /** arXiv: the API for new submissions, the RSS feed for announcements and new versions. */
    interface Arxiv {

        /** Least time between two requests to arXiv (API and RSS alike); arXiv asks for 3 s. Default 3 s. */
        @WithDefault("3s")
        Duration minInterval();

        Api api();

        Rss rss();

        interface Api {

            /** Read this source in the daily import. Default false (enabled in config/application.properties). */
            @WithDefault("false")
            boolean enabled();

            /**
             * When it is read (Quartz cron, seconds first, UTC). arXiv announces at 20:00 US Eastern, 00:00 or 01:00
             * UTC with daylight saving time; once after that is enough. Default: 01:30 UTC.
             */
            @WithDefault("0 30 1 * * ?")
            String cron();

            /** The API's query endpoint. Default http://export.arxiv.org/api/query. */
            @WithDefault("http://export.arxiv.org/api/query")
            String url();

            /** Categories queried (joined with OR). Default the catalog's main categories. */
            @WithDefault("cs.LG,cs.CL,cs.CV,cs.AI,cs.RO,cs.DC,cs.AR,stat.ML")
            List<String> categories();

            /** Entries per request ({@code max_results}); arXiv serves at most 2000. Default 200. */
            @WithDefault("200")
            int pageSize();

            /** Entries read per import at most. Default 3000. */
            @WithDefault("3000")
            int maxResults();

            /** How far back the first import reads, with no earlier successful import. Default 48 h. */
            @WithDefault("48h")
            Duration firstLookback();

            /** Read this far before the last successful import's start, for entries arXiv lists late. Default 12 h. */
            @WithDefault("12h")
            Duration overlap();
        }

        interface Rss {

            /** Read this source in the daily import. Default false (enabled in config/application.properties). */
            @WithDefault("false")
            boolean enabled();

            /**
             * When it is read (Quartz cron, seconds first, UTC). The feeds are rebuilt at midnight US Eastern, 04:00
             * or 05:00 UTC. Default: 05:30 UTC.
             */
            @WithDefault("0 30 5 * * ?")
            String cron();

            /** The RSS base; the categories are appended as {@code /cs.LG+cs.CL}. Default https://rss.arxiv.org/rss. */
            @WithDefault("https://rss.arxiv.org/rss")
            String url();

            /** Categories read, in one feed. Default the catalog's main categories. */
            @WithDefault("cs.LG,cs.CL,cs.CV,cs.AI,cs.RO,cs.DC,cs.AR,stat.ML")
            List<String> categories();
        }
    }

    /** A JSON Lines file in the sample format, for offline use. */
    interface File {

        /** Read the file in the daily import. Default false. */
        @WithDefault("false")
        boolean enabled();

        /** When it is read (Quartz cron, seconds first, UTC). Default: 05:00 UTC. */
        @WithDefault("0 0 5 * * ?")
        String cron();

        /** Path of the file, relative to the working directory. Default data/import/papers.jsonl. */
        @WithDefault("data/import/papers.jsonl")
        String path();
    }
}
