import { send } from '../test/attack';
import { bodySlots, type Slot } from '../test/hostile';
import { prepare, resetRateLimits, sampledRoutes, sampleOf, useServer } from '../test/hardening';
import { storedText } from '../test/snapshot';
import { useTestServices } from '../test/setup';
import { createTally } from '../test/tally';

useTestServices();
const server = useServer();
const tally = createTally('text');

afterAll(() => tally.save());

/** Text people write, in scripts and symbols that trip up naive code; each must come back as sent. */
const TEXTS: Record<string, (max: number) => string> = {
  emoji: () => 'Run 🏃‍♀️ 5 km 💪🏽',
  'a family emoji (ZWJ sequence)': () => '👩‍👩‍👧‍👦 walk',
  flags: () => '🇵🇹🇯🇵🏳️‍🌈',
  Arabic: () => 'تمرين الصباح',
  Hebrew: () => 'ריצת בוקר 5 ק״מ',
  'a right-to-left override': () => 'report\u202Eexe.txt',
  'combining marks': () => 'Cafe\u0301 cre\u0300me',
  'CJK and full-width': () => '腕立て伏せ ３０回',
  'zero-width characters': () => 'zero\u200Bwidth\u200Djoiner\uFEFFinside',
  'at the length limit': (max) => 'é'.repeat(max),
  'emoji up to the length limit': (max) => '💪'.repeat(Math.floor(max / 2)),
  'HTML and SQL': () => `<script>alert("x")</script> ' OR 1=1 --`,
};

const writes = sampledRoutes.filter(
  (route) => route.method !== 'GET' && sampleOf(route).body !== undefined,
);

function textSlots(): Array<[string, (typeof writes)[number], Slot]> {
  return writes.flatMap((route) =>
    bodySlots(sampleOf(route).body, sampleOf(route).fields ?? {}, route.key)
      .filter((slot) => slot.kind.kind === 'text')
      .map((slot): [string, (typeof writes)[number], Slot] => [
        `${route.key} ${slot.field}`,
        route,
        slot,
      ]),
  );
}

describe('text in every script', () => {
  it.each(textSlots())('%s stores and answers it exactly as sent', async (_label, route, slot) => {
    const max = slot.kind.kind === 'text' ? slot.kind.max : 0;
    const context = await prepare(server(), route);

    for (const [name, make] of Object.entries(TEXTS)) {
      const text = make(max);
      if (text.length > max) {
        continue;
      }
      await resetRateLimits();

      const res = await send(route, sampleOf(route), context, { type: 'value', slot, value: text });

      tally.count('text in every script', res.status);
      expect({ name, status: res.status }).toEqual({ name, status: sampleOf(route).ok });
      expect({ name, stored: (await storedText()).includes(JSON.stringify(text)) }).toEqual({
        name,
        stored: true,
      });
      if (res.status !== 202) {
        expect({ name, answered: JSON.stringify(res.body).includes(JSON.stringify(text)) }).toEqual(
          { name, answered: true },
        );
      }
    }
  });
});
