// The benchmark's feeds: JSON Feed 1.1 documents of any number of stories,
// generated the same way every run, and the small SVG image of each story.
//
// Titles (~60 characters) and summaries (~200 characters) are stitched
// together from Nynorsk phrases of the kind a municipality publishes. Every
// story has an image (`img/<n>.svg`, relative to the feed), a date, an author
// and tags. Audiences repeat residents, all, colleagues, residents, so the
// residents view shows three stories in four.

const SUBJECTS = [
  'Biblioteket', 'Kulturskulen', 'Helsestasjonen', 'Brannvesenet', 'Heimetenesta', 'Ungdomsrådet',
  'Frivilligsentralen', 'Skulehelsetenesta', 'Teknisk drift', 'Legevakta', 'Sjukeheimen på Nordsida',
  'Fritidsklubben', 'Barnehagen i sentrum', 'Miljøstasjonen', 'Flyktningtenesta', 'Kommunestyret',
];
const VERBS = [
  'opnar', 'samlar', 'fekk', 'lanserer', 'inviterer til', 'feirar', 'tek imot', 'byggjer',
  'testar ut', 'deler ut', 'startar', 'gjer klar',
];
const OBJECTS = [
  'ny lesesal for studentar', 'barn frå tolv land', 'pris for godt arbeid med unge', 'ny app for timebestilling',
  'open dag med kaffi og vaflar', 'førti tonn brukte møblar', 'ny gangbru over elva', 'elsyklar til dei tilsette',
  'gratis kurs i digitale tenester', 'eldre til songkveld', 'sommarjobb for ungdom', 'nytt turkart for heile kommunen',
];
const ENDINGS = ['i Fjordvik', 'denne hausten', 'for første gong', 'på laurdag', 'etter lang ventetid', 'i kulturhuset'];
const SENTENCES = [
  'Tilbodet er gratis og ope for alle innbyggjarar, uansett alder.',
  'Dei tilsette har planlagt arbeidet i over eitt år saman med lag og organisasjonar.',
  'Neste samling blir i kulturhuset, og det er plass til alle som vil vere med.',
  'Tilbakemeldingane frå dei første vekene har vore svært gode.',
  'Kommunen vil no sjå på korleis ordninga kan bli fast frå neste år.',
  'Påmelding skjer på nettsida eller ved å ringje servicetorget.',
  'Prosjektet er finansiert med tilskot frå fylkeskommunen og lokale bedrifter.',
  'Fleire frivillige trengst, og ingen treng førehandskunnskap for å bidra.',
];
const AUTHORS = ['Hanne Rød', 'Ola Nordvik', 'Kari Fjeld', 'Amir Haddad', 'Siri Lunde', 'Per Aas'];
const TAGS = ['kultur', 'helse', 'miljø', 'barn og unge', 'eldre', 'samferdsel', 'frivillighet'];
const AUDIENCES = ['residents', 'all', 'colleagues', 'residents'];
const COLOURS = ['#1b6b5f', '#a3472e', '#2f4f8f', '#7a5c00', '#5b3f7a', '#2d6a2d'];

const pick = (list, n) => list[n % list.length];

/** The title of story `n`: subject, verb, object and an ending, ~60 characters. */
function title(n) {
  return `${pick(SUBJECTS, n)} ${pick(VERBS, n * 7 + 3)} ${pick(OBJECTS, n * 5 + 1)} ${pick(ENDINGS, n * 3 + 2)}`;
}

/** The summary of story `n`: a lead sentence, then sentences until ~200 characters. */
function summary(n) {
  let text = `${pick(SUBJECTS, n + 5)} ${pick(VERBS, n + 1)} ${pick(OBJECTS, n * 3)}.`;
  for (let i = 0; text.length < 180; i++) text += ` ${pick(SENTENCES, n * 3 + i)}`;
  return text;
}

/** Story `n` as a JSON Feed item, newest first (one story per six hours). */
function item(n, baseUrl) {
  const date = new Date(Date.UTC(2026, 10, 27, 9) - n * 6 * 3600 * 1000);
  const audience = pick(AUDIENCES, n);
  return {
    id: `historie-${n}`,
    url: `${baseUrl}historier/historie-${n}`,
    title: title(n),
    summary: summary(n),
    image: `img/${n}.svg`,
    date_published: date.toISOString().replace('.000Z', 'Z'),
    authors: [{ name: pick(AUTHORS, n) }],
    tags: [pick(TAGS, n), pick(TAGS, n + 3)],
    _saman: n % 3 === 0 ? { audience } : { audience, image_alt: `Illustrasjon til historie ${n + 1}` },
  };
}

/** A JSON Feed 1.1 document with `count` stories, as a string. */
export function feedJson(count, baseUrl = 'https://fjordvik.kommune.example/') {
  const items = Array.from({ length: count }, (_, n) => item(n, baseUrl));
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Gode historier frå Fjordvik kommune',
    home_page_url: `${baseUrl}historier`,
    language: 'nn',
    items,
  });
}

/** How many of `count` stories the residents view shows (residents or all). */
export function residentsInView(count) {
  let shown = 0;
  for (let n = 0; n < count; n++) if (pick(AUDIENCES, n) !== 'colleagues') shown++;
  return shown;
}

/** The image of story `n`: a 400×300 SVG of a few shapes, ~300 bytes. */
export function storySvg(n) {
  const colour = pick(COLOURS, n);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 400 300">` +
    `<rect width="400" height="300" fill="${colour}"/>` +
    `<circle cx="${80 + (n * 37) % 240}" cy="110" r="60" fill="#fff" fill-opacity="0.35"/>` +
    `<path d="M0 300 L140 170 L250 250 L320 190 L400 260 L400 300 Z" fill="#000" fill-opacity="0.25"/>` +
    `</svg>`;
}
