/**
 * Phrases of boilerplate that structure alone does not give away, in English, French, German,
 * Spanish, Italian and Portuguese. The clean-up (cleanup.ts) only ever tests them against short
 * blocks, as a whole block or as its start, never against a sentence inside a paragraph.
 *
 * Texts are tested lower-cased, with spaces collapsed.
 */

/**
 * A whole block that is only a label, a control or a call to action. Anchored at both ends;
 * trailing punctuation ("…", ":", "!") is allowed.
 */
export const LABEL_BLOCK = new RegExp(
  '^(?:' +
    [
      // Controls and labels of galleries, players and tools.
      'advert(?:isement)?',
      'anzeige',
      'publicité',
      'publicidad',
      'pubblicità',
      'publicidade',
      'sponsored',
      'caption',
      'close',
      'enlarge(?: image)?',
      'image \\d+ (?:of|/) ?/? ?\\d+',
      '\\d+ ?of ?\\d+',
      'photos?',
      'skip to (?:main )?content',
      'text size',
      'print(?: article)?',
      'order reprints',
      'loading(?: content)?(?: \\.\\.\\.)?',
      'this slideshow requires javascript',
      // Reading time.
      '(?:reading time|lesezeit|temps de lecture|tiempo de lectura|tempo di lettura|tempo de leitura):? ?\\d+ ?\\p{L}*',
      '\\d+ ?min(?:ute)?s? read',
      // Section titles of what follows the article.
      'comments?',
      '\\d* ?(?:comments?|commentaires?|kommentare?|comentarios?|commenti|comentários?)',
      'post (?:a )?comment(?: \\(\\+\\))?',
      'leave a (?:comment|reply)',
      'tell us what you think',
      'you may also like',
      'you might also like',
      'recommended(?: for you)?',
      'related(?: (?:news|stories|articles|content|coverage))?',
      'more(?: [\\p{L}\\p{N} ]{0,30}(?:news|stories|articles|reads|videos)| from [\\p{L} .]+)?',
      'latest(?: news)?',
      'breaking news',
      'recent (?:articles|posts)',
      'popular(?: this week)?',
      'most (?:read|popular)',
      'trending',
      "don't miss",
      'about the author',
      'share(?: this(?: article| story)?)?',
      'sign in',
      'subscribe',
      'newsletter',
      'ceci pourrait (?:également|aussi) vous intéresser',
      'à lire aussi',
      'lire aussi',
      'sur le même sujet',
      // Only with guillemets: "Plus de 50 morts" is a French subheading.
      'plus de «[^»]{1,40}»',
      'das könnte sie auch interessieren',
      'mehr zum thema',
      'weitere artikel',
      'lesen sie auch',
      'te puede interesar',
      'noticias relacionadas',
      'lee también',
      'ti potrebbe interessare',
      'leggi anche',
      'articoli correlati',
      'leia (?:também|mais)',
      'veja também',
    ].join('|') +
    ')[\\s.:!…»›>|-]*$',
  'u',
);

/**
 * The title of a list of links to other articles ("More:", "You may also like", "Lire aussi"):
 * the links that follow it go with it. A subset of LABEL_BLOCK.
 */
export const RELATED_TITLE =
  /^(?:more|related|read more|see also|you (?:may|might) also like|recommended|more [\p{L}\p{N} ]{0,30}(?:news|stories|articles|reads|videos)|more from [\p{L} .]+|ceci pourrait (?:également|aussi) vous intéresser|à lire aussi|lire aussi|sur le même sujet|plus de «[^»]{1,40}»|das könnte sie auch interessieren|mehr zum thema|weitere artikel|lesen sie auch|te puede interesar|noticias relacionadas|lee también|ti potrebbe interessare|leggi anche|articoli correlati|leia também|veja também)[\s.:!…»›>|-]*$/u;

/**
 * The start of a block that leads to another article: "Read more: …", "Lire aussi : …",
 * "[Related: …]". The block is then mostly a link; cleanup.ts checks that.
 */
export const LINK_LEAD_IN =
  /^[[(]?(?:read more|read also|related|see more|see also|also|more|don't miss|watch|listen|video|click here|lire aussi|à lire aussi|voir aussi|à voir aussi|weiterlesen|lesen sie auch|mehr zum thema|siehe auch|lee también|leer más|ver también|leggi anche|vedi anche|leia também|veja também)\b/u;

/** A line of share buttons: only the names of networks and sharing verbs. */
export const SHARE_LINE =
  /^(?:(?:share|sharing|tweet|pin|pint|email|e-mail|mail|print|copy link|whatsapp|facebook|twitter|x|linkedin|pinterest|reddit|telegram|messenger|flipboard|tumblr|xing|baixar|download|partager|teilen|compartir|condividi|compartilhar|on|via|this|article)[\s,|·•/]*){2,}$/u;

/** Lead-ins of a line of tags or categories: "Tags: …", "Filed under: …". */
export const TAGS_LEAD_IN =
  /^(?:tags?|tagged|filed under|categories|category|topics|themen|schlagworte|schlagwörter|mots-clés|étiquettes|etiquetas|temas|argomenti)\b/u;

/**
 * Notices a reader skips: newsletters and subscriptions, comment rules, affiliate links, cookies,
 * copyright lines, app promotions, social follows. Tested anywhere in a short block.
 */
export const NOTICE = new RegExp(
  [
    'sign up (?:for|to) (?:our|the)\\b[^.]*\\b(?:newsletter|email|updates)',
    'subscribe to (?:our|the)?[^.]*\\b(?:newsletter|channel|magazine|podcast)',
    'in your inbox',
    // On its own in a short block: AEB no change, fundus-a +0.0006 (German newsletter boxes).
    'newsletter',
    'delivered (?:to your inbox|weekday|every)',
    'follow [\\p{L}@._ ]{1,30} on (?:twitter|facebook|instagram|youtube|linkedin)',
    'share (?:it|this (?:story|article)) with',
    '^(?:write to|email|e-mail|reach|contact) [^.]{0,60}(?:@|twitter)',
    'click here to (?:get|download|subscribe|sign up|read)',
    'affiliate (?:links?|commission)',
    'this (?:post|article) (?:may )?contains? affiliate',
    'uses cookies',
    'all rights reserved',
    '^copyright\\b',
    'this document is subject to copyright',
    'comments (?:are|will be) (?:closed|moderated)',
    'moderating all comments',
    'fermer la fonction de commentaire',
    'débats de commentaires',
    'kommentarfunktion',
    'abonnez-vous',
    'inscrivez-vous à (?:notre|la) newsletter',
    'abonnieren sie',
    'suscríbete',
    'iscriviti alla newsletter',
    'contributed to this report',
    '^\\(?(?:additional )?reporting by',
    '^\\(?editing by',
    'follow @\\w',
    'follow us\\b',
  ].join('|'),
  'u',
);

/**
 * A photo credit written in the text: "Photo: AP", "(Image: © NASA)", "Foto: Keystone",
 * "Image credit: Getty", "© Reuters", "capture d'écran". Anchored at the start of the block.
 */
export const CREDIT_TEXT =
  /^[([]?(?:(?:photo|image|picture|foto|bild|fotografía|crédit|credit|source|quelle|fuente|fonte)s?(?: credit)?\s?:|©|capture d['’]écran|screenshot\b)/u;

/** Month names and abbreviations (English, French, German, Spanish, Portuguese, Italian). */
const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|' +
  'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|janv|févr|avr|juil|déc|' +
  'januar|februar|märz|juni|juli|oktober|dezember|' +
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|' +
  'janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|' +
  'gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|ago|lug|giu|gen|ott|dic';

/** What makes a line a date: a month's name, a time (10:48) or a numeric date (20.11.2019). */
export const DATE_ANCHOR = new RegExp(
  `\\b(?:${MONTHS})\\b|\\d{1,2}[:h]\\d{2}\\b|\\b\\d{1,4}[./-]\\d{1,2}[./-]\\d{2,4}\\b`,
  'u',
);

/**
 * Words of a dateline ("Published 10:48, Tue, Nov 19, 2019 | Updated …", "segunda-feira, 22 de
 * janeiro de 2018 às 0:13"): months, weekdays, time-zone abbreviations and the words around them.
 * A short block made only of these and numbers, with a DATE_ANCHOR, is a dateline.
 */
export const DATELINE_WORD = new RegExp(
  '^(?:' +
    [
      MONTHS,
      'mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?',
      'published|updated|posted|modified|last|first|on|at|am|pm|a|p|m|st|nd|rd|th|ago|hours?|minutes?|days?|by|and|the',
      'gmt|utc|[ecmp][sd]t|bst|cet|cest|ist|hst|amt|aest|jst',
      'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|publié|publiée|mis|à|jour|le|h|il|y',
      'montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|veröffentlicht|aktualisiert|um|uhr|vor|stunden?|minuten?|tagen?',
      'lunes|martes|miércoles|jueves|viernes|sábado|domingo|segunda|terça|quarta|quinta|sexta|feira',
      'publicado|actualizado|atualizado|de|del|às|las|hace',
      'lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|pubblicato|aggiornato|alle|ore',
      '\\d+(?:st|nd|rd|th|er|e)?',
    ].join('|') +
    ')$',
  'u',
);

/**
 * A byline: "By Jane Doe", "Par Ivan Ruslyannikov", "Von …", "Por …", "Di …". Tested on the
 * block's own case (a name follows), on short blocks only.
 */
export const BYLINE_TEXT = /^(?:by|par|von|por|di)\s+\p{Lu}/iu;
