'use client';

import { useCallback, useEffect, useState } from 'react';

import { extendRest, remainingSeconds } from './restTimer';

/** A rest countdown: start it after a set, move it by 15 s, skip it. Buzzes the phone at zero. */
export function useRestTimer() {
  const [endsAt, setEndsAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const remaining = remainingSeconds(endsAt, now);

  useEffect(() => {
    if (endsAt === null) {
      return;
    }
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, [endsAt]);

  useEffect(() => {
    if (endsAt !== null && remaining === 0) {
      navigator.vibrate?.([200, 100, 200]);
    }
  }, [endsAt, remaining]);

  const start = useCallback((seconds: number) => {
    const current = Date.now();
    setNow(current);
    setEndsAt(current + seconds * 1000);
  }, []);
  const adjust = useCallback(
    (seconds: number) =>
      setEndsAt((end) => (end === null ? end : extendRest(end, seconds, Date.now()))),
    [],
  );
  const stop = useCallback(() => setEndsAt(null), []);

  return { isRunning: endsAt !== null, remaining, start, adjust, stop };
}
