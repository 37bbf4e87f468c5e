import { registerThroughStack, stack } from '../test/stack';
import { CATALOG } from './catalog';

// scripts/test.sh starts the PM2 cluster on an empty database, so its API instances seed the
// catalog at the same moment: the case the derived ids and one-at-a-time upserts are there for.
describe('the exercise catalog of a freshly started cluster', () => {
  it('holds every catalog exercise exactly once', async () => {
    const { token } = await registerThroughStack();
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const res = await fetch(`${stack.baseUrl()}/api/exercises?scope=catalog&limit=100${query}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      const page = (await res.json()) as {
        items: Array<{ name: string }>;
        nextCursor: string | null;
      };
      names.push(...page.items.map((item) => item.name));
      cursor = page.nextCursor;
    } while (cursor);

    expect(names).toHaveLength(CATALOG.length);
    expect(new Set(names)).toEqual(new Set(CATALOG.map((exercise) => exercise.name)));
  });
});
