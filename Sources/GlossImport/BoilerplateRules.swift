/// What the cleaner does with a line a rule matches. Nothing is deleted silently: every
/// action is reported with the rule's name and the line.
enum RuleAction: Sendable {
    case drop, related, author, dateline, tags, title
}

/// Where on the page a rule applies: some shapes are boilerplate only at the top or bottom of a
/// page (a short title-case line at the end is a related headline, in the middle a subheading).
enum RuleRegion: Sendable {
    case anywhere, head, tail
}

struct BoilerplateRule: Sendable {
    let name: String
    let region: RuleRegion
    let action: RuleAction
    let matches: @Sendable (LineShape) -> Bool
}

/// Every boilerplate rule, in the order they are tried: the one place to read, test and extend.
enum BoilerplateRules {
    static let all: [BoilerplateRule] = [
        // Anywhere on the page; whole-line matches only, so prose is never cut.
        BoilerplateRule(name: "clock", region: .anywhere, action: .dateline, matches: isClock),
        BoilerplateRule(name: "read-more", region: .anywhere, action: .related, matches: { relatedItem($0.text) != nil }),
        BoilerplateRule(name: "separator", region: .anywhere, action: .drop, matches: { line in
            line.wordCount <= 4 && !line.text.unicodeScalars.contains { $0.isLetterFast }
        }),
        BoilerplateRule(name: "player", region: .anywhere, action: .drop, matches: { player.covers($0.tokens) }),
        BoilerplateRule(name: "share", region: .anywhere, action: .drop, matches: { share.covers($0.tokens) }),
        BoilerplateRule(name: "comments", region: .anywhere, action: .drop, matches: { line in
            comments.covers(line.tokens) || line.opens(within: 120, with: commentPolicyOpenings)
        }),
        BoilerplateRule(name: "subscribe", region: .anywhere, action: .drop, matches: { subscribe.covers($0.tokens) }),
        BoilerplateRule(name: "advert", region: .anywhere, action: .drop, matches: { advert.covers($0.tokens) }),
        BoilerplateRule(name: "navigation", region: .anywhere, action: .drop, matches: { navigation.covers($0.tokens) }),
        BoilerplateRule(name: "copyright", region: .anywhere, action: .drop, matches: isCopyright),
        BoilerplateRule(name: "photo-credit", region: .anywhere, action: .drop, matches: { line in
            line.opens(within: 20, with: ["photo:", "photo credit", "photograph:", "photos:", "image:", "image source", "picture:", "credit:", "file photo", "getty images",
                                         "foto:", "fotos:", "bild:", "titelbild:", "abbildung:", "photo :", "crédit photo", "crédits photo", "zdjęcie:"])
        }),
        // A picture's caption that ends with its credit ("Lee Elder in 1975. | © Augusta National/Getty
        // Images", "2/28 photos © Shutterstock"): the picture's, not the story's.
        BoilerplateRule(name: "caption-credit", region: .anywhere, action: .drop, matches: isCaptionCredit),
        BoilerplateRule(name: "source-credit", region: .anywhere, action: .drop, matches: { line in
            line.opens(within: 8, with: ["source:", "sources:", "quelle:", "quellen:", "quellenangaben:", "fuente:", "fuentes:", "źródło:", "bron:"])
        }),
        // A post's own advertising notice ("*Werbung. Dieser Beitrag enthält Werbung für …", "This post contains affiliate links.").
        BoilerplateRule(name: "ad-disclosure", region: .anywhere, action: .drop, matches: { line in
            line.opens(within: 30, with: ["*werbung", "werbung:", "werbung.", "anzeige:", "dieser beitrag enthält werbung", "dieser artikel enthält werbung",
                                         "this post contains affiliate", "this article contains affiliate", "this post may contain affiliate",
                                         "this post is sponsored", "disclosure: this post"])
        }),
        BoilerplateRule(name: "cookies", region: .anywhere, action: .drop, matches: { line in
            let text = line.lowercased
            return line.wordCount <= 60 && text.containsBytes("cookie") && ["we use", "accept", "consent", "privacy", "wir verwenden", "verwendet cookies",
                                                                            "akzeptier", "zustimm", "datenschutz", "utilizamos", "aceptar", "utilisons",
                                                                            "accepter", "korzystamy", "używamy", "utilizziamo", "accett"].contains { text.containsBytes($0) }
        }),
        // The placeholder of an embedded video or post that loads only with the reader's consent
        // ("Empfohlener redaktioneller Inhalt … Ich bin damit einverstanden, dass mir Inhalte von
        // YouTube angezeigt werden."): a switch's label, not the story's text.
        BoilerplateRule(name: "embed-consent", region: .anywhere, action: .drop, matches: { line in
            line.wordCount <= 40 && (embedConsent.covers(line.tokens) || embedConsentPhrases.contains { line.lowercased.containsBytes($0) }
                || line.opens(within: 4, with: ["link zum "]))
        }),
        // The site's note that a story is a machine translation of another edition's: about the
        // story, not of it ("Dies ist eine maschinelle Übersetzung eines Artikels unserer US-Kollegen").
        BoilerplateRule(name: "translation-note", region: .anywhere, action: .drop, matches: { line in
            line.opens(within: 40, with: ["dies ist eine maschinelle übersetzung", "dieser artikel wurde maschinell übersetzt",
                                         "this article was machine translated", "this article has been machine translated",
                                         "this is a machine translation", "este artículo ha sido traducido automáticamente",
                                         "cet article a été traduit automatiquement"])
        }),
        // The note under a guest column that its views are the writer's ("Gastkommentare … müssen
        // nicht der Meinung der Redaktion entsprechen", "The views expressed are the author's own and
        // do not necessarily reflect …"): about the story, wherever the site puts it. A story's own
        // sentence that something "does not necessarily reflect" another names no writer's views.
        BoilerplateRule(name: "opinion-disclaimer", region: .anywhere, action: .drop, matches: { line in
            let text = line.lowercased
            guard line.wordCount <= 50 else { return false }
            return disclaimerPhrases.contains { text.containsBytes($0) }
                || (hedgePhrases.contains { text.containsBytes($0) } && disclaimedFor.contains { text.containsWord($0) }
                    && (text.containsBytes("view") || text.containsBytes("opinion")))
        }),
        // A prompt to subscribe or sign up that no story sentence opens with, wherever the site puts
        // it ("To view the full story, please subscribe to …", "Never miss the latest news by signing up …").
        BoilerplateRule(name: "sign-up-prompt", region: .anywhere, action: .drop, matches: { line in
            line.opens(within: 45, with: ["to view the full story", "to read the full story", "to continue reading, please", "to continue reading this",
                                         "never miss the latest", "receive our monthly newsletter", "receive our weekly newsletter",
                                         "receive our daily newsletter", "sign up to our newsletter", "sign up for our newsletter",
                                         "subscribe to our newsletter", "if you enjoyed reading this", "if you enjoyed this article",
                                         "if you enjoyed this post"])
        }),
        BoilerplateRule(name: "feed-footer", region: .anywhere, action: .drop, matches: { $0.wordCount <= 40 && $0.lowercased.containsBytes(" appeared first on ") }),
        BoilerplateRule(name: "site-footer", region: .anywhere, action: .drop, matches: { line in
            line.opens(within: 15, with: ["our standards", "terms of use", "terms of service", "terms and conditions", "privacy policy", "cookie policy",
                                         "contact us", "about us", "advertise with us", "reuse this content", "all quotes delayed", "kontaktieren sie uns"])
        }),
        // Top of the page, before the first paragraph of prose.
        BoilerplateRule(name: "byline", region: .head, action: .author, matches: { bylineAuthor($0) != nil }),
        // A bare name under the title ("Kiyoshi Takenaka", "Justin McCurry in Tokyo"); the cleaner
        // accepts it only after a title, so a first-line headline is never taken for a name.
        BoilerplateRule(name: "author-line", region: .head, action: .author, matches: { authorLine($0) != nil }),
        BoilerplateRule(name: "title", region: .head, action: .title, matches: { $0.isHeadlineLike && $0.wordCount >= 3 }),
        BoilerplateRule(name: "section-label", region: .head, action: .drop, matches: isLabel),
        // Bottom of the page, after the last paragraph of prose.
        BoilerplateRule(name: "credits", region: .tail, action: .drop, matches: { line in
            line.opens(within: 30, with: ["reporting by", "(reporting by", "additional reporting", "(additional reporting", "editing by", "(editing by",
                                         "writing by", "(writing by", "compiled by", "(compiled by", "with files from", "(with files from",
                                         "with reports from", "(with reports from", "with information from", "(with information from",
                                         // The translator's credit of a syndicated column ("Aus dem Englischen von Jan Doolan").
                                         "translated by", "translated from the", "aus dem englischen von", "aus dem englischen übersetzt",
                                         "übersetzung aus dem", "traduit de l'anglais", "traduit de l\u{2019}anglais", "traducido del inglés"])
                || (line.wordCount <= 30 && (line.lowercased.containsBytes("contributed to this report") || line.lowercased.containsBytes("contributed reporting")))
        }),
        BoilerplateRule(name: "call-to-action", region: .tail, action: .drop, matches: isCallToAction),
        BoilerplateRule(name: "social-profile", region: .tail, action: .drop, matches: isSocialProfile),
        // WordPress's line under a post ("This entry was posted in News and tagged trade. Bookmark the permalink.").
        BoilerplateRule(name: "post-footer", region: .tail, action: .drop, matches: { line in
            line.opens(within: 60, with: ["this entry was posted in", "this entry was posted on", "this entry was filed under", "this post was posted in",
                                         "dieser eintrag wurde veröffentlicht", "dieser beitrag wurde unter", "dieser beitrag wurde veröffentlicht",
                                         "cette entrée a été publiée", "ce billet a été publié", "esta entrada fue publicada", "questa voce è stata pubblicata"])
                || (line.wordCount <= 60 && line.lowercased.containsBytes("abgelegt unter") && line.lowercased.containsBytes("antworten zu diesem eintrag"))
        }),
        BoilerplateRule(name: "tag-line", region: .tail, action: .tags, matches: { tagItems($0) != nil }),
        BoilerplateRule(name: "related-headline", region: .tail, action: .drop, matches: { $0.isHeadlineLike && $0.wordCount >= 3 }),
        BoilerplateRule(name: "topic-list", region: .tail, action: .drop, matches: isLabel),
    ]

    /// Rules that judge a line by its shape alone (short, title case, a list of names). On HTML the
    /// page's structure has already told story from furniture, so they are not applied there.
    static let shapeRules: Set<String> = ["author-line", "title", "section-label", "tag-line", "related-headline", "topic-list"]

    /// The name of the rule that splits "Kristian Rouz — Japanese Prime Minister…" into author and text.
    static let fusedBylineRule = "fused-byline"

    /// The first rule for `region` (or for anywhere) that matches the line.
    static func firstMatch(_ line: LineShape, in region: RuleRegion, byShape: Bool = true) -> BoilerplateRule? {
        guard !line.isBlank else { return nil }
        return all.first { ($0.region == .anywhere || $0.region == region) && (byShape || !shapeRules.contains($0.name)) && $0.matches(line) }
    }

    /// Every rule for `region` (or for anywhere) that matches, in table order.
    static func matches(_ line: LineShape, in region: RuleRegion) -> [BoilerplateRule] {
        guard !line.isBlank else { return [] }
        return all.filter { ($0.region == .anywhere || $0.region == region) && $0.matches(line) }
    }

    /// A sentence after the story that asks the reader to do something or disclaims it: `Subscribe
    /// now to our eNATION edition…`, `Never miss the latest news by signing up…`, `NOW Grenada is
    /// not responsible for the opinions…`, `This article is the copyrighted property of…`. Only at
    /// the end of the page, and only these openings and phrases: a story's own last sentence is
    /// never one of them.
    static func isCallToAction(_ line: LineShape) -> Bool {
        guard line.wordCount <= 45 else { return false }
        let text = line.lowercased
        return callToActionOpenings.contains { text.hasPrefix($0) } || callToActionPhrases.contains { text.containsBytes($0) } || isNewsletterOffer(line)
    }
    static let callToActionOpenings = [
        "this is a breaking news story", "this is a breaking new story", "this story is developing", "this is a developing story",
        "subscribe now", "subscribe to ", "subscribe for ", "sign up for ", "sign up to ", "never miss ", "to view the full story",
        "for the latest stories", "for the latest news", "do you want to be informed", "discover our latest", "get the latest ",
        "click here to ", "stay up to date with", "if you're seeing this message", "if you\u{2019}re seeing this message",
        "if you are seeing this message", "download our ", "if you enjoyed reading", "if you enjoyed this", "for more information, visit",
        "for more information visit", "weitere infos unter", "weitere informationen unter", "weitere informationen zum", "weitere informationen hierzu",
        "if you value our journalism", "if you appreciate our journalism",
        "hat ihnen dieser artikel gefallen", "hat ihnen der artikel gefallen", "hat dir dieser artikel gefallen", "hat dir der artikel gefallen",
        "wie hat ihnen dieser artikel gefallen", "wie hat ihnen der artikel gefallen", "durchschnittliche bewertung", "aktuelle nachrichten aufs handy",
    ]
    static let embedConsent = PhraseSet(["empfohlener redaktioneller inhalt", "externer inhalt", "externe inhalte", "link zum *",
                                         "* inhalte erlauben", "inhalt laden", "inhalte laden", "contenu externe", "contenido externo",
                                         "external content", "load external content", "show external content"])
    static let embedConsentPhrases = [
        "ich bin damit einverstanden, dass mir", "an dieser stelle findest du einen externen inhalt", "an dieser stelle finden sie einen externen inhalt",
        "an dieser stelle finden sie externe inhalte", "an dieser stelle findest du externe inhalte", "mit einem klick anzeigen lassen",
        "daten können an drittplattformen übermittelt werden", "personenbezogene daten an drittplattformen", "mit ihrer zustimmung wird hier ein externer inhalt",
        "i agree to be shown external content", "this content is hosted by a third party",
    ]
    static let callToActionPhrases = [
        " is not responsible for the opinions", "is the copyrighted property of", "written permission must be obtained", "follow us on ",
        " on twitter and instagram", " on facebook and twitter", "sign up for our newsletter", "subscribe to our newsletter",
    ]
    /// A newsletter offered to the reader after the story ("Dann sind Sie beim täglichen
    /// WAZ-Newsletter richtig – hier entlang"): the word, and a word that addresses the reader.
    static func isNewsletterOffer(_ line: LineShape) -> Bool {
        // Tokens are made for lines of up to 20 words only; this one is asked of few lines.
        line.lowercased.containsBytes("newsletter") && LineShape.tokenize(line.text).contains { readerWords.contains($0) }
    }
    static let readerWords: Set<String> = ["you", "your", "here", "subscribe", "sign", "sie", "ihr", "du", "dich", "dein", "hier", "abonnieren",
                                           "anmelden", "vous", "votre", "inscrivez", "abonnez", "suscríbete", "suscribirse", "iscriviti"]

    /// A block after the story that gives the site's own accounts, in any language: `Facebook
    /// https://fb.me/site Twitter @site` (a line each on the page; one block here). At most 30
    /// words, at least a quarter of them profile addresses or handles.
    static func isSocialProfile(_ line: LineShape) -> Bool {
        guard line.wordCount <= 30 else { return false }
        let words = line.text.spaceSeparatedWords
        let profiles = words.filter { word in
            var address = word.lowercased()[...]
            if address.hasPrefix("@") { return address.count > 2 }
            for prefix in ["https://", "http://", "www.", "m."] where address.hasPrefix(prefix) { address = address.dropFirst(prefix.count) }
            return socialHosts.contains { address.hasPrefix($0) }
        }
        return !profiles.isEmpty && profiles.count * 4 >= words.count
    }
    static let socialHosts = ["facebook.com/", "fb.me/", "fb.com/", "twitter.com/", "x.com/", "instagram.com/", "t.me/", "youtube.com/",
                              "tiktok.com/", "line.me/", "linkedin.com/", "threads.net/", "bsky.app/"]

    // MARK: vocabularies (`*` any word, `#` any number)

    static let player = PhraseSet(["listen live", "listen", "listen now", "listen to this article", "listen to article", "listen to the article",
                                   "listen to this story", "play", "pause", "play video", "watch video", "watch live", "watch", "watch now", "live",
                                   "audio", "video", "radio", "podcast", "now playing", "skip ad", "mute", "unmute", "# #", "# # #"])
    static let share = PhraseSet(["get short url", "short url", "share", "shares", "share this", "share this article", "share this story", "share article",
                                  "share story", "share on *", "share via *", "share to *", "tweet", "email", "e mail", "print", "copy link", "copy url",
                                  "link copied", "facebook", "twitter", "x", "linkedin", "LinkedIn", "whatsapp", "WhatsApp", "YouTube", "TikTok", "Instagram", "telegram", "reddit", "vk", "pinterest", "messenger",
                                  "flipboard", "pocket", "save", "save article", "bookmark", "send", "copy", "mail", "sms", "viber", "threads", "bluesky",
                                  "mastodon", "email this", "print this", "print article", "# shares", "share this with",
                                  "teilen", "artikel teilen", "diesen artikel teilen", "möchten sie den artikel teilen", "drucken", "artikel drucken",
                                  "seite drucken", "rezept drucken", "print recipe", "partager", "partager cet article", "imprimer",
                                  "imprimer cette page", "permalien", "permalink", "teilen und weiterempfehlen", "compartir", "imprimir", "condividi", "stampa", "udostępnij", "drukuj"])
    static let comments = PhraseSet(["comments", "comment", "# comments", "# comment", "community standards", "discussion", "comment via *",
                                     "leave a comment", "add a comment", "post a comment", "write a comment", "show comments", "hide comments",
                                     "view comments", "load comments", "read comments", "join the discussion", "join the conversation",
                                     "log in to comment", "sign in to comment", "comments are closed", "reply", "report abuse", "sort by",
                                     "be the first to comment", "no comments", "discuss", "newest", "oldest", "most recent",
                                     "kommentare", "kommentieren", "diskutieren sie mit", "diskutieren sie mit uns", "commentaires", "comentarios", "commenti", "komentarze"])
    /// The site's rules for comments, under the story ("Bitte achten Sie darauf, dass Ihre Kommentare
    /// themenbezogen sind. Die Verantwortung …"): a paragraph that may run to 120 words.
    static let commentPolicyOpenings = ["bitte achten sie darauf, dass ihre kommentare", "comments are moderated", "please keep comments",
                                        "please keep your comments", "please read our community guidelines", "please read our comment policy",
                                        "by commenting you agree", "by commenting, you agree", "kommentare werden moderiert"]
    static let subscribe = PhraseSet(["subscribe", "subscribe now", "sign up", "sign up now", "newsletter", "sign up for our newsletter",
                                      "sign up for * newsletter", "subscribe to our newsletter", "subscribe to our channel", "subscribe to *",
                                      "follow us", "follow us on *", "follow * on *", "download our app", "download the app", "get the app",
                                      "get our newsletter", "join us on *", "register", "log in", "login", "sign in", "my account",
                                      "subscribe to email updates", "receive our newsletter", "receive our * newsletter", "sie sind aktuell nicht eingeloggt", "hazte miembro y disfruta de beneficios exclusivos",
                                      // What is left of a story kept for subscribers, in French (Le Monde, Le Figaro).
                                      "article réservé aux abonnés", "réservé aux abonnés", "cet article est réservé aux abonnés",
                                      "la suite est réservée aux abonnés", "il vous reste # de cet article à lire", "il vous reste # # de cet article à lire",
                                      "il vous reste # de cet article à lire la suite est réservée aux abonnés",
                                      "il vous reste # # de cet article à lire la suite est réservée aux abonnés",
                                      "cet article est réservé aux abonnés il vous reste # à découvrir",
                                      "votre abonnement n autorise pas la lecture de cet article"])
    static let advert = PhraseSet(["advertisement", "advertising", "ad", "ads", "sponsored", "sponsored content", "promoted", "paid content",
                                   "partner content", "story continues below advertisement", "story continues below", "article continues below",
                                   "continue reading below", "continue reading", "scroll to continue with content", "remove ads", "ad feedback",
                                   "report this ad", "recommended by", "continue reading the main story", "supported by", "# min read",
                                   "# minute read", "# mins read", "anzeige", "werbung", "publicité", "publicidad", "pubblicità", "reklama",
                                   "anzeige enthält affiliate links", "enthält affiliate links", "affiliate links", "contains affiliate links"])
    static let disclaimerPhrases = ["nicht der meinung der redaktion", "nicht unbedingt die meinung der redaktion",
                                    "nicht zwingend die meinung der redaktion", "n'engagent que leur auteur", "n\u{2019}engagent que leur auteur"]
    static let hedgePhrases = ["do not necessarily reflect", "does not necessarily reflect", "do not necessarily represent",
                               "does not necessarily represent", "ne reflètent pas nécessairement", "no reflejan necesariamente",
                               "no representan necesariamente", "non riflettono necessariamente"]
    /// Whose views a disclaimer speaks of, the writer's or the editors', as whole words: "the
    /// authorities" are not "the author".
    static let disclaimedFor = ["the author", "author's", "author\u{2019}s", "the authors", "authors'", "authors\u{2019}", "the writer", "writer's",
                                "writer\u{2019}s", "contributor", "contributors", "editorial", "this article", "this column", "this commentary", "op-ed",
                                "leur auteur", "de l'auteur", "de l\u{2019}auteur", "la rédaction", "del autor", "de la autora", "los autores",
                                "dell'autore", "dell\u{2019}autore", "la redacción", "la redazione"]
    static let navigation = PhraseSet(["home", "menu", "search", "skip to content", "skip to main content", "skip navigation", "back to top",
                                       "next article", "previous article", "next", "previous", "next story", "previous story", "close", "read more",
                                       "more", "see more", "show more", "load more", "related", "related articles", "related stories", "related news",
                                       "related content", "related topics", "more on this story", "more from *", "more stories", "you may also like",
                                       "you might also like", "recommended", "recommended for you", "read next", "up next", "latest news", "most read",
                                       "most popular", "most viewed", "trending", "trending now", "top stories", "editor s picks", "don t miss", "topics", "tags",
                                       "related topics", "skip to comments", "more on this story", "about sharing", "close panel", "share page",
                                       "discover our latest editorial picks",
                                       // German, French, Spanish, Italian and Polish sites write the same lines.
                                       "weitere artikel", "weitere informationen", "ende der weiteren informationen", "nächster artikel", "vorheriger artikel", "mehr zum thema",
                                       "mehr interessantes", "ähnliche artikel", "siehe auch", "zurück", "zurück zur übersicht", "zurück zur listenansicht",
                                       "alle nachrichten", "auch interessant", "das könnte sie auch interessieren", "weiterlesen", "mehr lesen",
                                       // A widget that asks the reader to rate the story, with its tally.
                                       "war der artikel nützlich", "war dieser artikel hilfreich", "hier können sie den artikel bewerten", "artikel bewerten",
                                       "noch keine bewertungen", "wie hat ihnen dieser artikel gefallen", "wie hat ihnen der artikel gefallen",
                                       "hat ihnen dieser artikel gefallen", "durchschnittliche bewertung", "durchschnittliche bewertung # #",
                                       "was this article helpful", "was this helpful", "rate this article", "how would you rate this article",
                                       "average rating", "average rating # #", "no ratings yet", "cet article vous a-t-il été utile",
                                       "auch lesen", "zum weiterlesen", "schon gelesen", "mehr themen", "weitere artikel zum thema",
                                       "lesen sie auch die folgenden beiträge", "weitere beiträge aus der kolumne", "vorschau auf den nächsten artikel",
                                       "dowiedz się więcej", "le puede interesar", "kontakt", "contact", "von", "kategorie *", "category *", "categories *",
                                       "loading", "wird geladen", "chargement", "cargando",
                                       "articles similaires", "sur le même sujet", "lire aussi", "à lire aussi", "voir aussi", "retour", "lire la suite",
                                       "artículos relacionados", "noticias relacionadas", "te puede interesar", "volver", "leer más",
                                       "articoli correlati", "leggi anche", "zobacz również", "zobacz też", "czytaj także", "czytaj też"])

    static let clockWords: Set<String> = DateParser.weekdays.union(DateParser.zones.keys).union([
        "am", "pm", "a", "m", "p", "updated", "update", "published", "posted", "last", "modified", "created", "on", "at", "date",
        "time", "as", "of", "st", "nd", "rd", "th", "h", "today", "yesterday", "first", "ago", "hour", "hours", "minute", "minutes",
        "min", "mins", "local",
        // "Stand: 22.04.2024, 06:00 Uhr", "Publié le 12/07/2023 à 10:30", "Actualizado el 03/05/2024 a las 10:15" (months are
        // read in English only).
        "stand", "uhr", "um", "aktualisiert", "veröffentlicht", "publié", "le", "mis", "à", "jour", "actualizado", "publicado", "el", "de", "las",
        "aggiornato", "pubblicato", "il", "alle", "ore",
        // "公開日：2025/01/31 11:30 更新日：2025/01/31 11:30", "입력 2025.01.31 11:30", "发布时间：2025-01-31 11:30".
        "公開日", "更新日", "配信日", "投稿日", "掲載日", "最終更新", "입력", "수정", "기사입력", "업데이트", "发布时间", "更新时间", "发布日期", "發佈時間",
        // Weekdays in German, French, Spanish and Italian ("Freitag, 28.04.2023, 19:25").
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
        "samedi", "dimanche", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "lunedì", "martedì", "mercoledì",
        "giovedì", "venerdì", "sabato", "domenica",
    ])

    /// A line that is only a date and/or time: a page clock or a dateline.
    @Sendable static func isClock(_ line: LineShape) -> Bool {
        guard line.wordCount <= 12, !line.tokens.isEmpty else { return false }
        var hasNumber = false, hasYear = false, hasMonth = false
        for token in line.tokens {
            if let first = token.unicodeScalars.first, ("0"..."9").contains(first) {
                hasNumber = true
                if token.count == 4, let year = Int(token), (1900...2099).contains(year) { hasYear = true }
            } else if DateParser.month(token) != nil {
                hasMonth = true
            } else if !clockWords.contains(token) {
                return false
            }
        }
        let hasTime = DateParser.removingTimes(line.text) != line.text || line.tokens.contains("ago")
        return hasNumber && (hasTime || (hasYear && (hasMonth || DateParser.numericDate(line.text) != nil)))
    }

    /// One to three words, not a sentence, not a list item: "World", "Published", "Donald Trump".
    @Sendable static func isLabel(_ line: LineShape) -> Bool {
        guard (1...3).contains(line.wordCount), !line.endsSentence, let first = line.text.first else { return false }
        return first.isLetter || first.isNumber
    }

    /// At most 40 words, the last `©` or `Foto:` followed by at most six: a credit closing a
    /// caption ("Guttene feirer alle små og store seirer i hverdagen. Foto: Privat").
    @Sendable static func isCaptionCredit(_ line: LineShape) -> Bool {
        guard line.wordCount <= 40 else { return false }
        if let mark = line.text.lastIndex(of: "©") {
            let credit = line.text[line.text.index(after: mark)...].split(separator: " ")
            return !credit.isEmpty && credit.count <= 6 && !line.text[..<mark].isEmpty
        }
        guard line.lowercased.containsBytes(":") else { return false }  // every mark ends so; most lines have none
        let words = line.lowercased.split(separator: " ")
        guard let mark = words.lastIndex(where: { creditMarks.contains(String($0)) }) else { return false }
        return mark > 0 && (1...6).contains(words.count - mark - 1)
    }
    /// What opens a picture's credit after its caption.
    static let creditMarks: Set<String> = ["foto:", "fotos:", "photo:", "photos:", "bild:", "kuva:", "zdjęcie:"]

    @Sendable static func isCopyright(_ line: LineShape) -> Bool {
        let text = line.lowercased
        return line.wordCount <= 25 && (text.hasPrefix("©") || text.hasPrefix("(c) ") || text.hasPrefix("copyright ") || text.containsBytes("all rights reserved")
            || text.containsBytes("alle rechte vorbehalten") || text.hasPrefix("materiał chroniony prawem") || text.containsBytes("tous droits réservés")
            || text.containsBytes("todos los derechos reservados"))
    }
}
