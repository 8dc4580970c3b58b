/**
 * Runs work in steps on the page's main thread (utils/serialize-page.ts, serializePageSteps),
 * giving it back to the page between them: input, scrolling and the page's own scripts get their
 * turn between the slices, instead of one long task (issue 9).
 */

import { timedStep } from './bench-marks';

/**
 * How long one step may run before it gives the thread back (ms). A walk or a serialization on
 * this machine's two cores runs several times slower while the popup and the parser start beside
 * it (docs/PERFORMANCE.md), so steps end by the clock, not by a count of elements.
 */
export const SLICE_MS = 8;

type Scheduler = { yield?: () => Promise<void> };

/**
 * A new task, soon. scheduler.yield() where the browser has it (it keeps our place ahead of
 * other work); else a message to ourselves. Not setTimeout: in a hidden tab (Firefox's popup
 * opened in a tab, the reader view's own tab) timers are held to one per second.
 */
export function pause(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Runs `steps`, pausing between them; `name` labels each step's time in the bench build. */
export async function runSteps<T>(steps: Generator<void, T>, name: string): Promise<T> {
  let index = 0;
  // Bench build only (utils/bench-marks.ts; other builds drop it): each step's time.
  const next = (): IteratorResult<void, T> =>
    import.meta.env.MODE === 'bench' ? timedStep(`${name}-${index++}`, () => steps.next()) : steps.next();
  for (let step = next(); ; step = next()) {
    if (step.done) return step.value;
    await pause();
  }
}

/** Runs `steps` to the end at once, without pausing (the tests). */
export function runAtOnce<T>(steps: Generator<void, T>): T {
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}
