// The 100 corpus pages that Lede opens in real Chromium and Firefox (issue 10, item 1; the
// tests are in corpus-sample-suite.ts). A fixed sample of ../shared/corpora, chosen once by this
// rule so that it covers the hard cases: 25 pages per set, namely the two largest pages of the
// set; up to four pages whose <meta> declares a charset other than UTF-8 (one per charset first;
// some are UTF-8 bytes under a legacy declaration, as the corpora keep them, which browsers and
// the CLI alike decode as declared);
// one page with a <meta http-equiv="refresh"> (it would send the tab elsewhere); the four pages
// with the least prose in their <p> elements (the set's likely non-articles); and the rest evenly
// spaced over the set's pages in name order. `why` says which rule chose each page, and which
// pages Lede finds are not articles (8, the same in both browsers).

export type CorpusSet = 'aeb' | 'fundus-a' | 'htmldate-a' | 'readability-pages';

export interface CorpusPage {
  readonly set: CorpusSet;
  /** The file name in `<set>/html/`, without `.html.gz`. */
  readonly name: string;
  readonly why: string;
}

/**
 * The policy the corpus pages are served with. The pages' own scripts are blocked, so any error
 * in the page is Lede's; so are their remote resources, which fail anyway (there is no network)
 * but would otherwise each wait for a DNS answer. Inline styles still apply: the page looks as
 * it would, and Readability's visibility checks see its display:none.
 */
export const CORPUS_PAGE_CSP = "default-src 'self' data: 'unsafe-inline'; script-src 'none'";

const SAMPLE: readonly (readonly [CorpusSet, string, string])[] = [
  ['aeb', '042bb7b5fedab6eac7db576522b89b93904c237d344bcbe14a6a5ab7f7335856', 'spread (597 kB)'],
  ['aeb', '0dd1357045727799a447563fd8851f4ebe79f042073ea16991a9b67aa595f81a', 'spread (56 kB)'],
  ['aeb', '0ec95c7261d122f304728e90c983450ef1ce1e0b423546835c397d50aaf0d0f2', 'little prose (31 kB)'],
  ['aeb', '156770d676ce79905198e1c8407f81e5ecfb617d9aa44712718707eb7e3b8e38', 'meta refresh (112 kB)'],
  ['aeb', '232a43fb15abde807427b2a7bf4f772e27b8760554370956d8291df4e8166dbf', 'spread (72 kB)'],
  [
    'aeb',
    '287e4d9f4af31733aad6534aefb2bd00fb344ec8d6ebf1ac99dbc4d762da0ca4',
    'little prose (223 kB); Lede: not an article',
  ],
  [
    'aeb',
    '34a7328535ad4e60b059f81d37eec5d25c2bc8de759ce9a7b5e47ac7dc6fd1b0',
    'little prose (231 kB); Lede: not an article',
  ],
  ['aeb', '358cc4a080456476b0f883c56bdce796874c286ed6efab25f5718dd95fab42a8', 'little prose (231 kB)'],
  ['aeb', '35b158918c676ff2c74445517db76c83db70a805cc50b64e1369b354a027fcbd', 'spread (115 kB)'],
  ['aeb', '3d8f3404cf975af824d7866b7679bc45189c3eea6adb32f0a125a0904b1abbb2', 'spread (162 kB)'],
  ['aeb', '55bb6340e3d7dd8632ba45179ae43c39f8ad0cfcecb4719e3b9cf6106ffb70a3', 'spread (167 kB)'],
  ['aeb', '5fa5679de56c43edf70685762c2d1f2de296432ae53aa46e075b552fee17cab8', 'spread (655 kB)'],
  ['aeb', '686bb170effe273eaff1c0f88e412172e8d972518a6d1454c896f52aafaa9643', 'spread (119 kB)'],
  ['aeb', '7a664e40d256470fdb12d10c3f8d1c6db0581e9b080c71765e55f273a3ac7d03', 'spread (287 kB)'],
  ['aeb', '851498a2b9f4f0b578ac9700c245253dbc147a06c0fb3499adebf1c2d5663c29', 'spread (548 kB)'],
  ['aeb', '921019755f4a96ac4abf9dbcb4ef9d5ac202624a542d5ea70912330aa6fcc71f', 'spread (86 kB)'],
  ['aeb', 'a078b3656adc0295d0e37bd4f599342f4a0894da2451e0ef3038ac045434fef3', 'spread (428 kB)'],
  ['aeb', 'ad9e9e596f21a6812fae27b5d9d622359826c368e471d7d5ff9ac4676eaac9cd', 'spread (77 kB)'],
  ['aeb', 'bc13ff87b2630ffbebc33bc37b11178b14f03109055e1d17bf644f804b63d98a', 'spread (63 kB)'],
  ['aeb', 'c69e539d689a8335a69042727f1b58edab09d5d99fb607ec625a63151a537dc2', 'spread (69 kB)'],
  ['aeb', 'd605bdef2cde7308a9f2fbd1484d4a9c3da0167177245d346da61e455f42208d', 'largest of the set (1.4 MB)'],
  ['aeb', 'd90bda7ed14df19574f4ca8b1ccde5752a78f40058af1393e81cc99adb3e8756', 'spread (41 kB)'],
  ['aeb', 'e593d7fe88f9f5cd6587ac172be2db6055d40b6f071023f97ab1ce373534261e', 'spread (172 kB)'],
  ['aeb', 'ef2b3f268a67950c16563de9ca3209163c7618868c0216739e1e794e7884cc20', 'spread (178 kB)'],
  ['aeb', 'ef4e67b66d63b5facef55c06a94d85f2ae01a0a1a4a3a1bcfe2499c8c8a7dacf', 'largest of the set (1.5 MB)'],
  ['fundus-a', 'at_KleineZeitung_2025_06_30', 'spread (139 kB)'],
  ['fundus-a', 'ch_NZZ_2024_07_18', 'spread (744 kB)'],
  ['fundus-a', 'de_BerlinerMorgenpost_2024_05_03', 'spread (229 kB)'],
  ['fundus-a', 'de_BoersenZeitung_2024_10_23', 'largest of the set (2.1 MB)'],
  ['fundus-a', 'de_BoersenZeitung_2024_12_16', 'largest of the set (2.1 MB)'],
  ['fundus-a', 'de_DW_2024_01_30', 'spread (192 kB)'],
  ['fundus-a', 'de_FrankfurterRundschau_2024_04_26', 'spread (130 kB)'],
  ['fundus-a', 'de_Heise_2024_04_19', 'spread (223 kB)'],
  ['fundus-a', 'de_NDR_2023_04_28', 'spread (149 kB)'],
  ['fundus-a', 'de_SportSchau_2024_04_25', 'spread (550 kB)'],
  ['fundus-a', 'de_WAZ_2023_06_29', 'spread (756 kB)'],
  ['fundus-a', 'de_WinFuture_2024_04_29', 'declared iso-8859-1 (67 kB)'],
  ['fundus-a', 'es_ABC_2026_04_25', 'meta refresh (349 kB)'],
  ['fundus-a', 'es_LaVanguardia_2026_07_11', 'spread (109 kB)'],
  ['fundus-a', 'ind_TimesOfIndia_2024_09_02', 'spread (461 kB)'],
  ['fundus-a', 'jp_AsahiShimbun_2025_01_13', 'little prose (203 kB); Lede: not an article'],
  ['fundus-a', 'jp_Nikkei_2025_01_27', 'little prose (291 kB)'],
  ['fundus-a', 'jp_TokyoShimbun_2025_01_13', 'little prose (129 kB); Lede: not an article'],
  ['fundus-a', 'li_Landesspiegel_2026_01_27', 'spread (60 kB)'],
  ['fundus-a', 'no_Dagbladet_2026_01_06', 'spread (1.0 MB)'],
  ['fundus-a', 'tr_NTVTR_2024_04_30', 'spread (74 kB)'],
  ['fundus-a', 'uk_Nature_2026_02_07', 'spread (265 kB)'],
  ['fundus-a', 'us_BusinessInsider_2024_02_14', 'spread (256 kB)'],
  ['fundus-a', 'us_RollingStone_2024_08_27', 'spread (528 kB)'],
  ['fundus-a', 'us_VoiceOfAmerica_2024_04_28', 'spread (62 kB)'],
  ['htmldate-a', '0a3108e507c54157a95fe7a1338f5e9c', 'spread (68 kB)'],
  ['htmldate-a', '0b96fc66e2c94f45a1b923ec9a31fcf2', 'declared iso-8859-1 (240 kB)'],
  ['htmldate-a', '1502375798', 'little prose (133 kB)'],
  ['htmldate-a', '1521292139', 'little prose (72 kB); Lede: not an article'],
  ['htmldate-a', '1538026996', 'declared euc-kr (48 kB)'],
  ['htmldate-a', '1545286960', 'meta refresh (113 kB)'],
  ['htmldate-a', '1546021647', 'little prose (68 kB)'],
  ['htmldate-a', '1572542522', 'spread (49 kB)'],
  ['htmldate-a', '1711399465', 'spread (303 kB)'],
  ['htmldate-a', '1808293409', 'declared windows-1252 (300 kB)'],
  ['htmldate-a', '1hundetagebuch.wordpress.com.langer', 'spread (87 kB)'],
  ['htmldate-a', 'arteradio.com-nuls', 'spread (59 kB)'],
  ['htmldate-a', 'bmfsfj.de-praesidentschaft', 'spread (74 kB)'],
  ['htmldate-a', 'd60caba9d12c467b9708ec8981cad8aa', 'spread (116 kB)'],
  ['htmldate-a', 'edition.cnn.com-royal', 'largest of the set (1.4 MB)'],
  ['htmldate-a', 'elmundo.es-PSOE', 'declared iso-8859-15 (246 kB)'],
  ['htmldate-a', 'erzbstbstum-koeln.de-halskrankheiten', 'spread (52 kB)'],
  ['htmldate-a', 'gipfelbuch.ch-hochaufloesung', 'spread (78 kB)'],
  ['htmldate-a', 'kath.net-Menschensohn', 'spread (21 kB)'],
  ['htmldate-a', 'management-circle.de.glasses', 'spread (78 kB)'],
  ['htmldate-a', 'npr.org-bombing', 'spread (97 kB)'],
  ['htmldate-a', 'nymag.com.polarization', 'largest of the set (1.6 MB)'],
  ['htmldate-a', 'ritinardo.wordpress.com.btw17', 'spread (74 kB)'],
  ['htmldate-a', 'tarnkappe.info-Black', 'spread (62 kB)'],
  ['htmldate-a', 'verfassungsblog.de.decade', 'spread (47 kB)'],
  ['readability-pages', '001', 'spread (13 kB)'],
  ['readability-pages', '005-unescape-html-entities', 'little prose (221 B); Lede: not an article'],
  ['readability-pages', 'ars-1', 'spread (56 kB)'],
  ['readability-pages', 'base-url', 'little prose (2 kB)'],
  ['readability-pages', 'base-url-base-element', 'little prose (2 kB)'],
  ['readability-pages', 'base-url-base-element-relative', 'little prose (2 kB)'],
  ['readability-pages', 'buzzfeed-1', 'spread (378 kB)'],
  ['readability-pages', 'daringfireball-1', 'spread (10 kB)'],
  ['readability-pages', 'embedded-videos', 'spread (2 kB)'],
  ['readability-pages', 'guardian-1', 'spread (1.2 MB)'],
  ['readability-pages', 'js-link-replacement', 'spread (209 B); Lede: not an article'],
  ['readability-pages', 'lemonde-1', 'meta refresh (87 kB)'],
  ['readability-pages', 'liberation-1', 'spread (141 kB)'],
  ['readability-pages', 'medium-1', 'spread (120 kB)'],
  ['readability-pages', 'mozilla-2', 'spread (25 kB); Lede: not an article'],
  ['readability-pages', 'nytimes-5', 'spread (945 kB)'],
  ['readability-pages', 'qq', 'declared gb2312 (320 kB)'],
  ['readability-pages', 'remove-extra-paragraphs', 'spread (1 kB)'],
  ['readability-pages', 'rtl-3', 'spread (1 kB)'],
  ['readability-pages', 'spiceworks', 'spread (186 kB)'],
  ['readability-pages', 'title-en-dash', 'spread (1 kB)'],
  ['readability-pages', 'videos-2', 'spread (180 kB)'],
  ['readability-pages', 'wikipedia', 'spread (244 kB)'],
  ['readability-pages', 'yahoo-2', 'largest of the set (1.6 MB)'],
  ['readability-pages', 'yahoo-3', 'largest of the set (1.3 MB)'],
];

export const CORPUS_SAMPLE: readonly CorpusPage[] = SAMPLE.map(([set, name, why]) => ({ set, name, why }));
