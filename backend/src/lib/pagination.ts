export const DEFAULT_PAGE_SIZE = 20;

export interface PageQuery {
  limit?: number;
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Cuts one extra fetched row off a page and turns it into the next cursor. */
export function toPage<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  const hasMore = rows.length > limit;

  return { items, nextCursor: hasMore ? (items[items.length - 1]?.id ?? null) : null };
}
