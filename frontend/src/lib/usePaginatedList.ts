'use client';

import useSWRInfinite from 'swr/infinite';

import type { ApiError } from './errors';

/** One page of a list endpoint (`?limit=&cursor=`). */
export type Page<T> = { items: T[]; nextCursor: string | null };

/**
 * Reads a cursor-paginated list page by page. `mutate()` refetches every loaded page; call it
 * after creating, changing or deleting an item.
 */
export function usePaginatedList<T>(path: string, limit: number) {
  const { data, error, isLoading, isValidating, size, setSize, mutate } = useSWRInfinite<
    Page<T>,
    ApiError
  >((index, previous: Page<T> | null) => {
    if (previous && !previous.nextCursor) {
      return null;
    }

    const params = new URLSearchParams({ limit: String(limit) });
    if (previous?.nextCursor) {
      params.set('cursor', previous.nextCursor);
    }
    return `${path}?${params.toString()}`;
  });

  const items = data?.flatMap((page) => page.items) ?? [];
  const hasMore = Boolean(data?.at(-1)?.nextCursor);
  const isLoadingMore = isValidating && size > (data?.length ?? 0);

  return {
    items,
    error,
    isLoading,
    hasMore,
    isLoadingMore,
    loadMore: () => setSize(size + 1),
    mutate,
  };
}
