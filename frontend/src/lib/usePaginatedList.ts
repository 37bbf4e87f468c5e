'use client';

import useSWRInfinite from 'swr/infinite';

import type { ApiError } from './errors';

/** One page of a list endpoint (`?limit=&cursor=`). */
export type Page<T> = { items: T[]; nextCursor: string | null };

/**
 * Reads a cursor-paginated list page by page. `mutate()` refetches every loaded page; call it
 * after creating, changing or deleting an item.
 */
export function usePaginatedList<T, P extends Page<T> = Page<T>>(path: string, limit: number) {
  const { data, error, isLoading, isValidating, size, setSize, mutate } = useSWRInfinite<
    P,
    ApiError
  >((index, previous: P | null) => {
    if (previous && !previous.nextCursor) {
      return null;
    }

    const params = new URLSearchParams({ limit: String(limit) });
    if (previous?.nextCursor) {
      params.set('cursor', previous.nextCursor);
    }
    return `${path}${path.includes('?') ? '&' : '?'}${params.toString()}`;
  });

  const items = data?.flatMap((page) => page.items) ?? [];
  const hasMore = Boolean(data?.at(-1)?.nextCursor);
  const isLoadingMore = isValidating && size > (data?.length ?? 0);

  return {
    /** The pages as the API sent them, for what a page carries besides its items. */
    pages: data ?? [],
    items,
    error,
    isLoading,
    hasMore,
    isLoadingMore,
    loadMore: () => setSize(size + 1),
    mutate,
  };
}
