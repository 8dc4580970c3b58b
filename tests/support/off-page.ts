/**
 * The off-page parser's reading (utils/read-off-page.ts, readServedPage) run in the test's own
 * process: the same serialization the content script does and the same parser code, without the
 * browser's messaging between them (the e2e suites have that).
 */
import { JSDOM } from 'jsdom';
import type { AnalyzeResponse, PageReadRequest, ParsedPage, ReaderResponse } from '@/utils/messages';
import type { ReadOffPage } from '@/utils/content-answers';
import { readServedPage } from '@/utils/read-off-page';
import { serializePage } from '@/utils/serialize-page';

/** The parser's DOMParser: the browsers' own there, jsdom's here. */
function withDomParser(): void {
  const scope = globalThis as { DOMParser?: unknown };
  scope.DOMParser ??= new JSDOM('').window.DOMParser;
}

/** What the content script's `read` gets back from the parser, through the background. */
export const readInProcess: ReadOffPage = (request) => {
  withDomParser();
  // Messages are copied between the browser's processes: so is the answer here.
  return Promise.resolve(structuredClone(readServedPage(request)));
};

function request(doc: Document, url: string, whole: boolean, sentences: number, reader: boolean): PageReadRequest {
  withDomParser();
  return { type: 'content→parser:page', html: serializePage(doc), url, whole, sentences, reader };
}

/** The parser's answer for the popup: the popup's answer and where the article is. */
export function parsePage(doc: Document, url: string, whole: boolean, sentences = 0): ParsedPage {
  return readServedPage(request(doc, url, whole, sentences, false)) as ParsedPage;
}

/** The page analysed as the popup asks for it: serialized, read by the parser, as the popup gets it. */
export function analyzePage(doc: Document, url: string, whole: boolean, sentences = 0): AnalyzeResponse {
  const answer = parsePage(doc, url, whole, sentences);
  // The content script keeps where the article is for itself: the popup gets the rest.
  delete answer.region;
  return answer;
}

/** The page read for the reader view: the report and the cleaned article's HTML. */
export function readerPayload(doc: Document, url: string, whole: boolean): ReaderResponse {
  return readServedPage(request(doc, url, whole, 0, true)) as ReaderResponse;
}
