'use client';

import { useEffect, useState } from 'react';

import { getLocalToday } from './dates';

/**
 * Today's local YYYY-MM-DD, kept current when the page stays open past midnight or wakes from
 * sleep (timers do not fire while a laptop sleeps, so focus and visibility also re-check it).
 */
export function useLocalToday(): string {
  const [today, setToday] = useState(getLocalToday);

  useEffect(() => {
    const update = () => setToday(getLocalToday());
    const timer = window.setTimeout(update, msUntilNextMidnight() + 1_000);
    window.addEventListener('focus', update);
    document.addEventListener('visibilitychange', update);

    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('focus', update);
      document.removeEventListener('visibilitychange', update);
    };
  }, [today]);

  return today;
}

function msUntilNextMidnight(): number {
  const now = new Date();
  const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  return midnight.getTime() - now.getTime();
}
