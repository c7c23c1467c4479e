import Testing
@testable import GlossImport

/// Every rule of `BoilerplateRules`, line by line: lines it must take, and prose it must leave.
@Suite struct BoilerplateRulesTests {
    /// (line, region where it is tried, the rule that must match it).
    static let matches: [(String, RuleRegion, String)] = [
        ("23:45 GMT23 February 2020", .anywhere, "clock"),
        ("Updated 10:15 24.09.2018", .anywhere, "clock"),
        ("September 23, 2018", .anywhere, "clock"),
        ("Published: Sunday 23 September 2018 18:30 BST", .anywhere, "clock"),
        ("READ MORE:\u{A0}Only 30% of Japanese Back Abe's Third Term Amid Rise in Cabinet Approval \u{2014} Poll", .anywhere, "read-more"),
        ("Read also: Trump Says Japan Deal Is Close", .anywhere, "read-more"),
        ("Mehr lesen: Kohlmann gewinnt den Davis Cup", .anywhere, "read-more"),
        ("Lire aussi : Le gouvernement recule sur la réforme", .anywhere, "read-more"),
        ("Zobacz również: Falubaz wygrywa w Lesznie", .anywhere, "read-more"),
        ("Lea más: Juan Carlos Ortega propone una nueva ley", .anywhere, "read-more"),
        ("VEA TAMBIÉN: Estrella de la educación no brilla", .anywhere, "read-more"),
        ("Zum Weiterlesen:", .anywhere, "navigation"),
        ("Kategorie: News", .anywhere, "navigation"),
        ("Korzystamy z cookies. Dalsze korzystanie ze strony oznacza zgodę.", .anywhere, "cookies"),
        ("Materiał chroniony prawem autorskim.", .anywhere, "copyright"),
        ("Weitere Infos unter www.itfjuniors.de.", .tail, "call-to-action"),
        ("Receive our monthly newsletter", .anywhere, "subscribe"),
        ("Subscribe to email updates", .anywhere, "subscribe"),
        ("Il vous reste 57.09% de cet article à lire. La suite est réservée aux abonnés.", .anywhere, "subscribe"),
        ("Article réservé aux abonnés", .anywhere, "subscribe"),
        ("Anzeige, enthält Affiliate Links", .anywhere, "advert"),
        ("*Werbung. Dieser Beitrag enthält Werbung für Westwing.", .anywhere, "ad-disclosure"),
        ("This post contains affiliate links, which means we may earn a commission.", .anywhere, "ad-disclosure"),
        ("Weitere Beiträge aus der Kolumne:", .anywhere, "navigation"),
        ("READ MORE Only 30% of Japanese Back Abe's Third Term", .anywhere, "read-more"),
        ("***", .anywhere, "separator"),
        ("\u{2022} | \u{2022}", .anywhere, "separator"),
        ("Listen Live", .anywhere, "player"),
        ("00:00", .anywhere, "clock"),
        ("Play video", .anywhere, "player"),
        ("Get short URL", .anywhere, "share"),
        ("Share this article", .anywhere, "share"),
        ("Facebook Twitter WhatsApp Email", .anywhere, "share"),
        ("Share on Facebook", .anywhere, "share"),
        ("Community standardsDiscussion", .anywhere, "comments"),
        ("Möchten Sie den Artikel teilen?", .anywhere, "share"),
        ("Imprimer cette page", .anywhere, "share"),
        ("Kommentare", .anywhere, "comments"),
        ("Weitere Artikel", .anywhere, "navigation"),
        ("War der Artikel nützlich?", .anywhere, "navigation"),
        ("Artículos relacionados", .anywhere, "navigation"),
        ("Comment via SputnikComment via Facebook", .anywhere, "comments"),
        ("12 comments", .anywhere, "comments"),
        ("Leave a comment", .anywhere, "comments"),
        ("Sign up for our newsletter", .anywhere, "subscribe"),
        ("Follow us on Twitter", .anywhere, "subscribe"),
        ("Advertisement", .anywhere, "advert"),
        ("Story continues below advertisement", .anywhere, "advert"),
        ("- Anzeige -", .anywhere, "advert"),
        ("Back to top", .anywhere, "navigation"),
        ("Related articles", .anywhere, "navigation"),
        ("You may also like", .anywhere, "navigation"),
        ("\u{A9} AP Photo / Evan Vucci", .anywhere, "copyright"),
        ("Copyright 2018 Reuters. All rights reserved.", .anywhere, "copyright"),
        ("Photo: Reuters", .anywhere, "photo-credit"),
        ("Foto: Christof Stache", .anywhere, "photo-credit"),
        ("Photo : AFP", .anywhere, "photo-credit"),
        ("We use cookies to improve your experience. By continuing you accept our use of cookies.", .anywhere, "cookies"),
        ("The post Abe and Trump Meet appeared first on Example News.", .anywhere, "feed-footer"),
        ("By Kristian Rouz", .head, "byline"),
        ("Kiyoshi Takenaka", .head, "author-line"),
        ("Justin McCurry in Tokyo", .head, "author-line"),
        ("Our Standards: The Thomson Reuters Trust Principles.", .anywhere, "site-footer"),
        ("Donald Trump", .tail, "topic-list"),
        ("Published", .tail, "topic-list"),
        ("Associated Press writer Hyung-jin Kim contributed to this report.", .tail, "credits"),
        ("120", .anywhere, "separator"),
        ("Updated 2 hours ago", .anywhere, "clock"),
        ("3 Min Read", .anywhere, "advert"),
        ("Abe and Trump Prepare New Round of Trade Talks", .head, "title"),
        ("World", .head, "section-label"),
        ("(Reporting by Kiyoshi Takenaka; Editing by Jane Doe)", .tail, "credits"),
        ("With files from The Associated Press and Mohamed El Saife", .tail, "credits"),
        ("talks, Donald Trump, Shinzo Abe, United States, Japan", .tail, "tag-line"),
        ("Tags: trade, tariffs", .tail, "tag-line"),
        ("Subscribe now to our eNATION edition and read the paper online from anywhere.", .tail, "call-to-action"),
        ("Never miss a story: sign up to our free newsletter.", .tail, "call-to-action"),
        ("NOW Grenada is not responsible for the opinions, statements or media content presented by contributors.", .tail, "call-to-action"),
        ("This article is the copyrighted property of Breaking Belize News.", .tail, "call-to-action"),
        ("Follow Example News at: Facebook https://fb.me/examplenews Twitter https://twitter.com/examplenews LINE ID = @examplenews", .tail, "social-profile"),
        ("Instagram: www.instagram.com/examplenews", .tail, "social-profile"),
        ("Lee Elder was the crowd's favourite at the 1975 Masters. | \u{A9} Augusta National/Getty Images", .anywhere, "caption-credit"),
        ("2/28 photos \u{A9} Shutterstock", .anywhere, "caption-credit"),
        ("Guttene feirer alle små og store seirer i hverdagen. Foto: Privat", .anywhere, "caption-credit"),
        ("Weitere Informationen Ende der weiteren Informationen", .anywhere, "navigation"),
        ("FUNDA OLUNYE UDABA LAPHA | Kuboshwe abahlanu besolwa ngokugwaza umfundi", .anywhere, "read-more"),
        ("Les også: Tone Damli røper detaljer om frieriet: – Ble helt forfjamset", .anywhere, "read-more"),
        ("公開日：2025/01/31 11:30 更新日：2025/01/31 11:30", .anywhere, "clock"),
        ("With reports from Reforma and El Economista", .tail, "credits"),
        ("Freitag, 28.04.2023, 19:25", .anywhere, "clock"),
        ("This is a breaking news story - more to follow", .tail, "call-to-action"),
        ("Kontaktieren Sie uns", .anywhere, "site-footer"),
        ("Quelle: Landesregierung", .anywhere, "source-credit"),
        ("Source: Ministry of Finance", .anywhere, "source-credit"),
        ("This entry was posted in Trade and tagged Japan, tariffs. Bookmark the permalink.", .tail, "post-footer"),
        ("Dieser Eintrag wurde veröffentlicht in Podcast und verschlagwortet mit Berlin.", .tail, "post-footer"),
        ("Von israel news am 21/02/2021. Abgelegt unter Israel. Sie können alle Antworten zu diesem Eintrag durch den RSS 2.0 Feed verfolgen.", .tail, "post-footer"),
        ("Stand: 22.04.2024, 06:00 Uhr", .anywhere, "clock"),
        ("Publié le 12/07/2023 à 10:30", .anywhere, "clock"),
        ("Empfohlener redaktioneller Inhalt", .anywhere, "embed-consent"),
        ("Dies ist eine maschinelle Übersetzung eines Artikels unserer US-Kollegen von Business Insider. Er wurde automatisiert übersetzt und von einem Redakteur überprüft.", .anywhere, "translation-note"),
        ("Gastkommentare und Beiträge von externen Autorinnen und Autoren wie dieser hier müssen nicht der Meinung der Redaktion entsprechen.", .anywhere, "opinion-disclaimer"),
        ("The views expressed in this article are the author\u{2019}s own and do not necessarily reflect Al Jazeera\u{2019}s editorial stance.", .anywhere, "opinion-disclaimer"),
        ("Les opinions exprimées dans cette tribune n'engagent que leur auteur.", .anywhere, "opinion-disclaimer"),
        ("Wie hat Ihnen dieser Artikel gefallen?", .anywhere, "navigation"),
        ("Durchschnittliche Bewertung: 0,0", .anywhere, "navigation"),
        ("(Noch keine Bewertungen) Loading...", .anywhere, "navigation"),
        ("Was this article helpful?", .anywhere, "navigation"),
        ("Aus dem Englischen von Jan Doolan Copyright: Project Syndicate, 2025", .tail, "credits"),
        ("Translated by Anna Petrova.", .tail, "credits"),
        ("To view the full story, please subscribe to The Haitian Times. You can choose a $60 Annual Subscription or a $5 Weekly Pass.", .anywhere, "sign-up-prompt"),
        ("Never miss the latest news by signing up to our newsletter today!", .anywhere, "sign-up-prompt"),
        ("If you enjoyed reading this post, please consider supporting the blog.", .anywhere, "sign-up-prompt"),
        ("An dieser Stelle findest du einen externen Inhalt von YouTube, der den Artikel ergänzt.", .anywhere, "embed-consent"),
        ("Ich bin damit einverstanden, dass mir Inhalte von YouTube angezeigt werden.", .anywhere, "embed-consent"),
        ("Link zum YouTube-Inhalt", .anywhere, "embed-consent"),
        ("Hat Ihnen dieser Artikel gefallen? Dann unterstützen Sie uns bitte mit einer Spende.", .tail, "call-to-action"),
        ("Bitte achten Sie darauf, dass Ihre Kommentare themenbezogen sind. Die Verantwortung für den Inhalt liegt allein bei den Verfassern, die sachlich und klar argumentieren sollten. Beleidigungen, Drohungen, rassistische oder diskriminierende Äußerungen, Werbung und Links zu fremden Seiten werden gelöscht, ebenso Beiträge, die nichts mit dem Artikel zu tun haben. Wir behalten uns vor, Kommentare ohne Angabe von Gründen zu entfernen.", .anywhere, "comments"),
        // Past the 60 words that `LineShape.lowercased` holds: only the line's start is read.
        ("Bitte achten Sie darauf, dass Ihre Kommentare themenbezogen sind. Die Verantwortung für den Inhalt liegt allein bei den Verfassern, die sachlich und klar argumentieren sollten. Beleidigungen, Drohungen, rassistische oder diskriminierende Äußerungen, Werbung und Links zu fremden Seiten werden gelöscht, ebenso Beiträge, die nichts mit dem Artikel zu tun haben. Wir behalten uns vor, Kommentare ohne Angabe von Gründen zu entfernen, zu kürzen oder zu sperren, und bitten um Verständnis dafür, dass wir nicht jede Entscheidung einzeln begründen können.", .anywhere, "comments"),
        ("\"Hier ist Bayern\": Der BR24 Newsletter informiert Sie immer montags bis freitags zum Feierabend über das Wichtigste vom Tag auf einen Blick – kompakt und direkt in Ihrem privaten Postfach. Hier geht’s zur Anmeldung!", .tail, "call-to-action"),
        ("Sie mögen den Tag kompakt zusammengefasst? Dann sind Sie beim täglichen WAZ-Newsletter richtig – hier entlang.", .tail, "call-to-action"),
        ("\u{2192} Teilen und weiterempfehlen", .anywhere, "share"),
        ("Zum Artikel: Tarifrunde im ÖPNV: Das wird verhandelt", .anywhere, "read-more"),
        ("US Envoy to UN Nikki Haley to Iran After Ahvaz Killings: 'Look in the Mirror'", .tail, "related-headline"),
        ("Trump Ready to Meet With Iran's Representatives at UN General Assembly - Pompeo", .tail, "related-headline"),
        ("Most Nations Expected to Fall Short of UN Chronic Illness Death Reduction Goals", .tail, "related-headline"),
    ]

    @Test(arguments: matches)
    func ruleMatchesItsLine(_ line: String, _ region: RuleRegion, _ rule: String) {
        let shape = LineShape(TextNormaliser.normalise(line))
        #expect(BoilerplateRules.firstMatch(shape, in: region)?.name == rule)
    }

    @Test func everyRuleHasAnExample() {
        let tested = Set(Self.matches.map(\.2))
        for rule in BoilerplateRules.all { #expect(tested.contains(rule.name), "rule \(rule.name) has no example") }
    }

    /// Prose, including every kind of paragraph the seed has: no rule may take it, in any region.
    static let prose = [
        "The two leaders ended up talking for over 2.5 hours.",
        "\"We had a very constructive discussion on trade and investment between Japan and the United States,\" Abe said.",
        "\"We have done much to help Japan, would like to see more of a reciprocal relationship. It will all work out!\" Trump said in a recent tweet.",
        "Listen to the people, he said.",
        "Read more about the talks in our archive.",
        "Share prices fell 3% on Monday, the exchange said.",
        "The comments were made on 23 September 2018 in New York.",
        "By contrast, Japan's surplus with China narrowed.",
        "More than 200 delegates attended.",
        "Photo opportunities were limited, officials said.",
        "Watch this space, the minister told reporters.",
        "Follow the money, the prosecutor told the jury.",
        "Subscribers to the scheme will be paid in April, the ministry said.",
        "For the latest figures, officials pointed to the census.",
        "The minister wrote on Twitter, where she is @jdoe, that the talks had gone well and would resume in the spring.",
        "The video, posted at linux.com/news, was viewed a million times.",
        "He said the \u{A9} symbol on the photographs had been added later by the agency's lawyers.",
        "Sources close to the negotiations said the deal would be signed on Friday in Tokyo.",
        "This entry in the ledger was posted in error, the auditors found.",
        "Lea Michele said the show would return in the spring.",
        "Mira Sorvino told reporters she would attend.",
        "The site, which contains affiliate links, earns a commission on each sale, the regulator said.",
        "Contact with the crew was lost at 3 am, the agency said.",
        "Das Gericht entschied, dass externe Inhalte auf der Seite der Stadt erlaubt sind.",
        "Le 12 juillet 2023, le président a reçu les syndicats à Matignon.",
        "Stand der Dinge: Um 18 Uhr war die Sitzung am 3. Mai 2024 noch nicht beendet.",
        "The newsletter, which she founded in 1990, now has 2,000 subscribers.",
        "The museum's photo: a portrait of the founder, taken in 1921 by her brother.",
        "This is a machine that translates speech into sign language, its inventor said.",
        "Polls show the views of party members do not necessarily reflect those of its voters, the authorities said.",
        "The figures do not necessarily reflect the state of the economy, the author of the report told the committee.",
        "Der Artikel wurde von der Redaktion geprüft, sagte die Sprecherin, und entspreche der Meinung der Mehrheit.",
        "To view the full extent of the damage, officials flew over the valley on Tuesday.",
        "Never missing a match in 40 years, she travelled to every away game by coach.",
    ]

    @Test(arguments: prose)
    func proseIsNeverDropped(_ line: String) {
        let shape = LineShape(line)
        for region in [RuleRegion.anywhere, .head, .tail] {
            #expect(BoilerplateRules.firstMatch(shape, in: region) == nil, "\(region)")
        }
    }

    @Test func seedParagraphsAreNeverDropped() {
        let expected = Fixtures.paragraphs(ofArticle: Fixtures.text("abe-trump-trade-talks-new-york.expected.md"))
        for paragraph in expected {
            for region in [RuleRegion.anywhere, .head, .tail] {
                #expect(BoilerplateRules.firstMatch(LineShape(paragraph), in: region) == nil, "\(paragraph.prefix(40))")
            }
        }
    }

    @Test func extractions() {
        #expect(BoilerplateRules.relatedItem("READ MORE: Only 30% of Japanese Back Abe's Third Term") == "Only 30% of Japanese Back Abe's Third Term")
        #expect(BoilerplateRules.relatedItem("Related \u{2014} Trump Says Deal Is Close") == "Trump Says Deal Is Close")
        #expect(BoilerplateRules.relatedItem("Reading the room, Abe smiled.") == nil)
        #expect(BoilerplateRules.relatedItem("More: the talks resume Monday") == nil)
        #expect(BoilerplateRules.bylineAuthor(LineShape("By Jane Doe, Reuters")) == "Jane Doe")
        #expect(BoilerplateRules.bylineAuthor(LineShape("By Jane Doe and John Roe")) == "Jane Doe and John Roe")
        #expect(BoilerplateRules.bylineAuthor(LineShape("By Sunday 2018")) == nil)
        #expect(BoilerplateRules.authorLine(LineShape("Justin McCurry in Tokyo")) == "Justin McCurry")
        #expect(BoilerplateRules.authorLine(LineShape("World News")) == nil)
        #expect(BoilerplateRules.authorLine(LineShape("Japanese PM hopes deal will avert US tariffs")) == nil)
        #expect(BoilerplateRules.bylineAuthor(LineShape("By FOSTER KLUG")) == "Foster Klug")
        #expect(BoilerplateRules.tagItems(LineShape("talks, Donald Trump, Shinzo Abe, United States, Japan")) == ["talks", "Donald Trump", "Shinzo Abe", "United States", "Japan"])
        #expect(BoilerplateRules.tagItems(LineShape("Trump, Abe Agree to Resume Trade Talks")) == nil)
        #expect(BoilerplateRules.tagItems(LineShape("Abe, Trump and Moon met in New York, officials said.")) == nil)
    }

    @Test func fusedBylines() {
        let fused = BoilerplateRules.fusedByline("Kristian Rouz \u{2014} Japanese Prime Minister Shinzo Abe says he and US President Donald Trump met in New York")
        #expect(fused?.author == "Kristian Rouz")
        #expect(fused?.rest.hasPrefix("Japanese Prime Minister Shinzo Abe says") == true)
        #expect(BoilerplateRules.fusedByline("TOKYO \u{2014} Japanese Prime Minister Shinzo Abe says he and US President Donald Trump met") == nil)
        #expect(BoilerplateRules.fusedByline("Donald Trump \u{2014} who met Abe on Sunday \u{2014} said the talks went well and would go on.") == nil)
        #expect(BoilerplateRules.fusedByline("US President \u{2014} Japanese Prime Minister Shinzo Abe says he and Trump met in New York") == nil)
        #expect(BoilerplateRules.fusedByline("However, security challenges \u{2014} including North Korea \u{2014} are expected to be addressed.") == nil)
        // A show's name opening a story is not its author.
        #expect(BoilerplateRules.fusedByline("Make Me A Star \u{2013} the talent show in which teenagers sing for a record deal returns to screens on Monday night") == nil)
    }

    @Test func phraseSetsCoverFusedWidgetsButNotSentences() {
        let comments = BoilerplateRules.comments
        #expect(comments.covers(LineShape.tokenize("Comment via SputnikComment via Facebook")))
        #expect(!comments.covers(LineShape.tokenize("Comment via Sputnik on the talks was muted")))
        #expect(LineShape.tokenize("GMT23 February") == ["gmt", "23", "february"])
    }
}
