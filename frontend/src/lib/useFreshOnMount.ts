'use client';

import { useEffect } from 'react';

/**
 * Refetches a list each time its page opens. SWR skips a revalidation within two seconds of the
 * last one (deduping), so a list opened again right after an edit elsewhere (a routine saved, a
 * workout deleted) would otherwise show the cached version from before the edit.
 */
export function useFreshOnMount(mutate: () => Promise<unknown>): void {
  // `mutate` keeps its identity for a key (SWR memoizes it), so this runs once per mount.
  useEffect(() => {
    void mutate();
  }, [mutate]);
}
