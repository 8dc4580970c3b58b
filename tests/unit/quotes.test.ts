import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/core/article';
import type { TextBlock } from '@/core/blocks';
import { extractQuotes } from '@/core/quotes';
import { normalizeSpace } from '@/core/text';
import { CORPORA, loadPage, SEED_DIR } from '../support/pages';

const expected = JSON.parse(readFileSync(path.join(SEED_DIR, 'expected.json'), 'utf8')) as {
  quotes: { text: string; speaker: string }[];
  notQuotes: string[];
};

const paragraphs = (...texts: string[]): TextBlock[] => texts.map((text) => ({ kind: 'paragraph', text }));

describe('quotes on the seed page', () => {
  const article = extractArticle(loadPage(path.join(SEED_DIR, 'watson-visible-times.html')));
  const quotes = extractQuotes(article.blocks, article.lang);

  it('finds exactly its six quotes, in order, all by Ruslan Leviev', () => {
    expect(quotes.map((q) => q.text)).toEqual(expected.quotes.map((q) => q.text));
    expect(quotes.map((q) => q.speaker)).toEqual(expected.quotes.map((q) => q.speaker));
  });

  it('gives the role from the attribution line', () => {
    expect(quotes[0]?.role).toBe('analyste militaire');
  });

  it('takes none of the names and scare quotes in marks', () => {
    for (const not of expected.notQuotes) expect(quotes.map((q) => q.text)).not.toContain(not);
  });
});

describe('quote styles and speakers', () => {
  it.each([
    ['«\u00a0Nous avons gagné\u00a0», a déclaré Marie Dupont.', 'Nous avons gagné', 'Marie Dupont'],
    ['„Wir waren nicht gut genug“, sagte Trainer Jürgen Klopp.', 'Wir waren nicht gut genug', 'Jürgen Klopp'],
    [
      '“We will keep trying every single day,” said John Smith, the mayor.',
      'We will keep trying every single day,',
      'John Smith',
    ],
    [
      'According to Ana García, "the river rose two metres overnight".',
      'the river rose two metres overnight',
      'Ana García',
    ],
    ['Secondo Marco Rossi, «la situazione è molto grave adesso».', 'la situazione è molto grave adesso', 'Marco Rossi'],
    [
      '"La situación es muy grave en toda la región", dijo Pedro Sánchez.',
      'La situación es muy grave en toda la región',
      'Pedro Sánchez',
    ],
  ])('%s', (text, quote, speaker) => {
    const [found] = extractQuotes(paragraphs(text));
    expect(found?.text).toBe(quote);
    expect(found?.speaker).toBe(speaker);
  });

  it('resolves "he said" and a bare surname to the person named before', () => {
    const quotes = extractQuotes(
      paragraphs(
        'Senator Jane Miller spoke after the vote. "This is a good day for the state," Miller said.',
        '"We waited far too long for this bill to pass," she said.',
      ),
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Jane Miller', 'Jane Miller']);
  });

  it('joins a quote that runs over several paragraphs, its opening mark repeated', () => {
    const quotes = extractQuotes(
      paragraphs(
        'Le ministre Paul Martin a déclaré: «Nous ferons tout notre possible.',
        '«Et nous le ferons vite, très vite.»',
      ),
    );
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.text).toBe('Nous ferons tout notre possible. Et nous le ferons vite, très vite.');
    expect(quotes[0]?.speaker).toBe('Paul Martin');
  });

  it('leaves out titles and scare quotes', () => {
    const quotes = extractQuotes(
      paragraphs('Comme le rapporte le «New York Times», une «horrible» découverte a eu lieu hier.'),
    );
    expect(quotes).toEqual([]);
  });
});

/** The speakers of `texts` (one paragraph each), in order, by the extractor in `lang`. */
const speakers = (lang: string, ...texts: string[]): (string | null)[] =>
  extractQuotes(paragraphs(...texts), lang).map((q) => q.speaker);

// Sentences from the pages of the gold set (tests/fixtures/quotes-figures), shortened.
describe('speakers: the attribution around the quote', () => {
  it.each([
    // The name first, then its apposition or relative clause.
    [
      'en',
      'Joel Schlabach, a teacher at eastern Indiana’s Richmond High School, said politicians have “vilified educators ever since the budget talks began.”',
      'Joel Schlabach',
    ],
    [
      'en',
      'Jennifer McCormick, who has split from many fellow Republicans on issues such as the state’s private school voucher program, told cheering teachers that they weren’t “asking for the moon.”',
      'Jennifer McCormick',
    ],
    // Abbreviations end no sentence.
    [
      'en',
      'U.S. Attorney James Kennedy Jr. said in the release this case demonstrates that free speech does not protect people to “make threats to harm lawmakers simply because they may disagree with them.”',
      'Kennedy Jr',
    ],
    // The name after the role and its complement.
    [
      'es',
      '“El fuego ha retornado y vuelve hacia el municipio”, ha advertido el alcalde de Los Gallardos, Francisco Miguel Reyes, quien ha atribuido este giro al viento.',
      'Francisco Miguel Reyes',
    ],
    // An attribution inside the marks of an interrupted quote.
    [
      'it',
      '«Consistono nel contrarre i muscoli del pavimento pelvico - spiega Artibani - tenendoli in tensione per qualche momento». Lo dice Walter Artibani.',
      'Walter Artibani',
    ],
    // An indefinite description is a new, unnamed speaker.
    ['de', '„Dabei hat sich auch Blausäure gebildet“, sagte ein Feuerwehrsprecher.', 'Feuerwehrsprecher'],
    // A person introduces the quote with a colon; else a body does.
    [
      'it',
      "Segreta l'agenda dell'incontro, ma il New York Times rivela: «La premier ha premuto sul caso di Cecilia Sala»",
      'York Times',
    ],
    // The name that ends the sentence before the quote ("si è detto X").
    [
      'it',
      "Soddisfatto per l'iniziativa della premier si è detto Matteo Salvini. «Bene Giorgia Meloni da Donald Trump per parlare di pace», ha scritto su X.",
      'Matteo Salvini',
    ],
  ])('%s: %s', (lang, text, speaker) => {
    expect(speakers(lang, text)[0]).toBe(speaker);
  });

  it('a quote running over two paragraphs is attributed after its end', () => {
    expect(
      speakers(
        'en',
        'Senior author Dr. Silvia S. Martins, associate professor of epidemiology at Columbia University Mailman School of Public Health, commented: "Cannabis use disorder in adolescence is associated with long-term adverse health, economic and social consequences.',
        '"Given our findings on problematic use across age groups, legalization efforts should coincide with prevention and treatment," Martins said.',
      ),
    ).toEqual(['Silvia S. Martins']);
  });

  it('a quote that closes its sentence is not attributed by the next one', () => {
    expect(
      speakers(
        'de',
        '"Wir waren nicht gut genug", sagte Liverpools Trainer Jürgen Klopp bei "Sky". "Ich weiß, was das bedeutet, ich kann es jetzt nicht mehr ändern." Liverpool spielt Samstag bei West Ham United. Der FC Liverpool ist Zweiter.',
      ),
    ).toEqual(['Jürgen Klopp', 'Jürgen Klopp']);
  });

  it('an elided article is no name ("L\'elogio di Trump")', () => {
    expect(
      speakers(
        'it',
        "La premier italiana Giorgia Meloni è partita per la Florida. L'elogio di Trump: «Ha preso d'assalto l'Europa, davvero».",
      )[0] ?? '',
    ).not.toMatch(/elogio/);
  });
});

describe('speakers: pronouns, descriptions and unattributed quotes', () => {
  it('"she said" is the person of the last speech act, not the last name', () => {
    expect(
      speakers(
        'en',
        'Sonya A. Zoghlin, Carlineo’s attorney, told The Hill in a statement that her client did not intend to cause harm to Omar.',
        '“Pat Carlineo is passionate about his political beliefs and his right to express them,” she said in an email. “He has taken responsibility for using threatening and inappropriate language.”',
      ),
    ).toEqual(['Sonya A. Zoghlin', 'Sonya A. Zoghlin']);
  });

  it('"but he said", "in which he said": the pronoun ends the subject', () => {
    expect(
      speakers(
        'en',
        'Ian Hamilton, an expert in drug use, told Newsweek: "Even a small percentage increase in regular cannabis users can increase the risk of developing problems."',
        'But he said the results also don\'t mean cannabis shouldn\'t be legalized, rather "that for the small proportion of users who develop problems support services need to be adequately funded."',
      ),
    ).toEqual(['Ian Hamilton', 'Ian Hamilton']);
    expect(
      speakers(
        'en',
        'Patrick Carlineo Jr., 55, could face up to 10 years in prison. Rep. Ilhan Omar asked for compassion.',
        'Carlineo was arrested in April for a March 21 phone call he reportedly made to Omar’s office, in which he said he’d put a “bullet in her f---ing skull.”',
      ),
    ).toEqual(['Patrick Carlineo']);
  });

  it('any past participle after "ha", "a", "avait" is a verb of saying next to a quote', () => {
    expect(
      speakers(
        'fr',
        "Alors que dans un entretien pour l'hebdomadaire Respekt, ce vendredi matin, Roman Prymula avait affirmé qu'il était prêt à démissionner « si le public le veut », il a rejeté cette éventualité.",
      ),
    ).toEqual(['Roman Prymula']);
  });

  it('Spanish and Italian drop the pronoun: "En ese sentido, ha señalado que…"', () => {
    expect(
      speakers(
        'es',
        'El consejero de Educación y Deporte de la Junta de Andalucía, Javier Imbroda, ha revelado este miércoles que padeció el coronavirus.',
        'En ese sentido, ha señalado que contempla "con mucha tristeza todo lo que ha sucedido" con esta pandemia.',
      ),
    ).toEqual(['Javier Imbroda']);
  });

  it.each([
    [
      'es',
      'El incendio deja ya 12 muertos, ha confirmado el presidente de la Junta de Andalucía, Juanma Moreno. El operativo sigue en la zona.',
      '“Es un incendio raro”, ha insistido el presidente andaluz.',
      'Juanma Moreno',
    ],
    [
      'de',
      'Zu Beginn gibt Präsidentin Annekathrin Preidel den Ton vor. Die Studie zu Kirche und Diakonie wurde veröffentlicht.',
      '"Sexualisierte Gewalt darf keinen Platz in unserer Kirche haben", sagte die Synodalpräsidentin. Es gebe eine Kommission mit der Diakonie Bayern.',
      'Annekathrin Preidel',
    ],
    [
      'en',
      'Nonetheless, the Storm Prediction Center has outlined a Level 3 out of 5 risk of severe weather from Des Moines all the way south.',
      '“The greatest threat is currently anticipated across parts of the central and southern Plains,” wrote the center.',
      'Storm Prediction Center',
    ],
    [
      'de',
      '„Dabei hat sich auch Blausäure gebildet“, sagte ein Feuerwehrsprecher. Vor Ort sind Kräfte des Technischen Hilfswerks.',
      '„Wir haben das Feuer noch lange nicht unter Kontrolle, es bleibt weiterhin unübersichtlich“, so der Feuerwehrsprecher weiter.',
      'Feuerwehrsprecher',
    ],
  ])('%s: a description is the person the article gave that role', (lang, before, text, speaker) => {
    expect(speakers(lang, before, text).pop()).toBe(speaker);
  });

  it('a quote with no attribution is by the speaker of the passage, and one before its speaker is named by the next', () => {
    expect(
      speakers(
        'de',
        'Der Trierer Politikwissenschaftler Uwe Jun stellt dem Ausschuss ein gutes Zeugnis aus. "Die Gespräche waren häufig von Sachlichkeit geprägt."',
        'Auch die Regierungsfraktionen hätten "mitgearbeitet und nicht erkennbar versucht, die Arbeit zu behindern".',
      ),
    ).toEqual(['Uwe Jun', 'Uwe Jun']);
    expect(
      speakers(
        'fr',
        'Les autorités françaises sont toujours sans nouvelles «d’encore plus de 200» personnes. «Pour certains d’entre eux on est très interrogatif», a ajouté Laurent Fabius.',
      ),
    ).toEqual(['Laurent Fabius', 'Laurent Fabius']);
  });

  it('a quote after a sentence with a quote of its own continues that speaker', () => {
    expect(
      speakers(
        'de',
        'Der spanische Basketball-Star Sergio Llull bat um Entschuldigung. «Was letzte Nacht passiert ist, sollte niemals passieren», twitterte der 35 Jahre alte Aufbauspieler und Kapitän von Real. «Ich übernehme die Verantwortung für dieses harte Foul.»',
      ),
    ).toEqual(['Sergio Llull', 'Sergio Llull']);
  });
});

describe('<q> elements, whose quotation marks are drawn by CSS', () => {
  it("Wikipedia's <q> citations are quotes, though their text has no marks", () => {
    const doc = loadPage(
      path.join(CORPORA, 'readability-pages/html/wikipedia.html.gz'),
      'http://fakehost/test/page.html',
    );
    const cited = Array.from(doc.querySelectorAll('q')).map((q) => normalizeSpace(q.textContent ?? ''));
    expect(cited).toHaveLength(4);
    const article = extractArticle(doc);
    const found = extractQuotes(article.blocks, article.lang).map((q) => q.text);
    expect(cited.filter((text) => !found.includes(text.replace(/[.,]$/, '')) && !found.includes(text))).toEqual([]);
  });

  it('a page that writes the marks around its <q> too („<q>…</q>“) gets them once, and its speaker', () => {
    const doc = loadPage(path.join(CORPORA, 'htmldate-a/html/bka.de-messengerdienste.html.gz'), 'https://www.bka.de/');
    const article = extractArticle(doc);
    const text = article.blocks.map((b) => b.text).join('\n');
    expect(text).not.toMatch(/„“|“”/);
    const quotes = extractQuotes(article.blocks, article.lang);
    expect(quotes.map((q) => q.speaker)).toEqual(['BKA-Präsident Holger Münch', 'BKA-Präsident Holger Münch']);
    expect(quotes[0]?.text).toMatch(/^Insbesondere die Corona-Pandemie hat dazu beigetragen/);
  });
});
