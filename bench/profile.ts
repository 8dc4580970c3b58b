/**
 * CPU profiles of clicks (CDP Profiler, in the news page's renderer: the content script's isolated
 * world runs there), summed over pages and named through the bench build's source map: self time
 * per function of ours (Readability's included, it is bundled in the content script), and per
 * source file. A native frame (a regular expression, a DOM call) counts towards the function of
 * ours that called it; garbage collection is a line of its own.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface CostTable {
  /** Milliseconds of self time per function ("core/quotes.ts:212 speakerOf"). */
  functions: Map<string, number>;
  files: Map<string, number>;
  /** Milliseconds per step of the click (STEPS), the calls under it included. */
  steps: Map<string, number>;
  gc: number;
  total: number;
}

export function emptyCosts(): CostTable {
  return { functions: new Map(), files: new Map(), steps: new Map(), gc: 0, total: 0 };
}

const add = (map: Map<string, number>, key: string, value: number): void => {
  map.set(key, (map.get(key) ?? 0) + value);
};

/**
 * The steps of a click, by the function that does each: a sample counts towards the innermost
 * one on its stack (the page's clone inside the article step is the clone, not the article).
 * Names are the source's (Readability's `parse`) or, for the browser's own, the DOM call's.
 */
const STEPS: Record<string, string> = {
  cloneNode: 'clone of the page (Lede and Readability alike)',
  parse: "Readability's parse, in Lede's analysis",
  isProbablyReaderable: 'isProbablyReaderable (twice: analyzePage, extractArticle)',
  keepOneStory: 'keepOneStory',
  restoreLazyImages: 'restoreLazyImages',
  cleanArticle: 'cleanArticle (clean-up rules)',
  extractBlocks: 'extractBlocks',
  articleLang: 'articleLang (language from the words)',
  declaredLang: 'declaredLang',
  extractTimestamps: 'extractTimestamps',
  extractByline: 'extractByline',
  findUpdateNotes: 'findUpdateNotes',
  extractQuotes: 'extractQuotes',
  summarize: 'summarize',
  findPaywall: 'findPaywall',
  countWords: 'countWords',
  textSignature: 'textSignature (the cache key)',
  buildIndex: 'highlights: buildIndex (the page text index)',
  applyHighlights: 'highlights: search, ranges, registration',
};

export class ProfileNamer {
  private readonly map: TraceMap;
  private readonly sources = new Map<string, string[]>();
  private readonly labels = new Map<string, { fn: string; file: string }>();

  constructor(
    private readonly scriptSuffix: string,
    buildDir: string,
  ) {
    const mapFile = path.join(buildDir, `${scriptSuffix.replace(/^\//, '')}.map`);
    this.map = new TraceMap(readFileSync(mapFile, 'utf8'), mapFile);
  }

  isOurs(frame: CallFrame): boolean {
    return frame.url.endsWith(this.scriptSuffix);
  }

  private sourceLine(file: string, line: number): string {
    if (!this.sources.has(file)) {
      let lines: string[] = [];
      try {
        lines = readFileSync(file, 'utf8').split('\n');
      } catch {
        // A source the map names but the disk has not: the label keeps the minified name.
      }
      this.sources.set(file, lines);
    }
    return this.sources.get(file)?.[line - 1] ?? '';
  }

  /** "core/quotes.ts:212 speakerOf" for a frame of the content script. */
  label(frame: CallFrame): { fn: string; file: string } {
    const key = `${frame.lineNumber}:${frame.columnNumber}`;
    const known = this.labels.get(key);
    if (known) return known;
    const original =
      frame.lineNumber >= 0
        ? originalPositionFor(this.map, { line: frame.lineNumber + 1, column: Math.max(0, frame.columnNumber) })
        : { source: null, line: null, name: null };
    let result = { fn: `${frame.functionName || '(anonymous)'} (in-page.js)`, file: '(in-page.js)' };
    if (original.source && original.line) {
      // Sources come resolved against the map's own path (trace-mapping), e.g. `core/quotes.ts`.
      const file = path.relative(process.cwd(), path.resolve(original.source));
      const text = this.sourceLine(file, original.line);
      const name =
        original.name ??
        /(?:function\*?\s+|const\s+|let\s+|^\s*(?:async\s+)?)([\w$]+)\s*(?:=|\(|<)/.exec(text)?.[1] ??
        (frame.functionName || '(anonymous)');
      result = { fn: `${file}:${original.line} ${name}`, file };
    }
    this.labels.set(key, result);
    return result;
  }

  /** The step a frame starts, if any: our functions by their source name, DOM calls by theirs. */
  private stepOf(frame: CallFrame): string | undefined {
    const name = this.isOurs(frame)
      ? this.label(frame).fn.split(' ').at(-1)
      : frame.url
        ? undefined
        : frame.functionName;
    return name && Object.hasOwn(STEPS, name) ? STEPS[name] : undefined;
  }

  /** Adds one profile's self times to `costs`. */
  addProfile(profile: CpuProfile, costs: CostTable): void {
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      // The time until the next sample belongs to this one.
      const milliseconds = (deltas[i + 1] ?? 0) / 1000;
      const node = byId.get(samples[i] as number);
      if (!node) continue;
      if (node.callFrame.functionName === '(garbage collector)') {
        costs.gc += milliseconds;
        costs.total += milliseconds;
        continue;
      }
      let ours: ProfileNode | undefined = node;
      while (ours && !this.isOurs(ours.callFrame)) ours = byId.get(parent.get(ours.id) ?? -1);
      if (!ours) continue;
      let step: string | undefined;
      for (let frame: ProfileNode | undefined = node; frame && !step; frame = byId.get(parent.get(frame.id) ?? -1))
        step = this.stepOf(frame.callFrame);
      add(costs.steps, step ?? 'other work of ours (messaging, the rest)', milliseconds);
      const { fn, file } = this.label(ours.callFrame);
      add(costs.functions, fn, milliseconds);
      add(costs.files, file, milliseconds);
      costs.total += milliseconds;
    }
  }
}

export function topCosts(map: Map<string, number>, count: number): [string, number][] {
  return [...map].sort((a, b) => b[1] - a[1]).slice(0, count);
}
