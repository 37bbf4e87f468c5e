'use client';

import { useEffect, useState } from 'react';

/** Whole seconds since `since` (an ISO instant), updated every second. */
export function useElapsed(since: string): number {
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);

  return Math.max(0, Math.floor((now - Date.parse(since)) / 1000));
}
