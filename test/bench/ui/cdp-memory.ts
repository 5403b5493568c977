// The renderer's JS heap, as DevTools reports it (CDP Performance.getMetrics → JSHeapUsedSize),
// after a forced garbage collection so the figure is what the page keeps, not what it has not freed yet.
import type { BrowserContext, Page } from 'playwright-core';

export async function rendererHeapMb(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value;
    if (used === undefined) throw new Error('CDP reported no JSHeapUsedSize');
    return used / 1024 / 1024;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
