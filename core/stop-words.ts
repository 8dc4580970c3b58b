/**
 * The commonest function words of the seven languages Lede ranks sentences in. They carry no
 * topic, so the summary leaves them out when it compares sentences, and their frequency tells
 * the language of a page that does not declare one (detectLanguage). Lists after the usual
 * stop-word lists (Snowball's), cut to the words that are frequent in news prose.
 */

const WORDS: Readonly<Record<string, string>> = {
  en: 'a about after all also an and any are as at be been before being but by can could did do does during for from had has have he her his how i if in into is it its just more most my no not now of on one only or other our out over said says she so some than that the their them then there these they this those through to under up us was we were what when where which while who will with would you your',
  fr: 'à au aux avait avec avoir c ce cela ces cet cette comme d dans de des donc dont du elle elles en encore entre est et été être fait il ils je l la le les leur leurs lui mais me même mes moi n ne ni nos notre nous on ont ou où par pas pendant plus pour qu que qui s sa sans se selon ses si son sont sous sur ta te tous tout très tu un une vous y',
  de: 'aber alle als am an auch auf aus bei bis da damit dann das dass dem den denn der des die dies diese dieser doch durch ein eine einem einen einer eines er es für gegen hat hatte hier ich ihr im in ist ja jetzt kann kein keine man mehr mit nach nicht noch nun nur ob oder schon sei sein seine sich sie sind so soll über um und uns unter vom von vor war waren was wenn werden wie wieder wird wir wo wurde wurden zu zum zur',
  es: 'a al algo ante como con contra cuando de del desde donde durante e el ella ellos en entre era es esa ese esta este están fue ha han hasta hay la las le les lo los más me muy mi ni no nos o para pero por porque que se ser si sin sobre su sus también te tiene todo todos un una uno unos y ya',
  it: 'a ad agli al alla alle anche che chi ci come con così da dai dal dalla degli dei del della delle di dopo e è gli ha hanno i il in io la le lo loro ma mi nel nella nelle non o per più perché poi quando quella quello questa questo se si sono su sua sue suo suoi tra un una uno',
  pt: 'a ao aos as até com como da das de dela dele do dos e é ela ele eles em entre era essa esse esta este eu foi há isso já mais mas me muito na nas não no nos o os ou para pela pelo por quando que se sem ser seu seus sua suas também tem um uma uns você',
  nl: 'aan al als bij dan dat de deze die dit door een en er geen had heeft hem het hij hoe hun ik in is je kan maar me meer met mij na naar niet nog nu of om ons ook op over te tot uit van veel voor was wat we werd wie wij worden wordt zal ze zei zich zij zijn zo',
};

export const STOP_WORD_LANGS = Object.keys(WORDS);

const SETS = new Map(Object.entries(WORDS).map(([lang, words]) => [lang, new Set(words.split(' '))]));

/** The language's primary subtag ("fr-CH" -> "fr"), lower-case. */
export const primaryLang = (lang: string | null): string | null => lang?.toLowerCase().split(/[-_]/)[0] || null;

/** The stop words of `lang`; for another language, those of all seven (a safe fallback). */
export function stopWordsFor(lang: string | null): ReadonlySet<string> {
  return SETS.get(primaryLang(lang) ?? '') ?? ALL;
}
const ALL: ReadonlySet<string> = new Set([...SETS.values()].flatMap((s) => [...s]));

/**
 * The language of a text from its function words, or null when fewer than 20 words or no clear
 * winner: the share of one language's stop words must be at least 15 % of the words and ahead of
 * the next by half again.
 */
export function detectLanguage(words: readonly string[]): string | null {
  if (words.length < 20) return null;
  const hits = [...SETS].map(([lang, set]) => [lang, words.filter((w) => set.has(w)).length] as const);
  hits.sort((a, b) => b[1] - a[1]);
  const [best, next] = hits;
  if (!best || best[1] < words.length * 0.15) return null;
  return !next || best[1] >= next[1] * 1.5 ? best[0] : null;
}
