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
    const texts = Object.entries(TEXTS)
      .map(([name, make]) => [name, make(max)] as const)
      .filter(([, text]) => text.length <= max);
    await resetRateLimits();

    const answers = [];
    for (const [name, text] of texts) {
      const change = { type: 'value', slot, value: text } as const;
      let res = await send(route, sampleOf(route), context, change);
      if (res.status === 409) {
        // Names unique per user may collide with an earlier text (emoji-only names read alike):
        // a user of its own must be able to use it.
        res = await send(route, sampleOf(route), await prepare(server(), route), change);
      }
      tally.count('text in every script', res.status);
      answers.push({
        name,
        status: res.status,
        answered:
          res.status === 202 ||
          (res.status < 300 && JSON.stringify(res.body).includes(JSON.stringify(text))),
      });
      if (res.status === 400) {
        expect(res.body.error.details).toEqual(
          expect.arrayContaining([expect.objectContaining({ field: slot.field })]),
        );
      }
    }
    const stored = await storedText();

    // A field that needs a letter refuses letterless text, naming itself; all else is kept.
    const needsLetter = slot.kind.kind === 'text' && slot.kind.needsLetter === true;
    const isKept = (text: string) => !needsLetter || /[\p{L}\p{N}]/u.test(text);
    expect(answers).toEqual(
      texts.map(([name, text]) => ({
        name,
        status: isKept(text) ? sampleOf(route).ok : 400,
        answered: isKept(text),
      })),
    );
    expect(
      texts.filter(([, text]) => isKept(text) && !stored.includes(JSON.stringify(text))),
    ).toEqual([]);
  });
});
