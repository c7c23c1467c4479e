/// The small vocabularies that tell a name from the words around it: titles that may stand before
/// a surname, words that only look like names at the start of a sentence, dates. One list each,
/// shared by the mention rules, quote attribution and the candidate-name finder.
enum NameWords {
    /// Capitalised words that open sentences or clauses and are never part of a name.
    static let openers: Set<String> = [
        "The", "A", "An", "This", "That", "These", "Those", "However", "But", "And", "Or", "In", "On", "At", "For",
        "Meanwhile", "According", "Last", "Next", "Some", "His", "Her", "Their", "Its", "Our", "We", "He", "She",
        "They", "It", "I", "If", "As", "When", "While", "After", "Before", "Prior", "Based", "Also", "Under", "With",
        "From", "To", "By", "Despite", "Since", "During", "Although", "Both", "Each", "Many", "Most", "Several",
        "Other", "Such", "Yet", "So", "Still", "Then", "There", "Here", "What", "Who", "Why", "How", "Where", "Which",
        "Earlier", "Later", "Today", "Yesterday", "Tomorrow", "Former", "Over", "Of", "Not", "No", "All", "More",
        "Only", "Even", "Now", "Once", "Like", "Until", "Among", "Against", "Because", "Though", "Thus", "Instead",
        "Speaking", "Asked", "Unlike", "Following", "Without", "Within", "Per", "Whether", "Neither", "Either",
        "Nor", "Did", "Does", "Do", "Is", "Was", "Are", "Were", "Has", "Have", "Had", "Will", "Would", "Can", "Could",
        "Should", "May", "Might", "Must", "Let", "Please", "Thank", "Dear", "Oh", "Yes", "Well", "Mr", "Mrs", "Ms",
        "Dr", "READ", "MORE", "Regarding", "Including", "Notably", "Reportedly", "Additionally", "Furthermore",
        "Moreover", "Nevertheless", "Nonetheless", "Indeed", "Overall", "Currently", "Recently", "Previously",
        "Initially", "Finally", "Eventually", "Subsequently", "Separately", "Similarly", "Likewise", "Perhaps",
        "Unfortunately", "Fortunately", "Ironically", "Besides", "Upon", "Via", "Whereas", "Whilst", "Unless",
        "Every", "Any", "Few", "Much", "Another", "Just", "Again", "Already", "Never", "Sometimes", "Often",
    ]

    /// Openers that are also given names: inside a sentence, `Will Straw` and `May Smith` are names.
    static let givenNameOpeners: Set<String> = ["Will", "May", "Per"]

    /// Given names common in English-language news that are nearly always a man's or a woman's:
    /// "she said" after `Tom Watson` is not him. Names given to both (Chris, Alex, Kim, Jean) are not here.
    static let givenNameGender: [String: Bool] = {
        let male = """
            Aaron Adam Adrian Alan Alastair Alexander Alistair Andrew Angus Anthony Antony Arthur Barack Barry Ben Benjamin Bernard
            Bill Bob Boris Brian Bruce Carl Charles Christopher Colin Craig Dan Daniel Darren David Dennis Derek Dominic Donald
            Douglas Duncan Ed Edward Eric Frank Fred Gary Gavin Geoff Geoffrey George Gerald Gerry Gordon Graham Greg Harold Harry
            Henry Hugh Iain Ian Jack Jacob James Jason Jeff Jeremy Jim Jimmy Joe John Jonathan Joseph Keith Ken Kenneth Kevin Liam
            Malcolm Mark Martin Matthew Michael Mike Neil Nick Nicholas Nigel Oliver Patrick Paul Peter Philip Ralph Richard Rob
            Robert Roger Ronald Roy Russell Samuel Scott Sean Simon Stephen Steve Steven Stuart Ted Thomas Tim Timothy Tom Tony
            Vince Vincent Walter William
            """
        let female = """
            Alice Alison Amanda Amy Angela Ann Anna Anne Barbara Beverley Caroline Carol Catherine Charlotte Cherie Christine Claire
            Clare Diana Diane Dorothy Elizabeth Emily Emma Estelle Fiona Gillian Hazel Helen Helena Hillary Harriet Jacqui Jane
            Janet Jennifer Jessica Jill Joan Joanna Julia Julie Karen Kate Katherine Kathleen Laura Linda Liz Louise Lucy Margaret
            Maria Marie Mary Melanie Michelle Nancy Natalie Nicola Patricia Pauline Rachel Rebecca Ruth Sally Sandra Sarah Sharon
            Shirley Sophie Susan Teresa Tessa Theresa Valerie Victoria Wendy Yvette
            """
        let names = { (list: String) in list.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init) }
        return Dictionary(names(male).map { ($0, true) } + names(female).map { ($0, false) }, uniquingKeysWith: { first, _ in first })
    }()

    /// People for or against someone, who speak of them but are not them (`Supporters of Ms Doe
    /// chanted`, `Friends of Mr Smith said`); a surname before one is still the person (`Brown allies`).
    static let circleNouns: Set<String> = [
        "supporters", "allies", "aides", "friends", "critics", "opponents", "rivals", "sources", "relatives", "fans",
        "backers", "associates", "colleagues", "members", "lawyers", "officials",
    ]

    /// Plural nouns whose possessive starts a name of its own ("International Women's Day").
    static let pluralPossessives: Set<String> = ["Women", "Men", "Children", "People", "Veterans", "Workers", "Farmers"]

    /// Countries and the adjectives and nouns for their people: before a name they say where
    /// someone is from ("Afghan Taliban"), in a compound they name a place ("Trump-Ukraine call").
    static func isPlace(_ word: String) -> Bool { places.contains(word) || demonyms.contains(word) }

    static let places: Set<String> = [
        "Afghanistan", "Africa", "America", "Argentina", "Asia", "Australia", "Austria", "Bahamas", "Bangladesh",
        "Belgium", "Brazil", "Britain", "Canada", "Chile", "China", "Colombia", "Cuba", "Cyprus", "Denmark", "Egypt",
        "England", "Ethiopia", "Europe", "France", "Germany", "Greece", "Hungary", "India", "Indonesia", "Iran", "Iraq",
        "Ireland", "Israel", "Italy", "Japan", "Jordan", "Kenya", "Korea", "Kurdistan", "Lebanon", "Libya", "Malaysia",
        "Mexico", "Morocco", "Netherlands", "Nigeria", "Norway", "Pakistan", "Palestine", "Philippines", "Poland",
        "Portugal", "Qatar", "Russia", "Scotland", "Spain", "Sudan", "Sweden", "Switzerland", "Syria", "Taiwan",
        "Thailand", "Tunisia", "Turkey", "Ukraine", "Venezuela", "Vietnam", "Wales", "Yemen", "Zimbabwe", "US", "UK",
        "USA", "EU", "UN", "Beijing", "Moscow", "London", "Washington", "Paris", "Berlin", "Tehran", "Kyiv", "Brussels",
    ]

    /// States and provinces of federations, whose bodies bear a national body's name after their
    /// own (`Maryland Democratic Party`, `Florida Department of Transportation`): that is another body.
    /// Not Washington, which is the capital as often (`Washington Democratic Party officials`).
    static let regions: Set<String> = [
        "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida",
        "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine",
        "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska",
        "Nevada", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Tennessee", "Texas", "Utah", "Vermont", "Virginia",
        "Wisconsin", "Wyoming", "Ontario", "Quebec", "Alberta", "Manitoba", "Saskatchewan", "Queensland",
        "Tasmania", "Bavaria",
    ]
    /// The two-word names of such states by their words (`New York`, `West Virginia`, `Nova Scotia`).
    static let regionFirstWords: Set<String> = ["New", "North", "South", "West", "Rhode", "British", "Nova", "Western"]
    static let regionSecondWords: Set<String> = ["Hampshire", "Jersey", "York", "Carolina", "Dakota", "Island", "Columbia",
                                                 "Scotia", "Brunswick", "Wales", "Australia", "Virginia"]

    static let demonyms: Set<String> = [
        "Afghan", "African", "American", "Arab", "Argentine", "Asian", "Australian", "Austrian", "Bangladeshi",
        "Belgian", "Brazilian", "British", "Canadian", "Chilean", "Chinese", "Colombian", "Cuban", "Cypriot", "Czech",
        "Danish", "Dutch", "Egyptian", "English", "Ethiopian", "European", "Filipino", "Finnish", "French", "German",
        "Greek", "Hungarian", "Indian", "Indonesian", "Iranian", "Iraqi", "Irish", "Israeli", "Italian", "Japanese",
        "Jordanian", "Kenyan", "Korean", "Kurdish", "Lebanese", "Libyan", "Malaysian", "Mexican", "Moroccan",
        "Nigerian", "Norwegian", "Pakistani", "Palestinian", "Philippine", "Polish", "Portuguese", "Russian", "Saudi",
        "Scottish", "Somali", "Spanish", "Sudanese", "Swedish", "Swiss", "Syrian", "Taiwanese", "Thai", "Tunisian",
        "Turkish", "Ukrainian", "Venezuelan", "Vietnamese", "Welsh", "Yemeni", "Zimbabwean", "Soviet", "Western",
        "Eastern", "Northern", "Southern",
    ]

    static let calendar: Set<String> = [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
        "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    /// Words before a month that make it a date ("in May", "early May", "since May").
    static let datePrepositions: Set<String> = [
        "in", "on", "since", "until", "till", "by", "from", "during", "early", "late", "mid", "last", "next", "this",
        "of", "through", "before", "after", "between", "and", "or", "to", "around", "throughout",
    ]

    /// Honorifics that say only the bearer's gender; `nil` for those that do not.
    static let honorifics: [String: Bool?] = [
        "Mr": true, "Mrs": false, "Ms": false, "Miss": false, "Mx": nil, "Dr": nil, "Prof": nil, "Professor": nil,
        "Madam": false, "Madame": false, "Mme": false, "Monsieur": true, "Herr": true, "Frau": false,
        "Honorable": nil, "Honourable": nil, "Hon": nil,
        // Other languages' in English copy: Amharic, Spanish, Italian, French, Hindi, Hausa, Arabic.
        "Ato": true, "Señor": true, "Señora": false, "Signor": true, "Signora": false, "Mlle": false, "Shri": true, "Smt": false,
        "Alhaji": true, "Hajia": false, "Sheikh": true,
    ]

    /// Titles of rank a person must hold for the title to be theirs: "Lord Smith" is not John Smith.
    static let peerage: Set<String> = [
        "Sir", "Lord", "Lady", "Dame", "Baron", "Baroness", "Earl", "Countess", "Count", "Duke", "Duchess",
        "Viscount", "Viscountess", "Marquess", "Prince", "Princess", "King", "Queen", "Emperor", "Empress",
        "Saint", "St",
    ]

    /// Offices and roles written before a surname ("President Trump", "Sheriff Lee", "Cde Mugabe").
    static let roles: Set<String> = Set([
        "President", "Vice", "Prime", "Minister", "Secretary", "Chancellor", "Premier", "Chief", "Senator", "Sen",
        "Representative", "Rep", "Congressman", "Congresswoman", "Assemblyman", "Assemblywoman", "Councillor",
        "Councilman", "Councilwoman", "Governor", "Gov", "Mayor", "Judge", "Justice", "Ambassador", "Envoy",
        "Commissioner", "Director", "Chairman", "Chairwoman", "Chair", "Speaker", "Leader", "Deputy", "Attorney",
        "General", "Gen", "Admiral", "Adm", "Colonel", "Col", "Major", "Maj", "Captain", "Capt", "Lieutenant", "Lt",
        "Sergeant", "Sgt", "Commander", "Cmdr", "Officer", "Detective", "Inspector", "Superintendent",
        "Constable", "Sheriff", "Marshal", "Agent", "Coach", "Professor", "Prof", "Doctor", "Dr", "Reverend", "Rev",
        "Father", "Pastor", "Bishop", "Archbishop", "Cardinal", "Pope", "Imam", "Rabbi", "Sheikh", "Emir", "Sultan",
        "Ayatollah", "Mufti", "Taoiseach", "Chairperson", "Spokesman", "Spokeswoman", "Spokesperson", "Founder",
        "Editor", "Comrade", "Cde", "Administrator", "Secretary-General", "Director-General", "Candidate",
        "Former", "Incumbent", "Acting", "Interim", "Outgoing", "Incoming", "Then", "Ex", "MP", "MEP", "MSP", "MLA",
    ]).union(partyLabels)

    /// Parties written before a name like a title ("Labour MP", "Democrat Smith"); also ordinary
    /// names' first words (`Labour Day`), so they are told apart from offices where that matters.
    static let partyLabels: Set<String> = [
        "Democrat", "Republican", "Labour", "Conservative", "Tory", "Liberal", "Socialist", "Independent",
    ]

    /// Letters after a name that do not make it someone else's name ("Jane Doe MP").
    static let postNominals: Set<String> = [
        "MP", "MPs", "MEP", "MSP", "MS", "AM", "QC", "KC", "OBE", "CBE", "MBE", "KBE", "DBE", "PhD", "MD", "I",
    ]

    /// Generation markers: "Donald Trump Jr." and "Robert Cummings Sr." are other people than the
    /// registered name, however the rest of the name reads.
    static let generational: Set<String> = ["Jr", "Sr", "Junior", "Senior", "II", "III", "IV"]

    /// Last or first words that make a capitalised run a thing, not a person.
    static let institutions: Set<String> = [
        "Party", "Ministry", "Council", "Committee", "Court", "Agency", "Service", "Services", "University", "College",
        "School", "Hospital", "Airport", "Station", "Hall", "House", "Center", "Centre", "Institute", "Foundation",
        "Association", "Society", "Union", "Group", "Bank", "Company", "Corporation", "Inc", "Ltd", "Police",
        "Department", "Office", "Commission", "Assembly", "Parliament", "Congress", "Senate", "Government", "Army",
        "Navy", "Force", "Forces", "Guard", "Brigade", "Network", "Channel", "Radio", "TV", "Television", "Magazine",
        "Journal", "Press", "News", "Times", "Post", "Herald", "Mail", "Telegraph", "Express", "Tribune", "Gazette",
        "Church", "Cathedral", "Street", "Road", "Avenue", "Square", "Park", "Bridge", "Island", "Islands", "River",
        "Sea", "Ocean", "Lake", "Mountain", "Mountains", "Valley", "County", "City", "State", "Province", "Region",
        "District", "Republic", "Kingdom", "Nations", "States", "Coast", "Project", "Program", "Programme", "Prize",
        "Award", "Awards", "Day", "Week", "Cup", "Championship", "Games", "Festival", "Convention", "Expo", "Summit",
        "Act", "Bill", "Law", "Treaty", "Agreement", "Accord", "Fund", "Trust", "Holdings", "Partners", "Airlines",
        "Airways", "Motors", "Studios", "Records", "Entertainment", "Media", "Museum", "Library", "Palace", "Tower",
        "Club", "Show", "League", "Team", "Band", "Board", "Authority", "Organization", "Organisation", "Movement", "Front",
        "Alliance", "Coalition", "Federation", "Conference", "Institution", "Laboratory", "Museum", "Zoo", "Hotel",
        "Stadium", "Arena", "Theatre", "Theater", "Square", "Plaza", "Mall", "Market", "Exchange", "Index", "Facebook",
        "Twitter", "Instagram", "YouTube", "Google", "Internet", "Street", "Capitol", "Kremlin", "Pentagon", "Vatican",
        // Documents and policies (`the Annual Report of the …`, `the Pre Budget Report`, `the Wood Review`).
        "Report", "Review", "Budget", "Strategy", "Paper", "Survey", "Inquiry", "Policy", "Scheme", "Charter", "Census",
    ]

    /// A surname followed by one of these names a family, not the person ("the Kennedy family").
    static let families: Set<String> = ["family", "families", "dynasty", "clan", "household", "fortune", "estate"]

    /// Common abbreviations: a full stop after them does not end a sentence.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "st", "jr", "sr", "inc", "corp",
        "co", "ltd", "no", "vs", "u.s", "u.k", "u.n", "e.g", "i.e", "jan", "feb", "aug", "sept", "oct", "nov", "dec",
        "capt", "sgt", "adm", "maj", "rev", "mt", "ft", "cde", "d.c", "a.m", "p.m", "n.y", "u.a.e", "e.u",
    ]

    /// Capitalised initialisms of two or more letters that are common words of politics and news,
    /// never names to register ("MP", "UTC").
    static let commonAbbreviations: Set<String> = [
        "MP", "MPs", "MEP", "MEPs", "MSP", "MSPs", "PM", "CEO", "CEOs", "UTC", "GMT", "BST", "EDT", "EST", "PST",
        "TV", "OK", "AM", "PM", "GDP", "NGO", "NGOs", "AI", "ID", "IDs", "DNA", "PhD", "QC", "KC", "VP", "U.S", "U.K",
        "U.N", "A.M", "P.M", "FAQ", "LGBT", "LGBTQ", "COVID", "HIV", "AIDS", "AMs", "MLA", "MLAs", "TD", "TDs",
    ]

    /// Contractions that start with a capital ("I'm", "It's"): never names.
    static func isContraction(_ word: String) -> Bool {
        for suffix in ["'m", "’m", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "n't", "n’t"] where word.hasSuffix(suffix) {
            return true
        }
        let lowered = word.lowercased()
        return ["it's", "it’s", "that's", "that’s", "there's", "there’s", "here's", "here’s", "what's", "what’s",
                "let's", "let’s", "who's", "who’s", "he's", "he’s", "she's", "she’s"].contains(lowered)
    }
}
