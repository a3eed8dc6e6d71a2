import { cleanup } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { formatBytes, formatDecimal, formatPercent, shortBytes } from '../../tui/src/format.ts';
import type { Lang } from '../../tui/src/i18n/catalogue.ts';
import { KEY, press, renderApp, useDemoApp, waitForText } from './helpers.tsx';

const GiB = 1024 ** 3;

describe('number formatting in each language', () => {
  it('writes sizes with a decimal point in English and a decimal comma in Italian', () => {
    const bytes = 296.5 * GiB;
    expect(formatBytes(bytes, 'en')).toBe('296.5 GiB');
    expect(formatBytes(bytes, 'it')).toBe('296,5 GiB');
    expect(formatBytes(5 * GiB, 'it')).toBe('5,0 GiB');
    expect(formatBytes(512, 'it')).toBe('512 B');
    expect(formatBytes(0, 'en')).toBe('0 B');
  });

  it('writes percentages with the same separator', () => {
    expect(formatPercent(1, 8, 'en')).toBe('12.5%');
    expect(formatPercent(1, 8, 'it')).toBe('12,5%');
    expect(formatPercent(3, 2, 'it')).toBe('150,0%');
    expect(formatDecimal(0.25, 2, 'it')).toBe('0,25');
  });

  it('keeps short sizes within five cells in both languages', () => {
    const sizes = [0, 512, 870 * 1024 ** 2, 1.2 * GiB, 50 * GiB, 1023.7 * 1024 ** 2];
    expect(sizes.map((b) => shortBytes(b, 'it'))).toEqual(['0', '512B', '870M', '1,2G', '50G', '1G']);
    expect(sizes.map((b) => shortBytes(b, 'en'))).toEqual(['0', '512B', '870M', '1.2G', '50G', '1G']);
    for (const lang of ['en', 'it'] as const) {
      for (const b of sizes) expect(shortBytes(b, lang).length).toBeLessThanOrEqual(5);
    }
  });
});

describe('sizes and percentages on the screens', () => {
  const demo = useDemoApp();

  // The same keys in both languages; only the texts waited for differ.
  const TEXTS = {
    en: { domains: 'Domains', service: 'Mail service:', quota: 'Quota detail', limit: 'Limit: 5.0 GiB' },
    it: {
      domains: 'Domini',
      service: 'Servizio di posta:',
      quota: 'Dettaglio spazio',
      limit: 'Limite: 5,0 GiB',
    },
  } as const;

  async function dashboard(lang: Lang) {
    const ui = renderApp(demo.session, lang);
    const text = TEXTS[lang];
    await waitForText(ui.lastFrame, text.domains);
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'oldshop.it');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, text.service);
    return ui;
  }

  async function quotaOfMario(lang: Lang): Promise<string> {
    const ui = await dashboard(lang);
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'alessandro.colombo@example.com');
    await press(ui.stdin, '/', ...'mario.rossi', KEY.enter);
    await waitForText(ui.lastFrame, 'mario.rossi@example.com');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, TEXTS[lang].quota);
    await press(ui.stdin, 'j', 'j', KEY.enter);
    return waitForText(ui.lastFrame, TEXTS[lang].limit);
  }

  it('shows the quota detail with a decimal point and percentage in English', async () => {
    const frame = await quotaOfMario('en');
    expect(frame).toMatch(/Used: \d+\.\d (B|KiB|MiB|GiB)/);
    expect(frame).toMatch(/\] \d+\.\d%/);
  });

  it('shows the quota detail with a decimal comma and percentage in Italian', async () => {
    const frame = await quotaOfMario('it');
    expect(frame).toMatch(/Usato: \d+,\d (B|KiB|MiB|GiB)/);
    expect(frame).toMatch(/\] \d+,\d%/);
    // Every line but the context line, whose server address (127.0.0.1:port) is no number to format.
    const body = frame.split('\n').filter((line) => !line.includes(' · demo · '));
    expect(body.length).toBe(frame.split('\n').length - 1);
    expect(body.join('\n')).not.toMatch(/\d\.\d/);
  });

  it('shows the domain quota summary with a decimal comma in Italian and a decimal point in English', async () => {
    const it = (await dashboard('it')).lastFrame() ?? '';
    expect(it).toMatch(/Spazio: \d+,\d \w+ usati su \d+,\d GiB assegnati/);
    cleanup();
    const en = (await dashboard('en')).lastFrame() ?? '';
    expect(en).toMatch(/Quota: \d+\.\d \w+ used of \d+\.\d GiB assigned/);
  });
});
