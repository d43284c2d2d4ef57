//! The configurator's UI language: one table of strings per language.
//!
//! Every word the page shows comes from a [`Strings`] table; components hold
//! no literal text. Texts with a number or a name in them are templates
//! with `{name}` placeholders, filled by [`fill`]. The widget has its own
//! tables (the widget crate's `i18n`); the few names the preview shares
//! with the widget are tested to be the widget's own.

use story_feed::View;

/// A language the page speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    /// Norwegian bokmål; the default.
    #[default]
    Nb,
    /// Norwegian nynorsk.
    Nn,
    /// English.
    En,
}

impl Lang {
    /// Every language, in the order the language switch shows them.
    pub const ALL: [Lang; 3] = [Lang::Nb, Lang::Nn, Lang::En];

    /// Reads a BCP 47 tag (`nn`, `nb-NO`, `no`, `en-GB`) by its primary
    /// subtag; other languages give `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "nb" | "no" => Some(Lang::Nb),
            "nn" => Some(Lang::Nn),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The first of the browser's preferred languages the page speaks, else
    /// bokmål.
    pub fn preferred<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        tags.into_iter().find_map(Lang::from_tag).unwrap_or_default()
    }

    /// The tag for `lang` attributes and the `ui` query parameter.
    pub fn tag(self) -> &'static str {
        self.strings().tag
    }

    /// This language's table.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Nb => &NB,
            Lang::Nn => &NN,
            Lang::En => &EN,
        }
    }
}

/// Fills the `{name}` placeholders of `template` with `values`.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(template.to_owned(), |text, (name, value)| text.replace(&format!("{{{name}}}"), value))
}

/// `count` and the word for it: `(one, many)`.
pub fn counted(count: usize, (one, many): (&str, &str)) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// Every text of the page in one language.
#[derive(Debug)]
pub struct Strings {
    /// The BCP 47 tag of the language.
    pub tag: &'static str,
    /// The language's name in itself, on the language switch.
    pub language_name: &'static str,
    /// The page's `<title>` and `<h1>`.
    pub page_title: &'static str,
    /// Under the heading: what the page is for.
    pub intro: &'static str,
    /// The name of the language switch.
    pub language_switch: &'static str,

    // 1. The feed.
    pub feed_heading: &'static str,
    pub feed_label: &'static str,
    pub feed_help: &'static str,
    pub check_button: &'static str,
    pub file_label: &'static str,
    pub file_help: &'static str,
    pub checking: &'static str,
    /// `{source}`: the address or file name.
    pub report_heading: &'static str,
    /// Said when the page is not in English: the problems are.
    pub messages_in_english: &'static str,
    /// `{stories}`.
    pub summary_clean: &'static str,
    /// `{stories}`, `{errors}`, `{warnings}`.
    pub summary_problems: &'static str,
    /// `{items}`, `{skipped}` (a number).
    pub items_skipped: &'static str,
    pub story_word: (&'static str, &'static str),
    pub item_word: (&'static str, &'static str),
    pub error_word: (&'static str, &'static str),
    pub warning_word: (&'static str, &'static str),
    pub views_heading: &'static str,
    pub view_column: &'static str,
    pub shown_column: &'static str,
    pub view_residents: &'static str,
    pub view_colleagues: &'static str,
    pub view_all: &'static str,
    pub with_settings: &'static str,
    pub problems_heading: &'static str,
    pub no_problems: &'static str,
    /// `{line}`.
    pub line: &'static str,
    pub severity_error: &'static str,
    pub severity_warning: &'static str,
    /// `{number}`: an item without a title or id, counted from 1.
    pub item_number: &'static str,
    pub missing_alt_heading: &'static str,
    pub expired_heading: &'static str,
    pub none: &'static str,

    // Why a feed could not be read: one sentence each, saying why and what
    // to ask for. `{origin}`, `{status}`, `{kind}` as named.
    pub fail_not_a_url: &'static str,
    pub fail_mixed_content: &'static str,
    pub fail_unreachable: &'static str,
    pub fail_cors: &'static str,
    pub fail_timeout: &'static str,
    pub fail_not_found: &'static str,
    pub fail_closed: &'static str,
    pub fail_server_error: &'static str,
    pub fail_status: &'static str,
    pub fail_not_json: &'static str,
    pub body_html: &'static str,
    pub body_xml: &'static str,
    pub body_other: &'static str,
    pub fail_file: &'static str,
    pub fail_file_too_large: &'static str,

    // 2. The settings.
    pub settings_heading: &'static str,
    pub settings_intro: &'static str,
    pub invalid_interval: &'static str,
    pub invalid_refresh: &'static str,
    pub invalid_url: &'static str,
    pub audience_label: &'static str,
    pub audience_help: &'static str,
    pub lang_label: &'static str,
    pub lang_help: &'static str,
    pub lang_page: &'static str,
    pub interval_label: &'static str,
    pub interval_help: &'static str,
    pub layout_label: &'static str,
    pub layout_help: &'static str,
    pub layout_carousel: &'static str,
    pub layout_list: &'static str,
    pub heading_level_label: &'static str,
    pub heading_level_help: &'static str,
    pub label_label: &'static str,
    pub label_help: &'static str,
    pub href_label: &'static str,
    pub href_help: &'static str,
    pub slides_label: &'static str,
    pub slides_help: &'static str,
    pub tags_label: &'static str,
    pub tags_help: &'static str,
    pub storyteller_label: &'static str,
    pub storyteller_help: &'static str,
    pub storyteller_any: &'static str,
    pub storyteller_resident: &'static str,
    pub storyteller_employee: &'static str,
    pub scheme_label: &'static str,
    pub scheme_help: &'static str,
    pub scheme_page: &'static str,
    pub scheme_light: &'static str,
    pub scheme_dark: &'static str,
    pub scheme_auto: &'static str,
    pub mode_label: &'static str,
    pub mode_help: &'static str,
    pub mode_page: &'static str,
    pub mode_kiosk: &'static str,
    pub refresh_label: &'static str,
    pub refresh_help: &'static str,
    pub fill_label: &'static str,
    pub fill_help: &'static str,

    // 3. The preview.
    pub preview_heading: &'static str,
    pub preview_intro: &'static str,
    pub preview_needs_feed: &'static str,
    pub frame_phone: &'static str,
    pub frame_sidebar: &'static str,
    pub frame_full: &'static str,
    pub light_page: &'static str,
    pub dark_page: &'static str,
    /// The widget's own default names per view (`label`'s default), which
    /// the preview extends with the frame it is in.
    pub name_residents: &'static str,
    pub name_colleagues: &'static str,
    pub name_all: &'static str,

    // 4. The code.
    pub code_heading: &'static str,
    pub code_intro: &'static str,
    pub code_needs_feed: &'static str,
    pub script_heading: &'static str,
    pub script_help: &'static str,
    pub element_heading: &'static str,
    pub element_help: &'static str,
    pub iframe_heading: &'static str,
    pub iframe_help: &'static str,
    pub csp_heading: &'static str,
    pub csp_help: &'static str,
    pub frame_csp_heading: &'static str,
    pub frame_csp_help: &'static str,
    pub copy: &'static str,
    /// `{what}`: the heading of the code the button copies.
    pub copy_name: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub share_heading: &'static str,
    pub share_help: &'static str,
}

impl Strings {
    /// The widget's default accessible name for `view`.
    pub fn widget_name(&self, view: View) -> &'static str {
        match view {
            View::Residents => self.name_residents,
            View::Colleagues => self.name_colleagues,
            View::All => self.name_all,
        }
    }

    /// The name of a view in the report and the form.
    pub fn view_name(&self, view: View) -> &'static str {
        match view {
            View::Residents => self.view_residents,
            View::Colleagues => self.view_colleagues,
            View::All => self.view_all,
        }
    }
}

static NB: Strings = Strings {
    tag: "nb",
    language_name: "Bokmål",
    page_title: "Sett opp saman-stories",
    intro: "Sjekk feeden, velg innstillinger, se den ekte widgeten med dem, og kopier koden til siden din.",
    language_switch: "Språk på denne siden",

    feed_heading: "1. Feeden",
    feed_label: "Adressen til feeden (URL)",
    feed_help: "Hele adressen til JSON-feeden, med https:// først. Siden henter den fra nettleseren din og sjekker den, slik de besøkende vil hente den.",
    check_button: "Sjekk feeden",
    file_label: "Eller sjekk en feedfil fra maskinen din",
    file_help: "Velg en .json-fil, eller slipp den på dette feltet. En fil blir bare sjekket: forhåndsvisningen og koden trenger adressen der feeden blir publisert.",
    checking: "Sjekker feeden …",
    report_heading: "Rapport for {source}",
    messages_in_english: "Meldingene om hvert problem er på engelsk, slik saman-feed check skriver dem.",
    summary_clean: "{stories}, ingen problemer.",
    summary_problems: "{stories}, {errors}, {warnings}.",
    items_skipped: "{items}, {skipped} hoppes over av widgeten",
    story_word: ("historie", "historier"),
    item_word: ("element", "elementer"),
    error_word: ("feil", "feil"),
    warning_word: ("advarsel", "advarsler"),
    views_heading: "Historier per visning i dag",
    view_column: "Visning",
    shown_column: "Historier",
    view_residents: "For innbyggere",
    view_colleagues: "For ansatte",
    view_all: "Alle",
    with_settings: "Med innstillingene under",
    problems_heading: "Problemer",
    no_problems: "Ingen problemer.",
    line: "linje {line}",
    severity_error: "Feil",
    severity_warning: "Advarsel",
    item_number: "element {number}",
    missing_alt_heading: "Historier med bilde uten alternativ tekst",
    expired_heading: "Utløpte historier",
    none: "Ingen.",

    fail_not_a_url: "Skriv hele adressen til feeden, med https:// først.",
    fail_mixed_content: "Denne siden bruker https og feeden http, og det stopper nettleseren: be om feeden over https.",
    fail_unreachable: "Fikk ikke svar fra {origin}: sjekk adressen, og spør den som drifter serveren om den er oppe og nås fra nettet de besøkende er på.",
    fail_cors: "Serveren svarte, men lar ikke andre nettsteder lese feeden: be om headeren Access-Control-Allow-Origin på feeden (widgeten trenger den også).",
    fail_timeout: "Ingen svar fra {origin} på 20 sekunder: prøv igjen, og spør den som drifter serveren hvorfor den er treg.",
    fail_not_found: "Serveren svarte {status}: det finnes ingen feed på denne adressen, så sjekk den, eller be eieren av feeden om riktig adresse.",
    fail_closed: "Serveren svarte {status}: feeden er stengt bak innlogging eller en nettverksgrense, så be om at den åpnes for sidene som skal vise widgeten.",
    fail_server_error: "Serveren svarte {status}, en feil hos serveren: prøv igjen senere, og si fra til den som drifter den hvis det varer.",
    fail_status: "Serveren svarte {status} i stedet for feeden: spør eieren av feeden hvorfor.",
    fail_not_json: "Adressen sendte {kind}, ikke JSON: be om adressen til feeden i JSON Feed-format (saman-feed import gjør om RSS og Atom).",
    body_html: "en nettside (HTML)",
    body_xml: "XML (kanskje RSS eller Atom)",
    body_other: "noe annet",
    fail_file: "Filen kunne ikke leses: velg den på nytt.",
    fail_file_too_large: "Filen er større enn 50 MB, altfor stor for en feed: velg feedfilen.",

    settings_heading: "2. Innstillinger",
    settings_intro: "Hver innstilling er et attributt på widgeten. Innstillinger som står på standardverdien, blir utelatt fra koden.",
    invalid_interval: "Skriv et antall sekunder fra 5 til 600. Til det er rettet, brukes standardverdien.",
    invalid_refresh: "Skriv et antall minutter, 1 eller mer. Til det er rettet, hentes feeden som standard.",
    invalid_url: "Skriv en hel adresse med https:// først. Til det er rettet, utelates den.",
    audience_label: "Visning (audience)",
    audience_help: "Hvilke historier widgeten viser: for innbyggere, for ansatte eller alle. Standard: for innbyggere.",
    lang_label: "Språk (lang)",
    lang_help: "Språket på widgetens egne knapper og tekster. Standard: språket på siden den står på, ellers bokmål.",
    lang_page: "Sidens språk",
    interval_label: "Sekunder per historie (interval)",
    interval_help: "Tiden mellom automatiske bytter, fra 5 til 600 sekunder. Standard: 7.",
    layout_label: "Oppsett (layout)",
    layout_help: "En karusell som bytter historie, eller alle historiene som en liste uten bevegelse. Standard: karusell.",
    layout_carousel: "Karusell",
    layout_list: "Liste",
    heading_level_label: "Overskriftsnivå for historiene (heading-level)",
    heading_level_help: "Slik at widgeten passer i sidens struktur: under en h2 velger du 3. Standard: 3.",
    label_label: "Navn for skjermlesere (label)",
    label_help: "Widgetens tilgjengelige navn. Gi to widgeter med samme visning på én side ulike navn. Standard: et navn etter visningen, som «Historier for innbyggere».",
    href_label: "Side med alle historiene (href)",
    href_help: "Vises som en lenke hvis selve widgeten ikke kan kjøre. Standard: ingen.",
    slides_label: "Historier side om side (slides-per-view)",
    slides_help: "Flest historier side om side når widgeten er bred nok. Standard: 1.",
    tags_label: "Bare historier med disse taggene (tags)",
    tags_help: "Skilt med komma, for eksempel helse,skole. Standard: alle historiene.",
    storyteller_label: "Hvem sine historier (storyteller)",
    storyteller_help: "Bare innbyggeres eller bare ansattes egne historier. Standard: alle sine.",
    storyteller_any: "Alle sine",
    storyteller_resident: "Innbyggeres",
    storyteller_employee: "Ansattes",
    scheme_label: "Fargetema (color-scheme)",
    scheme_help: "Lyst, mørkt eller etter den besøkendes systeminnstilling. Standard: følg siden (lyst på en side som ikke sier noe).",
    scheme_page: "Følg siden",
    scheme_light: "Lyst",
    scheme_dark: "Mørkt",
    scheme_auto: "Den besøkendes systeminnstilling (auto)",
    mode_label: "Modus (mode)",
    mode_help: "Kiosk er for infoskjermer: fyller rammen, stor tekst, fortsetter å bytte, henter feeden på nytt. Standard: nettside.",
    mode_page: "Nettside",
    mode_kiosk: "Infoskjerm (kiosk)",
    refresh_label: "Hent feeden på nytt hvert … minutt (refresh)",
    refresh_help: "Minst 1. Standard: hvert 5. minutt i kioskmodus, ellers aldri.",
    fill_label: "Fyll høyden til beholderen (fill)",
    fill_help: "For rammer og skjermer med fast størrelse: bildet vokser eller krymper så alt får plass. Standard: av.",

    preview_heading: "3. Forhåndsvisning",
    preview_intro: "Den ekte widgeten med disse innstillingene, i tre bredder, på en lys og en mørk side. Hver kopi har fått rammen sin lagt til navnet, så de kan skilles fra hverandre.",
    preview_needs_feed: "Skriv inn adressen til en feed over for å se widgeten her.",
    frame_phone: "Mobil, 360 px",
    frame_sidebar: "Sidekolonne, 300 px",
    frame_full: "Full bredde",
    light_page: "lys side",
    dark_page: "mørk side",
    name_residents: "Historier for innbyggere",
    name_colleagues: "Historier for ansatte",
    name_all: "Historier",

    code_heading: "4. Koden",
    code_intro: "Lim inn én av disse på siden din. Widgeten hentes fra samme sted som denne siden.",
    code_needs_feed: "Koden kommer når adressen til feeden er en hel https://-adresse.",
    script_heading: "Skriptform",
    script_help: "Widgeten vises der taggen står.",
    element_heading: "Elementform",
    element_help: "Sett elementet der widgeten skal stå, og skriptet én gang per side.",
    iframe_heading: "I en iframe",
    iframe_help: "For sider som ikke kan kjøre widgetens skript. Rammen har fast høyde, så ingenting på siden flytter seg.",
    csp_heading: "Content-Security-Policy for skriptformen og elementformen",
    csp_help: "Hvis siden din har en policy, legger du disse kildene til i direktivene.",
    frame_csp_heading: "Content-Security-Policy for iframen",
    frame_csp_help: "Hvis siden din har en policy, trenger iframen bare denne kilden.",
    copy: "Kopier",
    copy_name: "Kopier {what}",
    copied: "Kopiert.",
    copy_failed: "Nettleseren tillater ikke kopiering her: koden er merket, så trykk Ctrl+C (⌘C på Mac).",
    share_heading: "Lenke til disse innstillingene",
    share_help: "Adressen til denne siden har med alle innstillingene: del den eller lagre den som bokmerke.",
};

static NN: Strings = Strings {
    tag: "nn",
    language_name: "Nynorsk",
    page_title: "Set opp saman-stories",
    intro: "Sjekk feeden, vel innstillingar, sjå den ekte widgeten med dei, og kopier koden til sida di.",
    language_switch: "Språk på denne sida",

    feed_heading: "1. Feeden",
    feed_label: "Adressa til feeden (URL)",
    feed_help: "Heile adressa til JSON-feeden, med https:// først. Sida hentar han frå nettlesaren din og sjekkar han, slik dei besøkjande vil hente han.",
    check_button: "Sjekk feeden",
    file_label: "Eller sjekk ei feedfil frå maskina di",
    file_help: "Vel ei .json-fil, eller slepp ho på dette feltet. Ei fil blir berre sjekka: førehandsvisinga og koden treng adressa der feeden blir publisert.",
    checking: "Sjekkar feeden …",
    report_heading: "Rapport for {source}",
    messages_in_english: "Meldingane om kvart problem er på engelsk, slik saman-feed check skriv dei.",
    summary_clean: "{stories}, ingen problem.",
    summary_problems: "{stories}, {errors}, {warnings}.",
    items_skipped: "{items}, {skipped} hoppar widgeten over",
    story_word: ("historie", "historier"),
    item_word: ("element", "element"),
    error_word: ("feil", "feil"),
    warning_word: ("åtvaring", "åtvaringar"),
    views_heading: "Historier per vising i dag",
    view_column: "Vising",
    shown_column: "Historier",
    view_residents: "For innbyggjarar",
    view_colleagues: "For tilsette",
    view_all: "Alle",
    with_settings: "Med innstillingane under",
    problems_heading: "Problem",
    no_problems: "Ingen problem.",
    line: "linje {line}",
    severity_error: "Feil",
    severity_warning: "Åtvaring",
    item_number: "element {number}",
    missing_alt_heading: "Historier med bilete utan alternativ tekst",
    expired_heading: "Utgåtte historier",
    none: "Ingen.",

    fail_not_a_url: "Skriv heile adressa til feeden, med https:// først.",
    fail_mixed_content: "Denne sida brukar https og feeden http, og det stoppar nettlesaren: be om feeden over https.",
    fail_unreachable: "Fekk ikkje svar frå {origin}: sjekk adressa, og spør den som driftar serveren om han er oppe og kan nåast frå nettet dei besøkjande er på.",
    fail_cors: "Serveren svarte, men lèt ikkje andre nettstader lese feeden: be om headeren Access-Control-Allow-Origin på feeden (widgeten treng han òg).",
    fail_timeout: "Ikkje svar frå {origin} på 20 sekund: prøv igjen, og spør den som driftar serveren kvifor han er treg.",
    fail_not_found: "Serveren svarte {status}: det finst ingen feed på denne adressa, så sjekk ho, eller be eigaren av feeden om rett adresse.",
    fail_closed: "Serveren svarte {status}: feeden er stengd bak innlogging eller ei nettverksgrense, så be om at han blir opna for sidene som skal vise widgeten.",
    fail_server_error: "Serveren svarte {status}, ein feil hos serveren: prøv igjen seinare, og sei frå til den som driftar han om det varer.",
    fail_status: "Serveren svarte {status} i staden for feeden: spør eigaren av feeden kvifor.",
    fail_not_json: "Adressa sende {kind}, ikkje JSON: be om adressa til feeden i JSON Feed-format (saman-feed import gjer om RSS og Atom).",
    body_html: "ei nettside (HTML)",
    body_xml: "XML (kanskje RSS eller Atom)",
    body_other: "noko anna",
    fail_file: "Fila kunne ikkje lesast: vel ho på nytt.",
    fail_file_too_large: "Fila er større enn 50 MB, altfor stor for ein feed: vel feedfila.",

    settings_heading: "2. Innstillingar",
    settings_intro: "Kvar innstilling er eit attributt på widgeten. Innstillingar som står på standardverdien, blir utelatne frå koden.",
    invalid_interval: "Skriv eit tal sekund frå 5 til 600. Til det er retta, blir standardverdien brukt.",
    invalid_refresh: "Skriv eit tal minutt, 1 eller meir. Til det er retta, blir feeden henta som standard.",
    invalid_url: "Skriv ei heil adresse med https:// først. Til det er retta, blir ho utelaten.",
    audience_label: "Vising (audience)",
    audience_help: "Kva historier widgeten viser: for innbyggjarar, for tilsette eller alle. Standard: for innbyggjarar.",
    lang_label: "Språk (lang)",
    lang_help: "Språket på knappane og tekstane til widgeten sjølv. Standard: språket på sida han står på, elles bokmål.",
    lang_page: "Språket på sida",
    interval_label: "Sekund per historie (interval)",
    interval_help: "Tida mellom automatiske byte, frå 5 til 600 sekund. Standard: 7.",
    layout_label: "Oppsett (layout)",
    layout_help: "Ein karusell som byter historie, eller alle historiene som ei liste utan rørsle. Standard: karusell.",
    layout_carousel: "Karusell",
    layout_list: "Liste",
    heading_level_label: "Overskriftsnivå for historiene (heading-level)",
    heading_level_help: "Slik at widgeten passar i strukturen på sida: under ei h2 vel du 3. Standard: 3.",
    label_label: "Namn for skjermlesarar (label)",
    label_help: "Det tilgjengelege namnet til widgeten. Gi to widgetar med same vising på éi side ulike namn. Standard: eit namn etter visinga, som «Historier for innbyggjarar».",
    href_label: "Side med alle historiene (href)",
    href_help: "Blir vist som ei lenkje om sjølve widgeten ikkje kan køyre. Standard: ingen.",
    slides_label: "Historier side om side (slides-per-view)",
    slides_help: "Flest historier side om side når widgeten er brei nok. Standard: 1.",
    tags_label: "Berre historier med desse taggane (tags)",
    tags_help: "Skilde med komma, til dømes helse,skule. Standard: alle historiene.",
    storyteller_label: "Kven sine historier (storyteller)",
    storyteller_help: "Berre historiene til innbyggjarar eller berre dei tilsette sine eigne. Standard: alle sine.",
    storyteller_any: "Alle sine",
    storyteller_resident: "Innbyggjarane sine",
    storyteller_employee: "Dei tilsette sine",
    scheme_label: "Fargetema (color-scheme)",
    scheme_help: "Lyst, mørkt eller etter systeminnstillinga til den besøkjande. Standard: følg sida (lyst på ei side som ikkje seier noko).",
    scheme_page: "Følg sida",
    scheme_light: "Lyst",
    scheme_dark: "Mørkt",
    scheme_auto: "Systeminnstillinga til den besøkjande (auto)",
    mode_label: "Modus (mode)",
    mode_help: "Kiosk er for infoskjermar: fyller ramma, stor tekst, held fram med å byte, hentar feeden på nytt. Standard: nettside.",
    mode_page: "Nettside",
    mode_kiosk: "Infoskjerm (kiosk)",
    refresh_label: "Hent feeden på nytt kvart … minutt (refresh)",
    refresh_help: "Minst 1. Standard: kvart 5. minutt i kioskmodus, elles aldri.",
    fill_label: "Fyll høgda til behaldaren (fill)",
    fill_help: "For rammer og skjermar med fast storleik: biletet veks eller krympar så alt får plass. Standard: av.",

    preview_heading: "3. Førehandsvising",
    preview_intro: "Den ekte widgeten med desse innstillingane, i tre breidder, på ei lys og ei mørk side. Kvar kopi har fått ramma si lagd til namnet, så dei kan skiljast frå kvarandre.",
    preview_needs_feed: "Skriv inn adressa til ein feed over for å sjå widgeten her.",
    frame_phone: "Mobil, 360 px",
    frame_sidebar: "Sidekolonne, 300 px",
    frame_full: "Full breidd",
    light_page: "lys side",
    dark_page: "mørk side",
    name_residents: "Historier for innbyggjarar",
    name_colleagues: "Historier for tilsette",
    name_all: "Historier",

    code_heading: "4. Koden",
    code_intro: "Lim inn éin av desse på sida di. Widgeten blir henta frå same stad som denne sida.",
    code_needs_feed: "Koden kjem når adressa til feeden er ei heil https://-adresse.",
    script_heading: "Skriptform",
    script_help: "Widgeten blir vist der taggen står.",
    element_heading: "Elementform",
    element_help: "Set elementet der widgeten skal stå, og skriptet éin gong per side.",
    iframe_heading: "I ein iframe",
    iframe_help: "For sider som ikkje kan køyre skriptet til widgeten. Ramma har fast høgd, så ingenting på sida flyttar seg.",
    csp_heading: "Content-Security-Policy for skriptforma og elementforma",
    csp_help: "Om sida di har ein policy, legg du desse kjeldene til i direktiva.",
    frame_csp_heading: "Content-Security-Policy for iframen",
    frame_csp_help: "Om sida di har ein policy, treng iframen berre denne kjelda.",
    copy: "Kopier",
    copy_name: "Kopier {what}",
    copied: "Kopiert.",
    copy_failed: "Nettlesaren tillèt ikkje kopiering her: koden er merkt, så trykk Ctrl+C (⌘C på Mac).",
    share_heading: "Lenkje til desse innstillingane",
    share_help: "Adressa til denne sida har med alle innstillingane: del ho eller lagre ho som bokmerke.",
};

static EN: Strings = Strings {
    tag: "en",
    language_name: "English",
    page_title: "Set up saman-stories",
    intro: "Check your feed, choose the settings, see the real widget with them, and copy the code for your page.",
    language_switch: "Language of this page",

    feed_heading: "1. The feed",
    feed_label: "The feed's address (URL)",
    feed_help: "The full address of your JSON Feed, beginning with https://. This page fetches it from your browser and checks it, as your visitors' browsers will fetch it.",
    check_button: "Check the feed",
    file_label: "Or check a feed file from your computer",
    file_help: "Choose a .json file, or drop it on this field. A file is only checked: the preview and the code need the address where the feed is published.",
    checking: "Checking the feed…",
    report_heading: "Report for {source}",
    messages_in_english: "",
    summary_clean: "{stories}, no problems.",
    summary_problems: "{stories}, {errors}, {warnings}.",
    items_skipped: "{items}, {skipped} skipped by the widget",
    story_word: ("story", "stories"),
    item_word: ("item", "items"),
    error_word: ("error", "errors"),
    warning_word: ("warning", "warnings"),
    views_heading: "Stories per view today",
    view_column: "View",
    shown_column: "Stories",
    view_residents: "For residents",
    view_colleagues: "For employees",
    view_all: "All",
    with_settings: "With the settings below",
    problems_heading: "Problems",
    no_problems: "No problems.",
    line: "line {line}",
    severity_error: "Error",
    severity_warning: "Warning",
    item_number: "item {number}",
    missing_alt_heading: "Stories with a picture but no alt text",
    expired_heading: "Expired stories",
    none: "None.",

    fail_not_a_url: "Write the feed's full address, beginning with https://.",
    fail_mixed_content: "This page uses https and the feed http, which the browser blocks: ask for the feed over https.",
    fail_unreachable: "No answer from {origin}: check the address, and ask whoever runs the server whether it is up and reachable from your visitors' network.",
    fail_cors: "The server answered, but does not let other sites read the feed: ask for the Access-Control-Allow-Origin header on the feed (the widget needs it too).",
    fail_timeout: "No answer from {origin} within 20 seconds: try again, and ask whoever runs the server why it is slow.",
    fail_not_found: "The server answered {status}: there is no feed at this address, so check it, or ask the feed's owner for the right one.",
    fail_closed: "The server answered {status}: the feed is closed behind a login or a network limit, so ask for it to be opened to the pages that will show the widget.",
    fail_server_error: "The server answered {status}, an error on the server's side: try again later, and tell whoever runs it if it lasts.",
    fail_status: "The server answered {status} instead of the feed: ask the feed's owner why.",
    fail_not_json: "The address sent {kind}, not JSON: ask for the address of the feed in JSON Feed format (saman-feed import converts RSS and Atom).",
    body_html: "a web page (HTML)",
    body_xml: "XML (perhaps RSS or Atom)",
    body_other: "something else",
    fail_file: "The file could not be read: choose it again.",
    fail_file_too_large: "The file is larger than 50 MB, far too large for a feed: choose the feed file.",

    settings_heading: "2. Settings",
    settings_intro: "Each setting is an attribute of the widget. Settings left at their default are left out of the code.",
    invalid_interval: "Write a number of seconds from 5 to 600. Until then, the default is used.",
    invalid_refresh: "Write a number of minutes, 1 or more. Until then, the feed is fetched as by default.",
    invalid_url: "Write a full address beginning with https://. Until then, it is left out.",
    audience_label: "View (audience)",
    audience_help: "Which stories the widget shows: for residents, for employees, or all. Default: for residents.",
    lang_label: "Language (lang)",
    lang_help: "The language of the widget's own buttons and texts. Default: the language of the page it is on, else bokmål.",
    lang_page: "The page's language",
    interval_label: "Seconds per story (interval)",
    interval_help: "The time between automatic changes, from 5 to 600 seconds. Default: 7.",
    layout_label: "Layout (layout)",
    layout_help: "A carousel that changes stories, or every story as a list without motion. Default: carousel.",
    layout_carousel: "Carousel",
    layout_list: "List",
    heading_level_label: "Heading level of the stories (heading-level)",
    heading_level_help: "So the widget fits the page's outline: under an h2, choose 3. Default: 3.",
    label_label: "Name for screen readers (label)",
    label_help: "The widget's accessible name. Give two widgets of the same view on one page different names. Default: a name for the view, such as “Stories for residents”.",
    href_label: "Page with all the stories (href)",
    href_help: "Shown as a link if the widget itself cannot run. Default: none.",
    slides_label: "Stories side by side (slides-per-view)",
    slides_help: "The most stories side by side when the widget is wide enough. Default: 1.",
    tags_label: "Only stories with these tags (tags)",
    tags_help: "Separated by commas, for example helse,skule. Default: every story.",
    storyteller_label: "Whose stories (storyteller)",
    storyteller_help: "Only residents' or only employees' own stories. Default: everyone's.",
    storyteller_any: "Everyone's",
    storyteller_resident: "Residents'",
    storyteller_employee: "Employees'",
    scheme_label: "Colour scheme (color-scheme)",
    scheme_help: "Light, dark, or the visitor's system setting. Default: follow the page (light on a page that declares nothing).",
    scheme_page: "Follow the page",
    scheme_light: "Light",
    scheme_dark: "Dark",
    scheme_auto: "The visitor's system setting (auto)",
    mode_label: "Mode (mode)",
    mode_help: "Kiosk is for info screens: fills its frame, large text, keeps rotating, fetches the feed again. Default: web page.",
    mode_page: "Web page",
    mode_kiosk: "Info screen (kiosk)",
    refresh_label: "Fetch the feed again every … minutes (refresh)",
    refresh_help: "At least 1. Default: every 5 minutes in kiosk mode, else never.",
    fill_label: "Fill the container's height (fill)",
    fill_help: "For frames and screens of a fixed size: the picture grows or shrinks so everything fits. Default: off.",

    preview_heading: "3. Preview",
    preview_intro: "The real widget with these settings, at three widths, on a light and a dark page. Each copy has its frame added to its name, so they can be told apart.",
    preview_needs_feed: "Give a feed's address above to see the widget here.",
    frame_phone: "Phone, 360 px",
    frame_sidebar: "Sidebar, 300 px",
    frame_full: "Full width",
    light_page: "light page",
    dark_page: "dark page",
    name_residents: "Stories for residents",
    name_colleagues: "Stories for employees",
    name_all: "Stories",

    code_heading: "4. The code",
    code_intro: "Paste one of these into your page. The widget comes from the same place as this page.",
    code_needs_feed: "The code appears once the feed's address is a full https:// address.",
    script_heading: "Script form",
    script_help: "The widget appears where the tag stands.",
    element_heading: "Element form",
    element_help: "Put the element where the widget goes, and the script once per page.",
    iframe_heading: "In an iframe",
    iframe_help: "For pages that cannot run the widget's script. The frame's height is fixed, so nothing on the page moves.",
    csp_heading: "Content-Security-Policy for the script and element forms",
    csp_help: "If your page has a policy, add these sources to its directives.",
    frame_csp_heading: "Content-Security-Policy for the iframe",
    frame_csp_help: "If your page has a policy, the iframe needs only this source.",
    copy: "Copy",
    copy_name: "Copy {what}",
    copied: "Copied.",
    copy_failed: "The browser does not allow copying here: the code is selected, so press Ctrl+C (⌘C on a Mac).",
    share_heading: "Link to these settings",
    share_help: "This page's address holds every setting: share it or bookmark it.",
};

#[cfg(test)]
mod tests {
    use super::*;

    /// Every field of a table, as `(name, text)`, from its debug form.
    fn texts(strings: &Strings) -> Vec<(String, String)> {
        let debug = format!("{strings:#?}");
        debug
            .lines()
            .filter_map(|line| line.trim().split_once(": "))
            .map(|(name, text)| (name.to_owned(), text.trim_end_matches(',').to_owned()))
            .collect()
    }

    #[test]
    fn every_table_is_complete_and_keeps_the_placeholders() {
        let english = texts(&EN);
        assert!(english.len() > 100, "{}", english.len());
        for lang in [Lang::Nb, Lang::Nn] {
            let table = texts(lang.strings());
            assert_eq!(table.len(), english.len());
            for ((name, text), (_, english_text)) in table.iter().zip(&english) {
                assert!(!text.trim_matches('"').is_empty(), "{lang:?}.{name} is empty");
                for placeholder in [
                    "{source}",
                    "{stories}",
                    "{errors}",
                    "{warnings}",
                    "{items}",
                    "{skipped}",
                    "{line}",
                    "{number}",
                    "{origin}",
                    "{status}",
                    "{kind}",
                    "{what}",
                ] {
                    assert_eq!(
                        text.contains(placeholder),
                        english_text.contains(placeholder),
                        "{lang:?}.{name} and English differ in {placeholder}"
                    );
                }
            }
        }
    }

    #[test]
    fn languages_come_from_tags_and_browser_preferences() {
        assert_eq!(Lang::from_tag("nn-NO"), Some(Lang::Nn));
        assert_eq!(Lang::from_tag("no"), Some(Lang::Nb));
        assert_eq!(Lang::from_tag("en_GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("se"), None);
        assert_eq!(Lang::preferred(["de-DE", "en-US", "nb"]), Lang::En);
        assert_eq!(Lang::preferred(["de"]), Lang::Nb);
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
    }

    #[test]
    fn templates_are_filled_and_counts_take_their_word() {
        assert_eq!(fill(NB.line, &[("line", "12")]), "linje 12");
        assert_eq!(counted(1, EN.story_word), "1 story");
        assert_eq!(counted(3, NN.warning_word), "3 åtvaringar");
        assert_eq!(counted(0, NB.error_word), "0 feil");
    }

    #[test]
    fn the_preview_names_are_the_widgets_own() {
        use saman_stories::i18n::Lang as WidgetLang;
        for (ours, theirs) in
            [(Lang::Nb, WidgetLang::Nb), (Lang::Nn, WidgetLang::Nn), (Lang::En, WidgetLang::En)]
        {
            for view in [View::Residents, View::Colleagues, View::All] {
                assert_eq!(
                    ours.strings().widget_name(view),
                    theirs.strings().name(view),
                    "{ours:?} {view:?}"
                );
            }
        }
    }
}
