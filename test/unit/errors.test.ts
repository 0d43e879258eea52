import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { EXIT, reportError } from '../../src/cli/errors.js';
import { loadMessages, translator, type Lang } from '../../src/i18n/index.js';

/** A real thread run out of its heap, as an import thread is when one order holds more rows than its limit. */
async function outOfMemory(): Promise<Error> {
  const worker = new Worker('const kept = []; for (;;) kept.push(new Array(100_000).fill(kept.length));', {
    eval: true,
    resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2 },
  });
  const [error] = (await once(worker, 'error')) as [Error];
  return error;
}

async function printed(error: unknown, lang: Lang): Promise<{ code: number; text: string }> {
  let text = '';
  const code = reportError(error, { write: (s: string) => ((text += s), true) }, translator(await loadMessages(lang)), false);
  return { code, text };
}

describe('errors shopkeep can name but not recover from', () => {
  it('a thread out of memory: exit 1, what happened and what to do, in either language, no stack', async () => {
    const error = await outOfMemory();
    expect((error as NodeJS.ErrnoException).code).toBe('ERR_WORKER_OUT_OF_MEMORY');
    const en = await printed(error, 'en');
    expect(en.code).toBe(EXIT.internal);
    expect(en.text).toContain('an import thread ran out of memory; nothing was imported');
    expect(en.text).toContain('split the file');
    const zh = await printed(error, 'zh-CN');
    expect(zh.text).toContain('导入线程内存不足；没有导入任何内容');
    expect(zh.text).toContain('拆分文件');
    expect(zh.text).not.toMatch(/at .*\.(js|ts):\d+/);
  });
});
